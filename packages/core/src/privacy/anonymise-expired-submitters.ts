import type { Database } from '../db/database.ts';
import { systemActor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { clearSubmittersOfProcess } from '../responses/index.ts';
import { findProcessesWithRetention } from './privacy.repository.ts';
import { retentionExpiresAt } from './retention.ts';

/**
 * The retention sweep: clears submitter name and email on every submission of processes whose
 * input closed more than their `retentionDays` ago. Answers and everything else stay. Safe to run
 * as often as wanted (the server runs it periodically, the CLI on demand); each process is done in
 * its own transaction and audited with the count only. Returns the number of submissions changed.
 */
export async function anonymiseExpiredSubmitters(
  db: Database,
  clock: Clock,
): Promise<{ processes: number; submissions: number }> {
  const now = clock.now();
  let processCount = 0;
  let submissionCount = 0;
  for (const candidate of await findProcessesWithRetention(db)) {
    const expiresAt = retentionExpiresAt(candidate, candidate.rounds, now);
    if (!expiresAt || expiresAt > now) continue;
    const changed = await db.transaction(async (tx) => {
      const count = await clearSubmittersOfProcess(tx, candidate.id, now);
      if (count > 0) {
        await recordAuditEvent(tx, systemActor('retention'), {
          processId: candidate.id,
          action: 'privacy.retention_anonymised',
          entityType: 'process',
          entityId: candidate.id,
          detail: {
            submissions: count,
            retentionDays: candidate.retentionDays,
            expiredAt: expiresAt.toISOString(),
          },
        });
      }
      return count;
    });
    if (changed > 0) {
      processCount += 1;
      submissionCount += changed;
    }
  }
  return { processes: processCount, submissions: submissionCount };
}
