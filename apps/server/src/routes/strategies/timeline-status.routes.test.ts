import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processes, systemActor } from '@innspill/core';
import { buildProcess, buildRound } from '@innspill/core/testing';
import type { ProcessOverview, Timeline } from '@innspill/contracts';
import { buildTestApp, type TestApp, type TestSession } from '../../testing/build-test-app.ts';

/** Two minutes into 29 November in Oslo; the UTC date is still the 28th. */
let now = new Date('2026-11-28T23:02:00Z');
let sut: TestApp;
let secretariat: TestSession;
let slug: string;

beforeAll(async () => {
  sut = await buildTestApp({ clock: { now: () => new Date(now.getTime()) } });
  const strategyProcess = await buildProcess(sut.db);
  slug = strategyProcess.slug;
  secretariat = await sut.signInNewUser();
  await processes.setProcessMembership(sut.db, systemActor('test'), {
    slug,
    email: secretariat.email,
    role: 'secretariat',
  });
  // Stored as open, deadline 29 November 00:01 Oslo: closed by now, though no job has run.
  await buildRound(sut.db, {
    processId: strategyProcess.id,
    number: 1,
    title: 'Runde 1',
    status: 'open',
    deadline: new Date('2026-11-28T23:01:00Z'),
  });
  await buildRound(sut.db, {
    processId: strategyProcess.id,
    number: 2,
    title: 'Gammelt utkast',
    status: 'draft',
    deadline: new Date('2001-05-01T10:00:00Z'),
  });
});
afterAll(async () => sut?.close());

describe('round status on the timeline and the overview', () => {
  it('shows a round past its deadline as closed and a draft as a draft, with today in Oslo', async () => {
    now = new Date('2026-11-28T23:02:00Z');
    const timeline = (
      await sut.app.inject({
        method: 'GET',
        url: `/api/processes/${slug}/timeline`,
        headers: secretariat.headers,
      })
    ).json<Timeline>();
    expect(timeline.today).toBe('2026-11-29');
    expect(timeline.openRounds).toEqual([]);
    const deadlines = timeline.items
      .filter((item) => item.kind === 'round_deadline')
      .map((item) => ({ title: item.title, subKind: item.subKind, isDone: item.isDone }));
    expect(deadlines).toEqual([
      { title: 'Gammelt utkast', subKind: 'draft', isDone: false },
      { title: 'Runde 1', subKind: 'closed', isDone: true },
    ]);

    const overview = (
      await sut.app.inject({ method: 'GET', url: `/api/processes/${slug}`, headers: secretariat.headers })
    ).json<ProcessOverview>();
    expect(overview.rounds.map((round) => [round.title, round.status, round.effectiveStatus])).toEqual(
      expect.arrayContaining([
        ['Runde 1', 'open', 'closed'],
        ['Gammelt utkast', 'draft', 'draft'],
      ]),
    );
  });

  it('lists the round as open one minute before its deadline', async () => {
    now = new Date('2026-11-28T23:00:00Z');
    const timeline = (
      await sut.app.inject({
        method: 'GET',
        url: `/api/processes/${slug}/timeline`,
        headers: secretariat.headers,
      })
    ).json<Timeline>();
    expect(timeline.openRounds.map((round) => round.title)).toEqual(['Runde 1']);
    expect(timeline.items.find((item) => item.title === 'Runde 1')).toMatchObject({
      subKind: 'open',
      isDone: false,
    });
  });
});
