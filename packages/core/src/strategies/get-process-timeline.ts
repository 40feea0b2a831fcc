import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { systemClock } from '../shared/clock.ts';
import { osloCalendarDate } from '../shared/oslo-time.ts';
import { effectiveRoundStatus } from '../rounds/round.ts';
import { canEditProcess, getProcessForActor } from '../processes/index.ts';
import {
  findBodiesOfProcess,
  findMilestonesOfProcess,
  findRoundsOfProcess,
} from '../processes/processes.repository.ts';
import {
  countStatementsBySection,
  findDeliverablesOfProcess,
  findInvolvementEventsOfProcess,
} from './strategies.repository.ts';
import { findThemesOfProcess } from '../themes/index.ts';

/**
 * Everything with a date in a process (milestones, deliverables, round deadlines, involvement
 * events) plus where the process stands today: the next milestone, open rounds and counts.
 */
export async function getProcessTimeline(
  db: Database,
  actor: Actor,
  slug: string,
  clock: Clock = systemClock,
) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  const [milestoneRows, deliverableRows, roundRows, eventRows, bodyRows, themeRows, counts] =
    await Promise.all([
      findMilestonesOfProcess(db, strategyProcess.id),
      findDeliverablesOfProcess(db, strategyProcess.id),
      findRoundsOfProcess(db, strategyProcess.id),
      findInvolvementEventsOfProcess(db, strategyProcess.id),
      findBodiesOfProcess(db, strategyProcess.id),
      findThemesOfProcess(db, strategyProcess.id),
      countStatementsBySection(db, strategyProcess.id),
    ]);
  const now = clock.now();
  // "Today" is the Oslo calendar day: at 00:30 Oslo the UTC date is still yesterday's.
  const today = osloCalendarDate(now);
  // What each round is now (a stored `open` round past its deadline reads as closed).
  const rounds = roundRows.map((round) => ({
    ...round,
    effectiveStatus: effectiveRoundStatus(round, now),
    hasOpened: round.opensAt !== null && round.opensAt <= now,
  }));
  const nextMilestone =
    milestoneRows.find((milestone) => milestone.date >= today && !milestone.isDone) ?? null;
  const statementCount = counts
    .filter(
      (row) => row.canvasId !== null && !row.section.startsWith('headline.') && row.section !== 'keyword',
    )
    .reduce((sum, row) => sum + Number(row.count), 0);
  return {
    strategyProcess,
    access,
    canEdit: canEditProcess(access),
    today,
    milestones: milestoneRows,
    deliverables: deliverableRows,
    rounds,
    events: eventRows,
    bodies: bodyRows,
    nextMilestone,
    openRounds: rounds.filter((round) => round.effectiveStatus === 'open'),
    counts: {
      rounds: roundRows.length,
      bodies: bodyRows.length,
      strategicThemes: themeRows.filter((theme) => theme.stage === 'strategic').length,
      statements: statementCount,
      milestonesDone: milestoneRows.filter((milestone) => milestone.isDone).length,
      milestones: milestoneRows.length,
    },
  };
}
