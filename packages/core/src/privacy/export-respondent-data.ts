import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { collectRespondentData, type RespondentLocator } from './find-respondent-data.ts';
import { getProcessForPersonalData } from './privacy.policies.ts';
import { normaliseSubjectEmail, type RespondentData } from './respondent-data.ts';

/** A subject-access export: the data and when and by what it was made. */
export interface RespondentDataExport extends RespondentData {
  format: 'innspill.respondent-data/v1';
  exportedAt: string;
}

/**
 * Everything the process holds about one respondent as one JSON document, for a subject-access
 * request (GDPR art. 15). Recorded in the audit log (counts only, not the address or the data).
 */
export async function exportRespondentData(
  db: Database,
  actor: Actor,
  locator: RespondentLocator,
  clock: Clock,
): Promise<{ fileName: string; document: RespondentDataExport; json: string }> {
  const email = normaliseSubjectEmail(locator.email);
  return db.transaction(async (tx) => {
    const strategyProcess = await getProcessForPersonalData(tx, actor, locator.slug);
    const data = await collectRespondentData(tx, strategyProcess, email);
    const document: RespondentDataExport = {
      format: 'innspill.respondent-data/v1',
      exportedAt: clock.now().toISOString(),
      ...data,
    };
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'privacy.respondent_exported',
      entityType: 'process',
      entityId: strategyProcess.id,
      detail: { submissions: data.submissions.length, invitationContacts: data.invitationContacts.length },
    });
    return {
      fileName: `${strategyProcess.slug}-respondent-data-${document.exportedAt.slice(0, 10)}.json`,
      document,
      json: `${JSON.stringify(document, null, 2)}\n`,
    };
  });
}
