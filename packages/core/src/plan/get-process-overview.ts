import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { systemClock } from '../shared/clock.ts';
import { getProcessForActor } from '../processes/index.ts';
import { effectiveRoundStatus, findRoundsOfProcess } from '../rounds/index.ts';
import { findMilestonesOfProcess, findStakeholderBodiesOfProcess } from './plan.repository.ts';

/**
 * Everything the process overview page shows: the process, its milestones, bodies and rounds, each
 * round with the status it has now (a round past its deadline is closed even if stored as open).
 */
export async function getProcessOverview(
  db: Database,
  actor: Actor,
  slug: string,
  clock: Clock = systemClock,
) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  const [milestoneRows, bodyRows, roundRows] = await Promise.all([
    findMilestonesOfProcess(db, strategyProcess.id),
    findStakeholderBodiesOfProcess(db, strategyProcess.id),
    findRoundsOfProcess(db, strategyProcess.id),
  ]);
  const now = clock.now();
  const rounds = roundRows.map((round) => ({ ...round, effectiveStatus: effectiveRoundStatus(round, now) }));
  return { strategyProcess, access, milestones: milestoneRows, bodies: bodyRows, rounds };
}
