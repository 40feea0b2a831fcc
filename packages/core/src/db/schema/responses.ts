import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { actors, actorTypes, invitations } from './actors.ts';
import { inputRounds, questions } from './rounds.ts';
import * as vocabulary from '@innspill/vocabulary';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

export const submissionStatuses = vocabulary.submissionStatuses;

/** One respondent's (or one imported letter's) answers to a round. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => inputRounds.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => actors.id, { onDelete: 'set null' }),
    invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
    /** Organisation as the respondent wrote it (public rounds, unmatched imports). */
    organisationName: text('organisation_name'),
    /** Actor type as declared by a public respondent; the registry's type wins when actorId is set. */
    declaredActorType: text('declared_actor_type', { enum: actorTypes }),
    /** Personal data: shown only to the secretariat. */
    submitterName: text('submitter_name'),
    submitterEmail: text('submitter_email'),
    status: text('status', { enum: submissionStatuses }).notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    isLate: boolean('is_late').notNull().default(false),
    publicationConsent: boolean('publication_consent'),
    receiptCode: text('receipt_code').unique(),
    source: text('source', { enum: vocabulary.submissionSources }).notNull().default('web'),
    /** SHA-256 of the respondent's secret edit link (public rounds); invitations use theirs. */
    accessTokenHash: text('access_token_hash').unique(),
    idempotencyKey: text('idempotency_key'),
    importedFrom: text('imported_from'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('submissions_round_idx').on(table.roundId, table.status),
    uniqueIndex('submissions_round_idempotency_unique').on(table.roundId, table.idempotencyKey),
    uniqueIndex('submissions_invitation_unique').on(table.invitationId),
  ],
);

export const answers = pgTable(
  'answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    text: text('text'),
    /** Choice(s), scale or number answers. */
    value: jsonb('value').$type<string | string[] | number | null>(),
  },
  (table) => [uniqueIndex('answers_submission_question_unique').on(table.submissionId, table.questionId)],
);

export const extractionStatuses = vocabulary.extractionStatuses;

/**
 * Why an attachment's text could not be extracted, as a stable code the web app translates;
 * `extraction_error` keeps the English technical detail for the CLI and exports. Rows failed
 * before the code existed have none and are shown with the generic message.
 */
export const extractionFailures = vocabulary.extractionFailures;

/** An uploaded file, kept as uploaded in the data folder even when text extraction fails. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    extractionStatus: text('extraction_status', { enum: extractionStatuses }).notNull().default('pending'),
    extractionFailure: text('extraction_failure', { enum: extractionFailures }),
    extractionError: text('extraction_error'),
    extractedText: text('extracted_text'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('attachments_submission_idx').on(table.submissionId)],
);

export const segmentLanguages = vocabulary.segmentLanguages;

/**
 * Why a segment is no longer live (docs/decisions/segment-identity.md): its text was `changed` (see
 * `replaced_by_segment_id`), it was `removed` from an answer or a re-extracted attachment, its
 * source attachment was removed (`source_removed`), or its response was `withdrawn`.
 */
export const segmentRetiredReasons = ['changed', 'removed', 'source_removed', 'withdrawn'] as const;

/**
 * A paragraph, list item or sentence of an answer or an extracted attachment: the unit of analysis.
 * A segment's text never changes under its id: re-segmenting keeps the id of every unchanged text
 * of the same source and retires (never deletes) the others, so codings and evidence that cite a
 * segment can show that the respondent changed the text after it was coded.
 */
export const segments = pgTable(
  'segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    answerId: uuid('answer_id').references(() => answers.id, { onDelete: 'cascade' }),
    /** Set null (not cascaded) when the attachment is removed: its segments are retired first. */
    attachmentId: uuid('attachment_id').references(() => attachments.id, { onDelete: 'set null' }),
    /** Dense (0, 1, …) among the live segments of one answer or attachment. */
    position: integer('position').notNull(),
    text: text('text').notNull(),
    language: text('language', { enum: segmentLanguages }).notNull().default('und'),
    /** `norwegian` or `english`: the text-search configuration the vector was built with. */
    searchConfig: text('search_config').notNull().default('norwegian'),
    searchVector: tsvector('search_vector').notNull(),
    duplicateGroup: text('duplicate_group'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Null while the segment is live; retired segments are out of counts, search and exports. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredReason: text('retired_reason', { enum: segmentRetiredReasons }),
    /** For a `changed` segment: the new segment that took its place in the same source. */
    replacedBySegmentId: uuid('replaced_by_segment_id').references((): AnyPgColumn => segments.id, {
      onDelete: 'set null',
    }),
  },
  (table) => [
    index('segments_submission_idx').on(table.submissionId),
    index('segments_answer_idx').on(table.answerId),
    index('segments_attachment_idx').on(table.attachmentId),
    index('segments_search_idx').using('gin', table.searchVector),
  ],
);
