import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  buildMember,
  buildProcess,
  buildRound,
  buildSubmission,
  type TestDatabase,
} from '../testing/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { osloLocalToUtc } from '../shared/oslo-time.ts';
import { findAuditEvents } from '../audit/index.ts';
import { findProcessById } from '../processes/index.ts';
import {
  createRound,
  deleteRound,
  effectiveRoundStatus,
  listRounds,
  saveQuestions,
  submissionAcceptance,
  updateRound,
} from './index.ts';

let database: TestDatabase;
const clock = fixedClock(new Date('2026-11-28T12:00:00Z'));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe(createRound.name, () => {
  it('creates numbered draft rounds for the secretariat, audited, and refuses observers', async () => {
    const strategyProcess = await buildProcess(database.db);
    const { actor: secretariat } = await buildMember(database.db, strategyProcess.id, 'secretariat');
    const { actor: observer } = await buildMember(database.db, strategyProcess.id, 'observer');
    const deadline = osloLocalToUtc('2026-12-10', '23:59');
    const first = await createRound(database.db, secretariat, {
      slug: strategyProcess.slug,
      title: 'Runde',
      deadline,
    });
    const second = await createRound(database.db, secretariat, {
      slug: strategyProcess.slug,
      title: 'Runde to',
      deadline,
    });
    expect([first.number, second.number, first.status]).toEqual([1, 2, 'draft']);
    expect(first.deadline.toISOString()).toBe('2026-12-10T22:59:00.000Z');
    await expect(
      createRound(database.db, observer, { slug: strategyProcess.slug, title: 'Nei', deadline }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createRound(database.db, secretariat, {
        slug: strategyProcess.slug,
        title: 'Dup',
        number: 1,
        deadline,
      }),
    ).rejects.toMatchObject({ code: 'round_number_taken' });
    const audit = await findAuditEvents(database.db, { processId: strategyProcess.id });
    expect(audit.filter((row) => row.event.action === 'round.created')).toHaveLength(2);
    const listed = await listRounds(database.db, observer, strategyProcess.slug, clock);
    expect(listed.rounds).toHaveLength(2);
    expect(listed.canManage).toBe(false);
  });
});

describe(updateRound.name, () => {
  it('opens a round, and the status reads closed after the deadline without any job', async () => {
    const strategyProcess = await buildProcess(database.db);
    const { actor } = await buildMember(database.db, strategyProcess.id, 'owner');
    const round = await createRound(database.db, actor, {
      slug: strategyProcess.slug,
      title: 'R',
      deadline: new Date('2026-12-01T00:00:00Z'),
    });
    const opened = await updateRound(
      database.db,
      actor,
      { slug: strategyProcess.slug, roundNumber: round.number },
      { status: 'open' },
      clock,
    );
    expect(effectiveRoundStatus(opened, clock.now())).toBe('open');
    expect(effectiveRoundStatus(opened, new Date('2026-12-01T00:00:01Z'))).toBe('closed');
    expect(submissionAcceptance(opened, new Date('2026-12-02T00:00:00Z'))).toEqual({
      isAccepted: true,
      isLate: true,
    });
    const closed = await updateRound(
      database.db,
      actor,
      { slug: strategyProcess.slug, roundNumber: round.number },
      { status: 'closed' },
      clock,
    );
    expect(submissionAcceptance(closed, clock.now())).toEqual({ isAccepted: false, reason: 'closed' });
    await expect(
      updateRound(
        database.db,
        actor,
        { slug: strategyProcess.slug, roundNumber: round.number },
        { status: 'open', deadline: new Date('2026-01-01T00:00:00Z') },
        clock,
      ),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});

describe(saveQuestions.name, () => {
  it('adds, edits, reorders and removes questions, but never one that has answers', async () => {
    const { round, questions, processId } = await buildRound(database.db, { number: 1 });
    const { actor } = await buildMember(database.db, processId, 'secretariat');
    const slugRow = await findProcessById(database.db, processId);
    const locator = { slug: slugRow!.slug, roundNumber: 1 };
    const [first, second] = questions;
    const saved = await saveQuestions(database.db, actor, locator, [
      { id: second!.id, kind: 'long_text', text: 'Now first', isRequired: true },
      { id: first!.id, kind: 'long_text', text: first!.text, isRequired: false },
      { kind: 'single_choice', text: 'Pick one', isRequired: false, options: ['A', 'B'] },
    ]);
    expect(saved.map((question) => [question.position, question.text])).toEqual([
      [1, 'Now first'],
      [2, first!.text],
      [3, 'Pick one'],
    ]);
    await expect(
      saveQuestions(database.db, actor, locator, [
        { kind: 'single_choice', text: 'Only one option', isRequired: false, options: ['A'] },
      ]),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await buildSubmission(database.db, round.id, { answers: { [first!.id]: 'An answer' } });
    await expect(
      saveQuestions(database.db, actor, locator, [
        { id: second!.id, kind: 'long_text', text: 'x', isRequired: false },
      ]),
    ).rejects.toMatchObject({
      code: 'question_has_answers',
    });
  });

  it('keeps answers fitting their question: no new kind for an answered question, no removing a chosen option', async () => {
    const { round, processId } = await buildRound(database.db, {
      number: 2,
      questions: [
        { kind: 'short_text', text: 'Hvem svarer?', isRequired: false },
        { kind: 'single_choice', text: 'Sektor', isRequired: false, options: ['UH', 'Fagskole'] },
        { kind: 'scale', text: 'Hvor viktig?', isRequired: false },
        { kind: 'single_choice', text: 'Ubesvart', isRequired: false, options: ['Ja', 'Nei'] },
      ],
    });
    const { actor } = await buildMember(database.db, processId, 'secretariat');
    const locator = { slug: (await findProcessById(database.db, processId))!.slug, roundNumber: 2 };
    const [who, sector, importance, unanswered] = await saveQuestions(database.db, actor, locator, [
      { kind: 'short_text', text: 'Hvem svarer?', isRequired: false },
      { kind: 'single_choice', text: 'Sektor', isRequired: false, options: ['UH', 'Fagskole'] },
      { kind: 'scale', text: 'Hvor viktig?', isRequired: false },
      { kind: 'single_choice', text: 'Ubesvart', isRequired: false, options: ['Ja', 'Nei'] },
    ]);
    await buildSubmission(database.db, round.id, {
      answers: { [who!.id]: 'Universitetet i Testby' },
      answerValues: { [sector!.id]: 'UH', [importance!.id]: 4 },
    });
    const asSaved = [who!, sector!, importance!, unanswered!].map((question) => ({
      id: question.id,
      kind: question.kind,
      text: question.text,
      isRequired: question.isRequired,
      options: question.options,
    }));
    const change = (index: number, changes: Partial<(typeof asSaved)[number]>) =>
      saveQuestions(
        database.db,
        actor,
        locator,
        asSaved.map((question, i) => (i === index ? { ...question, ...changes } : question)),
      );

    await expect(change(1, { kind: 'multiple_choice', options: ['UH', 'Fagskole'] })).rejects.toMatchObject({
      code: 'answered_question_changed',
      details: { fields: { 'questions.1.kind': expect.stringContaining('kind cannot change') } },
    });
    await expect(change(2, { kind: 'long_text' })).rejects.toMatchObject({
      details: { fields: { 'questions.2.kind': expect.any(String) } },
    });
    await expect(change(1, { options: ['Universitet og høgskole', 'Fagskole'] })).rejects.toMatchObject({
      code: 'answered_question_changed',
      details: { fields: { 'questions.1.options': expect.stringContaining('"UH"') } },
    });
    const [, stillSector] = await saveQuestions(database.db, actor, locator, asSaved);
    expect(stillSector!.options).toEqual(['UH', 'Fagskole']);

    // What keeps the answers fitting is allowed: a new option, another order, short text made long,
    // and anything on a question nobody has answered.
    const allowed = await saveQuestions(database.db, actor, locator, [
      { ...asSaved[0]!, kind: 'long_text' },
      { ...asSaved[1]!, options: ['Fagskole', 'UH', 'Annet'] },
      asSaved[2]!,
      { ...asSaved[3]!, kind: 'multiple_choice', options: ['Kanskje', 'Nei'] },
    ]);
    expect(allowed.map((question) => question.kind)).toEqual([
      'long_text',
      'single_choice',
      'scale',
      'multiple_choice',
    ]);
    expect(allowed[1]!.options).toEqual(['Fagskole', 'UH', 'Annet']);
  });
});

describe(deleteRound.name, () => {
  it('deletes an unused draft round, audited, and refuses one that is open or has responses', async () => {
    const strategyProcess = await buildProcess(database.db);
    const { actor: secretariat } = await buildMember(database.db, strategyProcess.id, 'secretariat');
    const { actor: workingGroup } = await buildMember(database.db, strategyProcess.id, 'working_group');
    const at = (roundNumber: number) => ({ slug: strategyProcess.slug, roundNumber });
    const mistake = await buildRound(database.db, {
      processId: strategyProcess.id,
      number: 1,
      status: 'draft',
    });
    const open = await buildRound(database.db, { processId: strategyProcess.id, number: 2, status: 'open' });
    const answered = await buildRound(database.db, {
      processId: strategyProcess.id,
      number: 3,
      status: 'draft',
    });
    await buildSubmission(database.db, answered.round.id, { status: 'draft' });

    await expect(deleteRound(database.db, workingGroup, at(1))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(deleteRound(database.db, secretariat, at(2))).rejects.toMatchObject({
      code: 'round_in_use',
      message: expect.stringContaining('only a draft round can be deleted'),
    });
    await expect(deleteRound(database.db, secretariat, at(3))).rejects.toMatchObject({
      code: 'round_in_use',
      message: expect.stringContaining('1 response(s)'),
    });

    await deleteRound(database.db, secretariat, at(1));
    const left = await listRounds(database.db, secretariat, strategyProcess.slug, clock);
    expect(left.rounds.map((row) => row.round.number).sort()).toEqual([2, 3]);
    const audit = await findAuditEvents(database.db, { processId: strategyProcess.id });
    expect(audit.find((row) => row.event.entityId === mistake.round.id)?.event.action).toBe('round.deleted');
    await expect(deleteRound(database.db, secretariat, at(1))).rejects.toMatchObject({ code: 'not_found' });
    expect(open.round.status).toBe('open');
  });
});
