import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { actors as actorsTable, inputRounds, submissions } from '../db/schema/index.ts';
import { insertActorRow } from '../actors/index.ts';
import { insertQuestionRow, insertRound, type QuestionKind } from '../rounds/index.ts';
import {
  createReceiptCode,
  findSubmissionsOfRound,
  insertSubmission,
  upsertAnswers,
} from '../responses/index.ts';
import { buildProcess } from './builders.ts';

const unique = () => randomBytes(4).toString('hex');

export interface QuestionSpec {
  kind?: QuestionKind;
  text?: string;
  isRequired?: boolean;
  options?: string[];
}

/**
 * An input round (open, public, deadline in a week unless told) with questions. Creates its
 * process when `processId` is not given. Default questions: one required long text, one optional.
 */
export async function buildRound(
  db: Database,
  overrides: Partial<typeof inputRounds.$inferInsert> & { questions?: QuestionSpec[] } = {},
) {
  const { questions: questionSpecs, ...values } = overrides;
  const processId = values.processId ?? (await buildProcess(db)).id;
  const round = await insertRound(db, {
    number: values.number ?? Math.floor(Math.random() * 1_000_000) + 1,
    title: `Round ${unique()}`,
    purpose: 'What should the strategy say?',
    deadline: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    status: 'open',
    visibility: 'public',
    ...values,
    processId,
  });
  const specs = questionSpecs ?? [
    { kind: 'long_text' as const, text: 'What are the main challenges?', isRequired: true },
    { kind: 'long_text' as const, text: 'Anything else?', isRequired: false },
  ];
  const questions = [];
  for (const [index, spec] of specs.entries()) {
    questions.push(
      await insertQuestionRow(db, {
        roundId: round.id,
        position: index + 1,
        kind: spec.kind ?? 'long_text',
        text: spec.text ?? `Question ${index + 1}`,
        isRequired: spec.isRequired ?? false,
        options: spec.options ?? [],
      }),
    );
  }
  return { round, questions, processId };
}

/** A registered actor (an organisation with a valid organisation number unless told). */
export async function buildActor(
  db: Database,
  processId: string,
  overrides: Partial<typeof actorsTable.$inferInsert> = {},
) {
  return insertActorRow(db, {
    name: `Organisasjon ${unique()}`,
    type: 'universitet',
    contactEmails: [`post-${unique()}@example.test`],
    ...overrides,
    processId,
  });
}

/** A submission (sent unless told) with the given answers by question id. */
export async function buildSubmission(
  db: Database,
  roundId: string,
  overrides: Partial<typeof submissions.$inferInsert> & {
    /** Text answers by question id. */
    answers?: Record<string, string>;
    /** Choice, scale or number answers by question id. */
    answerValues?: Record<string, string | string[] | number>;
  } = {},
) {
  const { answers, answerValues, ...values } = overrides;
  const status = values.status ?? 'submitted';
  const submission = await insertSubmission(db, {
    source: 'web',
    ...(status === 'submitted' ? { submittedAt: new Date(), receiptCode: createReceiptCode() } : {}),
    ...values,
    status,
    roundId,
  });
  if (answers) {
    await upsertAnswers(
      db,
      submission.id,
      Object.entries(answers).map(([questionId, text]) => ({ questionId, text, value: null })),
    );
  }
  if (answerValues) {
    await upsertAnswers(
      db,
      submission.id,
      Object.entries(answerValues).map(([questionId, value]) => ({ questionId, text: null, value })),
    );
  }
  return submission;
}

/** Every submission of a round, drafts included (for tests that count what a request created). */
export async function findRoundSubmissions(db: Database, roundId: string) {
  const rows = await findSubmissionsOfRound(db, roundId, { includeDrafts: true });
  return rows.map((row) => row.submission);
}
