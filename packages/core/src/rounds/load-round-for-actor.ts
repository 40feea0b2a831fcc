import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { canManageRounds, canViewRounds } from './rounds.policies.ts';
import { findRoundByNumber } from './rounds.repository.ts';

export interface RoundLocator {
  slug: string;
  roundNumber: number;
}

/**
 * Finds a round of a process the actor may see (or manage, with `mustManage`). Every
 * secretariat-side round use-case starts here, so the permission check cannot be skipped.
 */
export async function loadRoundForActor(
  db: Queryable,
  actor: Actor,
  locator: RoundLocator,
  mustManage: boolean,
) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, locator.slug);
  assertProcessPermission(
    access,
    mustManage ? canManageRounds(access) : canViewRounds(access),
    'manage input rounds',
  );
  const round = await findRoundByNumber(db, strategyProcess.id, locator.roundNumber);
  if (!round) throw new NotFoundError(`Input round ${locator.roundNumber}`);
  return { strategyProcess, access, round, canManage: canManageRounds(access) };
}
