import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { strategyProcesses, type Translations } from './processes.ts';
import * as vocabulary from '@innspill/vocabulary';

export const inputRounds = pgTable(
  'input_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id')
      .notNull()
      .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull().default(''),
    context: text('context'),
    referenceDate: date('reference_date', { mode: 'string' }),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    status: text('status', { enum: vocabulary.roundStatuses }).notNull().default('draft'),
    visibility: text('visibility', { enum: vocabulary.roundVisibilities }).notNull().default('public'),
    /** After the deadline: accept and flag as late, or refuse. */
    latePolicy: text('late_policy', { enum: vocabulary.roundLatePolicies })
      .notNull()
      .default('accept_flagged'),
    /** How the answers will be used and published, shown on the public page. */
    publicationNote: text('publication_note').notNull().default(''),
    /** Send reminders this many days before the deadline to invited actors who have not answered. */
    reminderDaysBefore: integer('reminder_days_before'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    translations: jsonb('translations').$type<Translations>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('input_rounds_process_number_unique').on(table.processId, table.number)],
);

export const questionKinds = vocabulary.questionKinds;

export const questions = pgTable('questions', {
  id: uuid('id').primaryKey().defaultRandom(),
  roundId: uuid('round_id')
    .notNull()
    .references(() => inputRounds.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  kind: text('kind', { enum: questionKinds }).notNull().default('long_text'),
  text: text('text').notNull(),
  isRequired: boolean('is_required').notNull().default(false),
  options: jsonb('options').$type<string[]>().notNull().default([]),
  translations: jsonb('translations').$type<Translations>().notNull().default({}),
});
