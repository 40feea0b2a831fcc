import { z } from 'zod';
import * as vocabulary from '@innspill/vocabulary';
import { ActorTypeSchema } from './actors.ts';
import { EffectiveRoundStatusSchema, QuestionSchema } from './rounds.ts';

export const AnswerValueSchema = z.union([
  z.string().max(100_000),
  z.array(z.string().max(300)).max(50),
  z.number(),
  z.null(),
]);

export const AnswerInputSchema = z.object({
  questionId: z.string().uuid(),
  text: z.string().max(100_000).nullable().optional(),
  value: AnswerValueSchema.optional(),
});

export const RespondentInputSchema = z.object({
  answers: z.array(AnswerInputSchema).max(100).optional(),
  submitterName: z.string().max(200).nullable().optional(),
  submitterEmail: z.string().max(254).nullable().optional(),
  organisationName: z.string().max(300).nullable().optional(),
  declaredActorType: ActorTypeSchema.nullable().optional(),
  publicationConsent: z.boolean().nullable().optional(),
});
export type RespondentInput = z.infer<typeof RespondentInputSchema>;

export const StartResponseRequestSchema = RespondentInputSchema.extend({
  shouldSubmit: z.boolean().optional(),
  /** A client-made key: the same key twice returns the first result (a retried or double-clicked save). */
  idempotencyKey: z.string().min(8).max(100).optional(),
  /**
   * A client-made secret link (at least 256 random bits, base64url) to give the new response. With
   * an idempotency key, a repeat gets this link back, so a save whose answer was lost on the way
   * still leads to the draft it made; only its hash is stored.
   */
  linkToken: z.string().max(200).optional(),
});
export type StartResponseRequest = z.infer<typeof StartResponseRequestSchema>;

export const PublicRoundSchema = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  purpose: z.string(),
  publicationNote: z.string(),
  processTitle: z.string().optional(),
  deadline: z.string(),
  effectiveStatus: EffectiveRoundStatusSchema,
  visibility: z.enum(vocabulary.roundVisibilities),
  latePolicy: z.enum(vocabulary.roundLatePolicies),
  questions: z.array(QuestionSchema),
});
export type PublicRound = z.infer<typeof PublicRoundSchema>;

export const PublicRoundResponseSchema = z.object({
  round: PublicRoundSchema,
  canAnswerPublicly: z.boolean(),
  isLateIfAnsweredNow: z.boolean(),
});
export type PublicRoundResponse = z.infer<typeof PublicRoundResponseSchema>;

/**
 * Why an attachment's text could not be read; the web app shows a translated message for each.
 * Null while pending or done, and for files that failed before the codes existed.
 */
export const ExtractionFailureSchema = z.enum(vocabulary.extractionFailures);
export type ExtractionFailure = z.infer<typeof ExtractionFailureSchema>;

export const AttachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  byteSize: z.number(),
  extractionStatus: z.enum(vocabulary.extractionStatuses),
  extractionFailure: ExtractionFailureSchema.nullable(),
  /** English technical detail of a failure (for the CLI and logs); pages show `extractionFailure`. */
  extractionError: z.string().nullable(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AnswerSchema = z.object({
  questionId: z.string(),
  text: z.string().nullable(),
  value: AnswerValueSchema.nullable(),
});
export type Answer = z.infer<typeof AnswerSchema>;

/** The respondent's own view of their response (their own personal data included). */
export const RespondentViewSchema = z.object({
  round: PublicRoundSchema,
  actorName: z.string().nullable(),
  status: z.enum(vocabulary.submissionStatuses),
  receiptCode: z.string().nullable(),
  submittedAt: z.string().nullable(),
  isLate: z.boolean(),
  submitterName: z.string().nullable(),
  submitterEmail: z.string().nullable(),
  organisationName: z.string().nullable(),
  declaredActorType: ActorTypeSchema.nullable(),
  publicationConsent: z.boolean().nullable(),
  answers: z.array(AnswerSchema),
  attachments: z.array(AttachmentSchema),
  canSubmit: z.boolean(),
  canEdit: z.boolean(),
  canWithdraw: z.boolean(),
  isLateIfSubmittedNow: z.boolean(),
});
export type RespondentView = z.infer<typeof RespondentViewSchema>;

export const StartResponseResponseSchema = z.object({
  /**
   * The secret link token; absent when the request repeated an idempotency key without the link
   * token the first request gave.
   */
  token: z.string().nullable(),
  status: z.enum(vocabulary.submissionStatuses),
  receiptCode: z.string().nullable(),
  isRepeat: z.boolean(),
});
export type StartResponseResponse = z.infer<typeof StartResponseResponseSchema>;

export const SubmissionSchema = z.object({
  id: z.string(),
  status: z.enum(vocabulary.submissionStatuses),
  submittedAt: z.string().nullable(),
  isLate: z.boolean(),
  source: z.enum(vocabulary.submissionSources),
  receiptCode: z.string().nullable(),
  publicationConsent: z.boolean().nullable(),
  actorName: z.string().nullable(),
  actorType: ActorTypeSchema.nullable(),
  /** The registered actor the submission belongs to; null for an unmatched import or a public answer. */
  actorId: z.string().nullable(),
  /** Personal data: null unless the reader is the secretariat. */
  submitterName: z.string().nullable(),
  submitterEmail: z.string().nullable(),
  answers: z.array(AnswerSchema),
  attachments: z.array(AttachmentSchema),
});
export type Submission = z.infer<typeof SubmissionSchema>;
export const SubmissionListResponseSchema = z.object({
  submissions: z.array(SubmissionSchema),
  canSeePersonalData: z.boolean(),
});
export type SubmissionListResponse = z.infer<typeof SubmissionListResponseSchema>;

export const SegmentSchema = z.object({
  id: z.string(),
  answerId: z.string().nullable(),
  /** The question the segment's answer belongs to (null for an attachment's segment). */
  questionId: z.string().nullable(),
  attachmentId: z.string().nullable(),
  position: z.number(),
  text: z.string(),
  language: z.enum(vocabulary.segmentLanguages),
});
export type Segment = z.infer<typeof SegmentSchema>;

/** One submission in full, for the secretariat (personal data included). */
export const SubmissionDetailResponseSchema = z.object({
  submission: SubmissionSchema.extend({
    organisationName: z.string().nullable(),
    declaredActorType: ActorTypeSchema.nullable(),
    organisationNumber: z.string().nullable(),
  }),
  questions: z.array(QuestionSchema),
  segments: z.array(SegmentSchema),
});
export type SubmissionDetailResponse = z.infer<typeof SubmissionDetailResponseSchema>;

/** Manual matching of an imported submission to a registered actor (null unlinks it). */
export const MatchSubmissionRequestSchema = z.object({ actorId: z.string().max(60).nullable() });
export type MatchSubmissionRequest = z.infer<typeof MatchSubmissionRequestSchema>;

export const ParticipationSchema = z.object({
  totals: z.object({
    invited: z.number(),
    invitedAnswered: z.number(),
    answered: z.number(),
    late: z.number(),
  }),
  byType: z.array(z.object({ actorType: ActorTypeSchema, invited: z.number(), answered: z.number() })),
  participants: z.array(
    z.object({
      name: z.string(),
      actorType: ActorTypeSchema,
      organisationNumber: z.string().nullable(),
      isInvited: z.boolean(),
      submittedAt: z.string().nullable(),
      isLate: z.boolean(),
      source: z.enum(vocabulary.submissionSources),
    }),
  ),
  notAnswered: z.array(
    z.object({
      actorId: z.string(),
      name: z.string(),
      actorType: ActorTypeSchema,
      sentAt: z.string().nullable(),
      remindedAt: z.string().nullable(),
    }),
  ),
});
export type Participation = z.infer<typeof ParticipationSchema>;

export const InviteActorsRequestSchema = z.object({ actorIds: z.array(z.string().uuid()).min(1).max(2000) });
export const InviteActorsResponseSchema = z.object({
  issued: z.array(
    z.object({
      actorId: z.string(),
      actorName: z.string(),
      link: z.string(),
      emailedTo: z.array(z.string()),
    }),
  ),
  skipped: z.number(),
});
export type InviteActorsResponse = z.infer<typeof InviteActorsResponseSchema>;

export const InvitationListResponseSchema = z.object({
  invitations: z.array(
    z.object({
      id: z.string(),
      actorId: z.string(),
      actorName: z.string(),
      emails: z.array(z.string()),
      sentAt: z.string().nullable(),
      remindedAt: z.string().nullable(),
    }),
  ),
  emails: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      recipient: z.string(),
      subject: z.string(),
      transport: z.enum(vocabulary.emailTransports),
      outboxFile: z.string().nullable(),
      sentAt: z.string(),
    }),
  ),
});
export type InvitationListResponse = z.infer<typeof InvitationListResponseSchema>;

export const ImportReportSchema = z.object({
  isDryRun: z.boolean(),
  submissionCount: z.number(),
  failedFileCount: z.number(),
  files: z.array(
    z.object({
      fileName: z.string(),
      kind: z.enum(['table', 'letter']),
      status: z.enum(['ok', 'failed']),
      submissionCount: z.number(),
      unmatched: z.array(z.object({ line: z.number().optional(), name: z.string() })),
      /** `code` and `params` are stable (see core's `ImportProblemCode`); `message` is English. */
      problems: z.array(
        z.object({
          line: z.number().optional(),
          code: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
          message: z.string(),
        }),
      ),
      /** Tables only: each header and the column it was read as (`?mapping=` / `?fileMapping=` change it). */
      columns: z.array(z.object({ header: z.string(), target: z.string() })).optional(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
