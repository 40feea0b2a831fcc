import type { Database } from '../db/database.ts';
import type { JobHandlers } from '../jobs/index.ts';
import { sendEmailJobHandler, sendEmailJobKind, type Mailer } from '../email/index.ts';
import { extractAttachmentJobHandler, extractAttachmentJobKind, type FileStore } from '../responses/index.ts';

/** The job kinds the respondent flow queues, wired as the server's composition root wires them. */
export function buildJobHandlers(deps: { db: Database; mailer: Mailer; fileStore: FileStore }): JobHandlers {
  return {
    [sendEmailJobKind]: sendEmailJobHandler(deps.db, deps.mailer),
    [extractAttachmentJobKind]: extractAttachmentJobHandler(deps.db, deps.fileStore),
  };
}
