import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { updateProcessRetention } from '../processes/index.ts';
import { findRoundsOfProcess } from '../rounds/index.ts';
import { getProcessForPersonalData } from './privacy.policies.ts';
import { retentionDaysRange, retentionExpiresAt } from './retention.ts';

export interface RetentionSetting {
  /** Days after the process's input closed before submitter data is anonymised; null keeps it. */
  retentionDays: number | null;
  /** When the sweep will (or did) anonymise, once the input has closed. */
  expiresAt: Date | null;
}

/** The process's retention setting and when it takes effect. */
export async function getProcessRetention(
  db: Database,
  actor: Actor,
  slug: string,
  clock: Clock,
): Promise<RetentionSetting> {
  const strategyProcess = await getProcessForPersonalData(db, actor, slug);
  const rounds = await findRoundsOfProcess(db, strategyProcess.id);
  return {
    retentionDays: strategyProcess.retentionDays,
    expiresAt: retentionExpiresAt(strategyProcess, rounds, clock.now()) ?? null,
  };
}

/** Sets (or clears, with null) how long submitter names and emails are kept after the process closes. */
export async function setProcessRetention(
  db: Database,
  actor: Actor,
  input: { slug: string; retentionDays: number | null },
  clock: Clock,
): Promise<RetentionSetting> {
  const { retentionDays } = input;
  if (
    retentionDays !== null &&
    (!Number.isInteger(retentionDays) ||
      retentionDays < retentionDaysRange.min ||
      retentionDays > retentionDaysRange.max)
  ) {
    throw new ValidationError('Give the retention period as a whole number of days.', {
      retentionDays: `Between ${retentionDaysRange.min} and ${retentionDaysRange.max}, or empty to keep.`,
    });
  }
  await db.transaction(async (tx) => {
    const strategyProcess = await getProcessForPersonalData(tx, actor, input.slug);
    await updateProcessRetention(tx, strategyProcess.id, retentionDays, clock.now());
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'process.retention_changed',
      entityType: 'process',
      entityId: strategyProcess.id,
      detail: { before: strategyProcess.retentionDays, after: retentionDays },
    });
  });
  return getProcessRetention(db, actor, input.slug, clock);
}
