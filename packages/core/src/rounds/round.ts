import type { inputRounds, questions } from '../db/schema/index.ts';
import { effectiveRoundStatus } from '../processes/index.ts';

export type InputRound = typeof inputRounds.$inferSelect;
export type Question = typeof questions.$inferSelect;
export type QuestionKind = Question['kind'];

// The round status rule lives in processes/ (the process overview needs it; rounds depend on processes).
export { effectiveRoundStatus, type EffectiveRoundStatus } from '../processes/index.ts';

export type Acceptance =
  { isAccepted: true; isLate: boolean } | { isAccepted: false; reason: 'not_open' | 'closed' };

/**
 * Whether a submission made now is accepted. After the deadline of an open round it is accepted and
 * flagged late, or refused, as the round is configured; a round closed by hand accepts nothing.
 */
export function submissionAcceptance(round: InputRound, now: Date): Acceptance {
  const status = effectiveRoundStatus(round, now);
  if (status === 'draft' || status === 'scheduled') return { isAccepted: false, reason: 'not_open' };
  if (status === 'open') return { isAccepted: true, isLate: false };
  if (round.status === 'open' && round.latePolicy === 'accept_flagged') {
    return { isAccepted: true, isLate: true };
  }
  return { isAccepted: false, reason: 'closed' };
}

/** Respondents may edit or withdraw what they sent until the deadline. */
export function canRespondentChange(round: InputRound, now: Date): boolean {
  return effectiveRoundStatus(round, now) === 'open';
}
