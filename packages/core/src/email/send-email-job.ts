import type { Database } from '../db/database.ts';
import { insertOutgoingEmail } from './email.repository.ts';
import type { Mailer } from './mailer.ts';

export const sendEmailJobKind = 'email.send';

export interface SendEmailPayload {
  to: string;
  subject: string;
  text: string;
  kind: 'invitation' | 'reminder' | 'receipt';
  roundId: string | null;
}

/** The job handler that sends one email and records it (the payload is wiped afterwards). */
export function sendEmailJobHandler(db: Database, mailer: Mailer) {
  return {
    shouldClearPayload: true,
    run: async (raw: Record<string, unknown>) => {
      const payload = raw as unknown as SendEmailPayload;
      const sent = await mailer.send({ to: payload.to, subject: payload.subject, text: payload.text });
      await insertOutgoingEmail(db, {
        roundId: payload.roundId,
        kind: payload.kind,
        recipient: payload.to,
        subject: payload.subject,
        transport: sent.transport,
        outboxFile: sent.outboxFile ?? null,
      });
    },
  };
}
