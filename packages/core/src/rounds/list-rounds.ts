import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { effectiveRoundStatus } from './round.ts';
import { canManageRounds, canViewRounds } from './rounds.policies.ts';
import { findQuestionsOfRounds, findRoundsOfProcess } from './rounds.repository.ts';

/** The rounds of a process, each with its questions and its status as of now. */
export async function listRounds(db: Queryable, actor: Actor, slug: string, clock: Clock) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  assertProcessPermission(access, canViewRounds(access), 'see input rounds');
  const rounds = await findRoundsOfProcess(db, strategyProcess.id);
  const allQuestions = await findQuestionsOfRounds(
    db,
    rounds.map((round) => round.id),
  );
  const now = clock.now();
  return {
    strategyProcess,
    canManage: canManageRounds(access),
    rounds: rounds.map((round) => ({
      round,
      effectiveStatus: effectiveRoundStatus(round, now),
      questions: allQuestions.filter((question) => question.roundId === round.id),
    })),
  };
}
