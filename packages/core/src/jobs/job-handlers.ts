import type { Database } from '../db/database.ts';
import { sendEmailJobHandler, sendEmailJobKind, type Mailer } from '../email/index.ts';
import { extractAttachmentJobHandler, extractAttachmentJobKind, type FileStore } from '../responses/index.ts';
import type { JobHandlers } from './run-pending-jobs.ts';

/** Every background job kind the app knows, wired to its handler (the server and CLI use this). */
export function createJobHandlers(deps: { db: Database; mailer: Mailer; fileStore: FileStore }): JobHandlers {
  return {
    [sendEmailJobKind]: sendEmailJobHandler(deps.db, deps.mailer),
    [extractAttachmentJobKind]: extractAttachmentJobHandler(deps.db, deps.fileStore),
  };
}
