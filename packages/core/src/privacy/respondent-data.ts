import type { ExtractionStatus, SubmissionSource } from '@innspill/vocabulary';
import { isValidEmail } from '../actors/index.ts';
import { ValidationError } from '../shared/domain-error.ts';

/** Everything a process holds about one respondent, found by their email address. */
export interface RespondentData {
  process: { slug: string; title: string };
  email: string;
  submissions: RespondentSubmission[];
  /** Invitations that list the address as the organisation's contact. */
  invitationContacts: {
    invitationId: string;
    roundNumber: number;
    actorName: string;
    sentAt: string | null;
  }[];
  /** Organisations in the actor registry that list the address as a contact. */
  actorContacts: { actorId: string; actorName: string }[];
  /** Emails the app sent to the address (receipts, invitations, reminders). */
  emailsSent: { id: string; roundNumber: number; kind: string; subject: string; sentAt: string }[];
}

export interface RespondentSubmission {
  id: string;
  roundNumber: number;
  roundTitle: string;
  status: 'draft' | 'submitted' | 'withdrawn';
  submittedAt: string | null;
  receiptCode: string | null;
  source: SubmissionSource;
  submitterName: string | null;
  submitterEmail: string | null;
  organisationName: string | null;
  publicationConsent: boolean | null;
  answers: { questionId: string; question: string; text: string | null; value: unknown }[];
  attachments: {
    id: string;
    fileName: string;
    mediaType: string;
    byteSize: number;
    sha256: string;
    extractionStatus: ExtractionStatus;
    extractedText: string | null;
  }[];
}

/** What a deletion did, in numbers only (the same detail goes to the audit log). */
export interface DeletionSummary {
  submissionsDeleted: number;
  submissionsAnonymised: number;
  attachmentsDeleted: number;
  filesRemoved: number;
  invitationContactsRemoved: number;
  actorContactsRemoved: number;
  emailsForgotten: number;
}

/** The email to search by: trimmed, lower case, and a valid address. */
export function normaliseSubjectEmail(email: string): string {
  const normalised = email.trim().toLowerCase();
  if (!isValidEmail(normalised)) {
    throw new ValidationError('Give the respondent’s email address.', {
      email: 'Not a valid email address.',
    });
  }
  return normalised;
}

/** True when at least one thing was found. */
export function hasRespondentData(data: RespondentData): boolean {
  return (
    data.submissions.length +
      data.invitationContacts.length +
      data.actorContacts.length +
      data.emailsSent.length >
    0
  );
}
