import { email, responses, type Database, type jobs } from '@innspill/core';

/** Every background job kind the app knows, wired to its handler (the composition root's registry). */
export function createJobHandlers(deps: {
  db: Database;
  mailer: email.Mailer;
  fileStore: responses.FileStore;
}): jobs.JobHandlers {
  return {
    [email.sendEmailJobKind]: email.sendEmailJobHandler(deps.db, deps.mailer),
    [responses.extractAttachmentJobKind]: responses.extractAttachmentJobHandler(deps.db, deps.fileStore),
  };
}
