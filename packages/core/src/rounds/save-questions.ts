import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { ConflictError, ValidationError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../audit/index.ts';
import { questionKinds } from '../db/schema/index.ts';
import { loadRoundForActor, type RoundLocator } from './load-round.ts';
import type { QuestionKind } from './round.ts';
import {
  deleteQuestionRows,
  findQuestionIdsWithAnswers,
  findQuestionsOfRound,
  insertQuestionRow,
  updateQuestionRow,
} from './rounds.repository.ts';

export interface QuestionInput {
  /** Present for an existing question; absent for a new one. */
  id?: string | undefined;
  kind: QuestionKind;
  text: string;
  isRequired: boolean;
  options?: string[] | undefined;
}

const choiceKinds: readonly QuestionKind[] = ['single_choice', 'multiple_choice'];

/** Checks one question list; returns field errors keyed `questions.<index>.<field>`. */
export function validateQuestions(inputs: QuestionInput[]): Record<string, string> {
  const problems: Record<string, string> = {};
  inputs.forEach((question, index) => {
    if (!questionKinds.includes(question.kind)) problems[`questions.${index}.kind`] = 'Unknown kind.';
    if (!question.text.trim()) problems[`questions.${index}.text`] = 'Required.';
    const options = (question.options ?? []).map((option) => option.trim()).filter(Boolean);
    if (choiceKinds.includes(question.kind) && options.length < 2)
      {problems[`questions.${index}.options`] = 'Give at least two options.';}
    if (new Set(options).size !== options.length)
      {problems[`questions.${index}.options`] = 'Options must differ.';}
  });
  return problems;
}

/**
 * Replaces a round's question list in the given order: existing questions (by id) are updated and
 * reordered, new ones added, missing ones removed. A question that already has answers cannot be
 * removed, so no answer is silently lost.
 */
export async function saveQuestions(
  db: Database,
  actor: Actor,
  locator: RoundLocator,
  inputs: QuestionInput[],
) {
  const { round, strategyProcess } = await loadRoundForActor(db, actor, locator, true);
  const problems = validateQuestions(inputs);
  if (Object.keys(problems).length) throw new ValidationError('Some questions are not valid.', problems);
  return db.transaction(async (tx) => {
    const existing = await findQuestionsOfRound(tx, round.id);
    const existingIds = new Set(existing.map((question) => question.id));
    for (const input of inputs) {
      if (input.id && !existingIds.has(input.id))
        {throw new ValidationError('A question does not belong to this round.');}
    }
    const keptIds = new Set(inputs.flatMap((input) => (input.id ? [input.id] : [])));
    const removedIds = existing
      .filter((question) => !keptIds.has(question.id))
      .map((question) => question.id);
    const answered = await findQuestionIdsWithAnswers(tx, removedIds);
    if (answered.size > 0) {
      throw new ConflictError(
        'question_has_answers',
        'A question that already has answers cannot be removed.',
      );
    }
    await deleteQuestionRows(tx, removedIds);
    for (const [position, input] of inputs.entries()) {
      const values = {
        position: position + 1,
        kind: input.kind,
        text: input.text.trim(),
        isRequired: input.isRequired,
        options: (input.options ?? []).map((option) => option.trim()).filter(Boolean),
      };
      if (input.id) await updateQuestionRow(tx, input.id, values);
      else await insertQuestionRow(tx, { ...values, roundId: round.id });
    }
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'round.questions_saved',
      entityType: 'input_round',
      entityId: round.id,
      detail: {
        before: existing.map((question) => ({ id: question.id, text: question.text })),
        after: inputs.map((input) => ({ id: input.id ?? null, text: input.text })),
      },
    });
    return findQuestionsOfRound(tx, round.id);
  });
}
