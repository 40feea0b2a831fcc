import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, buildRound, type TestDatabase } from '../testing/index.ts';
import { fixedClock, type Clock } from '../shared/clock.ts';
import { RoundClosedError } from '../rounds/index.ts';
import { sendEmailJobKind } from '../email/index.ts';
import { InvalidRespondentLinkError, RequiredAnswersMissingError } from './responses.errors.ts';
import { openRespondentLink, searchSegments, startResponse, submitResponse } from './index.ts';
import { findAnswersOfSubmission, findSegmentsOfSubmissions } from './responses.repository.ts';

let database: TestDatabase;
const now = new Date('2026-11-28T12:00:00Z');
const clock = fixedClock(now);
const deps = (at: Clock = clock) => ({ db: database.db, clock: at, publicUrl: 'http://innspill.test' });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await database.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

/** Starts `count` empty drafts in the round and returns their links. */
async function startDrafts(roundId: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) tokens.push((await startResponse(deps(), roundId, {})).token!);
  return tokens;
}

describe('submitResponse (group commit)', () => {
  it('writes concurrent first submits together, each complete with its own receipt', async () => {
    const { round, questions } = await buildRound(database.db, {
      deadline: new Date('2026-12-10T22:59:00Z'),
    });
    const [challenges, other] = questions;
    const tokens = await startDrafts(round.id, 25);

    const results = await Promise.all(
      tokens.map((token, i) =>
        submitResponse(deps(), token, {
          answers: [
            {
              questionId: challenges!.id,
              text: `Institusjonene trenger felles digitale verktøy (svar ${i}).\n\n- Bedre samarbeid om innkjøp\n- Deling av data`,
            },
            { questionId: other!.id, text: i % 2 === 0 ? 'Students must be heard in every project.' : '' },
          ],
          submitterName: `Kari ${i}`,
          submitterEmail: `kari.${i}@example.test`,
          publicationConsent: i % 3 !== 0,
        }),
      ),
    );

    const receipts = results.map((result) => result.submission.receiptCode);
    expect(new Set(receipts).size).toBe(25);
    results.forEach((result, i) => {
      expect(result.isRepeat).toBe(false);
      expect(result.submission.status).toBe('submitted');
      expect(result.submission.submitterName).toBe(`Kari ${i}`);
      expect(result.submission.publicationConsent).toBe(i % 3 !== 0);
      expect(result.view.canWithdraw).toBe(true);
      expect(result.view.answers.find((answer) => answer.questionId === challenges!.id)?.text).toContain(
        `(svar ${i})`,
      );
    });

    // What the respondent was told is what is stored.
    const reopened = await openRespondentLink(database.db, tokens[7]!, clock);
    expect(reopened.submission?.receiptCode).toBe(receipts[7]);
    expect(reopened.submission?.submitterEmail).toBe('kari.7@example.test');
    expect((await findAnswersOfSubmission(database.db, results[7]!.submission.id)).length).toBe(2);

    const ids = results.map((result) => result.submission.id);
    const segments = await findSegmentsOfSubmissions(database.db, ids);
    expect(new Set(segments.map((segment) => segment.submissionId)).size).toBe(25);
    // Paragraph + two list items for everyone, plus the English answer for every second one.
    expect(segments.length).toBe(25 * 3 + 13);
    expect(segments.find((segment) => segment.text.startsWith('Students'))?.language).toBe('en');
    expect(await searchSegments(database.db, round.id, 'samarbeid', 'norwegian')).toHaveLength(25);

    const audited = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_events where action = 'submission.submitted' and entity_id = any(${sql.raw(`array[${ids.map((id) => `'${id}'`).join(',')}]`)})`,
    );
    expect(audited[0]!.n).toBe(25);
    const emails = await rows<{ to: string; text: string }>(
      sql`select payload->>'to' as to, payload->>'text' as text from jobs where kind = ${sendEmailJobKind} and payload->>'roundId' = ${round.id}`,
    );
    expect(emails.map((email) => email.to).sort()).toEqual(
      tokens.map((_, i) => `kari.${i}@example.test`).sort(),
    );
    expect(emails.find((email) => email.to === 'kari.3@example.test')?.text).toContain(receipts[3]!);

    // Group commit: the 25 submissions were written by fewer transactions than there were submits.
    const transactions = await rows<{ n: number }>(
      sql`select count(distinct xmin::text)::int as n from submissions where round_id = ${round.id} and status = 'submitted'`,
    );
    expect(transactions[0]!.n).toBeLessThan(25);
  });

  it('refuses each bad submit of a batch on its own and writes the rest', async () => {
    const deadline = new Date('2026-12-10T22:59:00Z');
    const { round, questions } = await buildRound(database.db, { deadline });
    const strict = await buildRound(database.db, {
      deadline: new Date('2026-11-28T11:00:00Z'),
      latePolicy: 'refuse',
    });
    const lenient = await buildRound(database.db, {
      deadline: new Date('2026-11-28T11:00:00Z'),
      latePolicy: 'accept_flagged',
    });
    const required = questions[0]!;
    const [good, missing, twice] = await startDrafts(round.id, 3);
    const early = fixedClock(new Date('2026-11-28T10:00:00Z'));
    const late = (await startResponse(deps(early), strict.round.id, {})).token!;
    const flagged = (await startResponse(deps(early), lenient.round.id, {})).token!;
    const answer = (questionId: string, text: string) => ({ answers: [{ questionId, text }] });

    const settled = await Promise.allSettled([
      submitResponse(deps(), good!, answer(required.id, 'Et godt svar.')),
      submitResponse(deps(), missing!, answer(questions[1]!.id, 'Bare det valgfrie.')),
      submitResponse(deps(), twice!, answer(required.id, 'Dobbeltklikk.')),
      submitResponse(deps(), twice!, answer(required.id, 'Dobbeltklikk.')),
      submitResponse(deps(), late, answer(strict.questions[0]!.id, 'For sent.')),
      submitResponse(deps(), flagged, answer(lenient.questions[0]!.id, 'Sent, men tatt imot.')),
      submitResponse(deps(), 'no-such-link', answer(required.id, 'Hvem er jeg?')),
    ]);

    const [sentGood, refusedMissing, first, second, refusedLate, sentFlagged, unknown] = settled;
    expect(sentGood.status === 'fulfilled' && sentGood.value.submission.status).toBe('submitted');
    expect(refusedMissing.status === 'rejected' && refusedMissing.reason).toBeInstanceOf(
      RequiredAnswersMissingError,
    );
    expect(refusedLate.status === 'rejected' && refusedLate.reason).toBeInstanceOf(RoundClosedError);
    expect(unknown.status === 'rejected' && unknown.reason).toBeInstanceOf(InvalidRespondentLinkError);
    expect(sentFlagged.status === 'fulfilled' && sentFlagged.value.submission.isLate).toBe(true);
    // A double click gives one receipt.
    const firstReceipt = first.status === 'fulfilled' ? first.value.submission.receiptCode : 'first failed';
    const secondReceipt =
      second.status === 'fulfilled' ? second.value.submission.receiptCode : 'second failed';
    expect(secondReceipt).toBe(firstReceipt);

    // The refused ones wrote nothing: still drafts, without the answers they sent.
    const stillDraft = await openRespondentLink(database.db, missing!, clock);
    expect(stillDraft.submission?.status).toBe('draft');
    expect(stillDraft.answers).toEqual([]);
    expect((await openRespondentLink(database.db, late, early)).submission?.status).toBe('draft');
  });

  it('writes the others when one submit breaks the shared transaction, and nothing of that one', async () => {
    const { round, questions } = await buildRound(database.db, {
      deadline: new Date('2026-12-10T22:59:00Z'),
    });
    const tokens = await startDrafts(round.id, 6);
    const settled = await Promise.allSettled(
      tokens.map((token, i) =>
        submitResponse(deps(), token, {
          // PostgreSQL refuses a NUL character in text: the database, not the validation, says no.
          answers: [
            { questionId: questions[0]!.id, text: i === 3 ? 'Ødelagt \u0000 tekst' : `Svar nummer ${i}.` },
          ],
        }),
      ),
    );
    expect(settled.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const broken = await openRespondentLink(database.db, tokens[3]!, clock);
    expect(broken.submission?.status).toBe('draft');
    expect(broken.answers).toEqual([]);
    const sent = await openRespondentLink(database.db, tokens[4]!, clock);
    expect(sent.submission?.status).toBe('submitted');
    expect(sent.answers.map((a) => a.text)).toEqual(['Svar nummer 4.']);
  });
});
