import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { inputRounds } from './rounds.ts';
import * as vocabulary from '@innspill/vocabulary';

/** Background work run in-process: text extraction, emails, reminders. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Queue order: PGlite's clock has millisecond resolution, so jobs queued in one millisecond tie on `run_at`. */
    queuedOrder: bigint('queued_order', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [index('jobs_queue_idx').on(table.status, table.runAt)],
);

/** Every email the app sent (over SMTP) or wrote to the outbox folder, for the secretariat's list. */
export const outgoingEmails = pgTable(
  'outgoing_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').references(() => inputRounds.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    transport: text('transport', { enum: vocabulary.emailTransports }).notNull(),
    outboxFile: text('outbox_file'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('outgoing_emails_round_idx').on(table.roundId)],
);
