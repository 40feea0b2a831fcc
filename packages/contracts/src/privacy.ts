import { z } from 'zod';
import * as vocabulary from '@innspill/vocabulary';

/** The respondent whose personal data the secretariat looks up, exports or deletes. */
export const RespondentLookupSchema = z.object({ email: z.string().trim().min(3).max(254) });
export type RespondentLookup = z.infer<typeof RespondentLookupSchema>;

export const RespondentDataSchema = z.object({
  process: z.object({ slug: z.string(), title: z.string() }),
  email: z.string(),
  submissions: z.array(
    z.object({
      id: z.string(),
      roundNumber: z.number(),
      roundTitle: z.string(),
      status: z.enum(vocabulary.submissionStatuses),
      submittedAt: z.string().nullable(),
      receiptCode: z.string().nullable(),
      source: z.enum(vocabulary.submissionSources),
      submitterName: z.string().nullable(),
      submitterEmail: z.string().nullable(),
      organisationName: z.string().nullable(),
      publicationConsent: z.boolean().nullable(),
      answers: z.array(
        z.object({
          questionId: z.string(),
          question: z.string(),
          text: z.string().nullable(),
          value: z.unknown(),
        }),
      ),
      attachments: z.array(
        z.object({
          id: z.string(),
          fileName: z.string(),
          mediaType: z.string(),
          byteSize: z.number(),
          sha256: z.string(),
          extractionStatus: z.enum(vocabulary.extractionStatuses),
          extractedText: z.string().nullable(),
        }),
      ),
    }),
  ),
  invitationContacts: z.array(
    z.object({
      invitationId: z.string(),
      roundNumber: z.number(),
      actorName: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
  actorContacts: z.array(z.object({ actorId: z.string(), actorName: z.string() })),
  emailsSent: z.array(
    z.object({
      id: z.string(),
      roundNumber: z.number(),
      kind: z.string(),
      subject: z.string(),
      sentAt: z.string(),
    }),
  ),
});
export type RespondentData = z.infer<typeof RespondentDataSchema>;

/** A subject-access export: the data plus its format and when it was made. */
export const RespondentDataExportSchema = RespondentDataSchema.extend({
  format: z.literal('innspill.respondent-data/v1'),
  exportedAt: z.string(),
});
export type RespondentDataExport = z.infer<typeof RespondentDataExportSchema>;

/** Deleting asks for the address twice, so a slip of the finger deletes nothing. */
export const DeleteRespondentDataRequestSchema = RespondentLookupSchema.extend({
  confirmEmail: z.string().trim().min(3).max(254),
});
export type DeleteRespondentDataRequest = z.infer<typeof DeleteRespondentDataRequestSchema>;

export const DeletionSummarySchema = z.object({
  submissionsDeleted: z.number(),
  submissionsAnonymised: z.number(),
  attachmentsDeleted: z.number(),
  filesRemoved: z.number(),
  invitationContactsRemoved: z.number(),
  actorContactsRemoved: z.number(),
  emailsForgotten: z.number(),
});
export type DeletionSummary = z.infer<typeof DeletionSummarySchema>;

export const RetentionSchema = z.object({
  /** Days after the process's input closed before submitter names and emails are anonymised; null keeps them. */
  retentionDays: z.number().int().min(1).max(3650).nullable(),
});
export type Retention = z.infer<typeof RetentionSchema>;

export const RetentionResponseSchema = RetentionSchema.extend({
  /** When the retention sweep anonymises (or did), once the input has closed. */
  expiresAt: z.string().nullable(),
});
export type RetentionResponse = z.infer<typeof RetentionResponseSchema>;
