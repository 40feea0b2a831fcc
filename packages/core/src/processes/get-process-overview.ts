import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { getProcessForActor } from './get-process.ts';
import { findBodiesOfProcess, findMilestonesOfProcess, findRoundsOfProcess } from './processes.repository.ts';

/** Everything the process overview page shows: the process, its milestones, bodies and rounds. */
export async function getProcessOverview(db: Database, actor: Actor, slug: string) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  const [milestoneRows, bodyRows, roundRows] = await Promise.all([
    findMilestonesOfProcess(db, strategyProcess.id),
    findBodiesOfProcess(db, strategyProcess.id),
    findRoundsOfProcess(db, strategyProcess.id),
  ]);
  return { strategyProcess, access, milestones: milestoneRows, bodies: bodyRows, rounds: roundRows };
}
