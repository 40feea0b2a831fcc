import type { Database, Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { ConflictError, ValidationError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { questionKinds } from '../db/schema/index.ts';
import { loadRoundForActor, type RoundLocator } from './load-round-for-actor.ts';
import { AnsweredQuestionChangedError } from './rounds.errors.ts';
import type { QuestionKind } from './round.ts';
import {
  deleteQuestionRows,
  findChosenOptions,
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
    if (choiceKinds.includes(question.kind) && options.length < 2) {
      problems[`questions.${index}.options`] = 'Give at least two options.';
    }
    if (new Set(options).size !== options.length) {
      problems[`questions.${index}.options`] = 'Options must differ.';
    }
  });
  return problems;
}

/** A kind an answered question may change to: the same, or a short text question made long. */
function keepsAnswersFitting(from: QuestionKind, to: QuestionKind): boolean {
  return from === to || (from === 'short_text' && to === 'long_text');
}

/**
 * Field errors for changes to answered questions that would leave their answers not fitting: a
 * new kind (other than short text to long text), or a removed or renamed option that answers chose.
 */
async function answeredQuestionProblems(
  db: Queryable,
  existing: readonly { id: string; kind: QuestionKind; options: string[] }[],
  inputs: QuestionInput[],
): Promise<Record<string, string>> {
  const byId = new Map(existing.map((question) => [question.id, question]));
  const updatedIds = inputs.flatMap((input) => (input.id ? [input.id] : []));
  const answered = await findQuestionIdsWithAnswers(db, updatedIds);
  const chosen = await findChosenOptions(
    db,
    [...answered].filter((id) => choiceKinds.includes(byId.get(id)!.kind)),
  );
  const problems: Record<string, string> = {};
  inputs.forEach((input, index) => {
    const before = input.id ? byId.get(input.id) : undefined;
    if (!before || !answered.has(before.id)) return;
    if (!keepsAnswersFitting(before.kind, input.kind)) {
      problems[`questions.${index}.kind`] =
        'This question already has answers: its kind cannot change (except short text to long text).';
      return;
    }
    const options = new Set((input.options ?? []).map((option) => option.trim()));
    const missing = [...(chosen.get(before.id) ?? [])].filter((option) => !options.has(option));
    if (missing.length) {
      problems[`questions.${index}.options`] =
        `Answers chose ${missing.map((option) => `"${option}"`).join(', ')}: an option that has been chosen cannot be removed or renamed.`;
    }
  });
  return problems;
}

/**
 * Replaces a round's question list in the given order: existing questions (by id) are updated and
 * reordered, new ones added, missing ones removed. No answer is silently lost or left not fitting
 * its question: a question that already has answers cannot be removed, change its kind (but for
 * short text to long text), or lose an option that answers chose.
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
      if (input.id && !existingIds.has(input.id)) {
        throw new ValidationError('A question does not belong to this round.');
      }
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
    const changeProblems = await answeredQuestionProblems(tx, existing, inputs);
    if (Object.keys(changeProblems).length) {
      throw new AnsweredQuestionChangedError(changeProblems);
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
