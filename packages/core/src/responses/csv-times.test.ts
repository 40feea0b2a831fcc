import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  buildActor,
  buildMember,
  buildRound,
  buildSubmission,
  type TestDatabase,
} from '../testing/index.ts';
import { findProcessById } from '../processes/index.ts';
import { exportResponses, getParticipation, participationCsv } from './index.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A round with one answer sent late in the evening (Oslo), in winter and in summer. */
async function roundWithAnswers() {
  const { round, questions, processId } = await buildRound(database.db, { number: 1 });
  const strategyProcess = await findProcessById(database.db, processId);
  const { actor } = await buildMember(database.db, processId, 'secretariat');
  const winter = await buildActor(database.db, processId, { name: 'Vinter kommune' });
  const summer = await buildActor(database.db, processId, { name: 'Sommer kommune' });
  await buildSubmission(database.db, round.id, {
    actorId: winter.id,
    submittedAt: new Date('2026-11-28T22:45:53Z'),
    answers: { [questions[0]!.id]: 'Svar om kvelden.' },
  });
  await buildSubmission(database.db, round.id, {
    actorId: summer.id,
    submittedAt: new Date('2026-06-30T22:10:00Z'),
    answers: { [questions[0]!.id]: 'Svar om sommeren.' },
  });
  return { actor, locator: { slug: strategyProcess!.slug, roundNumber: 1 } };
}

describe('CSV times', () => {
  it('shows when a response was sent as Oslo time with its offset, in both CSV exports', async () => {
    const { actor, locator } = await roundWithAnswers();

    const participation = participationCsv(await getParticipation(database.db, actor, locator));
    expect(participation).toContain('2026-11-28T23:45:53+01:00');
    expect(participation).toContain('2026-07-01T00:10:00+02:00');
    expect(participation).not.toContain('2026-11-28T22:45:53');

    const responses = await exportResponses(database.db, actor, locator, 'csv');
    expect(responses).toContain('2026-11-28T23:45:53+01:00');
    expect(responses).toContain('2026-07-01T00:10:00+02:00');

    const jsonl = await exportResponses(database.db, actor, locator, 'jsonl');
    const sentAt = jsonl
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { submittedAt: string }).submittedAt)
      .sort();
    expect(sentAt).toEqual(['2026-06-30T22:10:00.000Z', '2026-11-28T22:45:53.000Z']);
  });
});
