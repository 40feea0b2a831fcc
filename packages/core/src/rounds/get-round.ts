import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { loadRoundForActor, type RoundLocator } from './load-round-for-actor.ts';
import { effectiveRoundStatus } from './round.ts';
import { findQuestionsOfRound } from './rounds.repository.ts';

/** One round with its questions, for the secretariat's pages. */
export async function getRound(db: Queryable, actor: Actor, locator: RoundLocator, clock: Clock) {
  const loaded = await loadRoundForActor(db, actor, locator, false);
  const questions = await findQuestionsOfRound(db, loaded.round.id);
  return { ...loaded, questions, effectiveStatus: effectiveRoundStatus(loaded.round, clock.now()) };
}
