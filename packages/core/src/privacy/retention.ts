import { effectiveRoundStatus, type InputRound } from '../rounds/index.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Bounds of the per-process retention setting, in days. */
export const retentionDaysRange = { min: 1, max: 3650 } as const;

/**
 * When a process's input closed: the latest close (or deadline) of its rounds. Retention counts
 * from here. An active process whose rounds are not all closed has not closed (undefined); a
 * process marked closed or archived counts as closed whatever its draft rounds say. Rounds
 * are the record of when input ended, since a process has no closing date of its own.
 */
export function processInputClosedAt(
  strategyProcess: { status: 'active' | 'closed' | 'archived' },
  rounds: InputRound[],
  now: Date,
): Date | undefined {
  const isProcessClosed = strategyProcess.status !== 'active';
  const held = rounds.filter((round) => round.status !== 'draft');
  if (held.length === 0) return undefined;
  if (!isProcessClosed && rounds.some((round) => effectiveRoundStatus(round, now) !== 'closed')) {
    return undefined;
  }
  const ends = held.map((round) =>
    round.closedAt && round.closedAt < round.deadline ? round.closedAt.getTime() : round.deadline.getTime(),
  );
  return new Date(Math.max(...ends));
}

/** The instant from which submitter data of the process is anonymised, or undefined (not yet known). */
export function retentionExpiresAt(
  strategyProcess: { status: 'active' | 'closed' | 'archived'; retentionDays: number | null },
  rounds: InputRound[],
  now: Date,
): Date | undefined {
  if (strategyProcess.retentionDays === null) return undefined;
  const closedAt = processInputClosedAt(strategyProcess, rounds, now);
  return closedAt ? new Date(closedAt.getTime() + strategyProcess.retentionDays * dayMs) : undefined;
}
