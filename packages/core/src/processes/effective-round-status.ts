import type { inputRounds } from '../db/schema/index.ts';

/** What a round looks like to a respondent at a given instant. */
export type { EffectiveRoundStatus } from '@innspill/vocabulary';
import type { EffectiveRoundStatus } from '@innspill/vocabulary';

/**
 * The status a round has now: closing is automatic at the deadline, so a stored `open` round past
 * its deadline reads as `closed` without any job having run. (Here rather than in rounds/ because
 * the process overview needs it and rounds depend on processes, never the other way round.)
 */
export function effectiveRoundStatus(
  round: Pick<typeof inputRounds.$inferSelect, 'status' | 'opensAt' | 'deadline'>,
  now: Date,
): EffectiveRoundStatus {
  if (round.status === 'draft') return 'draft';
  if (round.status === 'closed') return 'closed';
  if (round.opensAt && now < round.opensAt) return 'scheduled';
  return now <= round.deadline ? 'open' : 'closed';
}
