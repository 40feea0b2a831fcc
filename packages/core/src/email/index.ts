/** @module email — SMTP or outbox-folder email, sent from background jobs. */
export {
  createMailer,
  type Mailer,
  type MailerOptions,
  type EmailMessage,
  type SentEmail,
} from './mailer.ts';
export { sendEmailJobHandler, sendEmailJobKind, type SendEmailPayload } from './send-email-job.ts';
export { findOutgoingEmailsOfRound } from './email.repository.ts';
/** Used by `privacy` (deleting a respondent's data). */
export { deleteOutgoingEmails } from './email.repository.ts';
