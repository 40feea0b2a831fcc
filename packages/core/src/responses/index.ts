/** @module responses — submissions, answers, attachments, segments, invitations, import and export. */
export * from './responses.errors.ts';
export * from './submission.ts';
export {
  segmentText,
  splitSentences,
  segmentLanguage,
  searchConfigFor,
  type SegmentLanguage,
} from './segment-text.ts';
export { parseCsv, readTableFile, type Table } from '../shared/tabular-file.ts';
export { detectFileType, decodeText, looksLikeText } from '../shared/file-types.ts';
export { readZipArchive, defaultZipLimits, type ZipLimits } from '../shared/zip-archive.ts';
export { csvCell, toCsv } from './csv-writer.ts';
export { createFileStore, type FileStore, type FileStoreOptions } from './file-store.ts';
export { extractDocumentText } from './extract-document-text.ts';
export {
  checkDocument,
  extractAttachmentJobKind,
  type StorageDeps,
  type UploadedFile,
} from './attachments.ts';
export type { RespondentDeps } from './respondent-deps.ts';
export type { RespondentInput } from './respondent-input.ts';
export { getPublicRound } from './get-public-round.ts';
export { openRespondentLink } from './open-respondent-link.ts';
export { startResponse, type StartResponseInput } from './start-response.ts';
export { saveResponse } from './save-response.ts';
export { submitResponse, maxSubmitBatchSize } from './submit-response.ts';
export type { SubmitResponseResult } from './submit-one-response.ts';
export { withdrawResponse } from './withdraw-response.ts';
export { addAttachment, maxAttachmentsPerSubmission } from './add-attachment.ts';
export { removeAttachment } from './remove-attachment.ts';
export { extractAttachmentJobHandler } from './extract-attachment-job.ts';
export { listSubmissions } from './list-submissions.ts';
export { getSubmission } from './get-submission.ts';
export { matchSubmissionActor } from './match-submission-actor.ts';
export { getParticipation, participationCsv, type ParticipantRow } from './get-participation.ts';
export { inviteActors, type InvitationDeps, type IssuedInvitation } from './invite-actors.ts';
export { sendReminders, sendDueReminders } from './send-reminders.ts';
export { listInvitations } from './list-invitations.ts';
export {
  importResponses,
  matchActor,
  matchLetterActor,
  type ImportOptions,
  type FileImportReport,
  type ColumnTarget,
  type ImportDeps,
} from './import-responses.ts';
export { exportResponses, type ExportFormat } from './export-responses.ts';
export { searchSegments } from './responses.repository.ts';
/** Lower-level reads and writes that tests and test builders (testing/) set up their data with. */
export { storeAttachment } from './attachments.ts';
export { resegmentAnswers } from './resegment-answers.ts';
export {
  findSubmissionsOfRound,
  insertInvitation,
  insertSegments,
  insertSubmission,
  updateAttachmentRow,
  upsertAnswers,
} from './responses.repository.ts';
/** Used by `privacy` (deleting a respondent's data, the retention sweep). */
export {
  anonymiseAttachment,
  clearSubmitter,
  clearSubmittersOfProcess,
  deleteRetiredSegments,
  deleteSubmissions,
  setInvitationEmails,
} from './responses.repository.ts';
