import { boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import * as vocabulary from '@innspill/vocabulary';

/**
 * Translations of an entity's text fields, keyed by locale: `{ en: { title: "…" } }`.
 * The row itself holds the text in the process language.
 */
export type Translations = Record<string, Record<string, unknown>>;

export const strategyProcesses = pgTable('strategy_processes', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  subtitle: text('subtitle'),
  language: text('language').notNull().default('nb'),
  commissionedBy: text('commissioned_by'),
  commissionedByFullName: text('commissioned_by_full_name'),
  assignedTo: text('assigned_to'),
  mandate: jsonb('mandate').$type<string[]>().notNull().default([]),
  principles: jsonb('principles').$type<string[]>().notNull().default([]),
  /** How the sector is involved ("Dette skal være sektorens strategi!"): bullets. */
  involvement: jsonb('involvement').$type<string[]>().notNull().default([]),
  status: text('status', { enum: vocabulary.processStatuses }).notNull().default('active'),
  translations: jsonb('translations').$type<Translations>().notNull().default({}),
  /**
   * Personal data retention: submitter names and emails are anonymised this many days after the
   * process's input closed (see privacy/anonymise-expired-submitters.ts). Null keeps them until
   * deleted on request.
   */
  retentionDays: integer('retention_days'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const milestoneKinds = vocabulary.milestoneKinds;

export const milestones = pgTable('milestones', {
  id: uuid('id').primaryKey().defaultRandom(),
  processId: uuid('process_id')
    .notNull()
    .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  kind: text('kind', { enum: milestoneKinds }).notNull(),
  isDone: boolean('is_done').notNull().default(false),
  statedAs: text('stated_as'),
  translations: jsonb('translations').$type<Translations>().notNull().default({}),
});

export const stakeholderBodies = pgTable('stakeholder_bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  processId: uuid('process_id')
    .notNull()
    .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  role: text('role'),
  members: jsonb('members').$type<string[]>().notNull().default([]),
  position: integer('position').notNull().default(0),
  translations: jsonb('translations').$type<Translations>().notNull().default({}),
});

export const involvementEventKinds = vocabulary.involvementEventKinds;

export const involvementEvents = pgTable('involvement_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  processId: uuid('process_id')
    .notNull()
    .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
  bodyId: uuid('body_id').references(() => stakeholderBodies.id, { onDelete: 'set null' }),
  date: date('date', { mode: 'string' }).notNull(),
  kind: text('kind', { enum: involvementEventKinds }).notNull(),
  notes: text('notes').notNull().default(''),
  translations: jsonb('translations').$type<Translations>().notNull().default({}),
});

/** What the process hands over, to whom and when (e.g. the draft strategy to the ministry). */
export const deliverables = pgTable('deliverables', {
  id: uuid('id').primaryKey().defaultRandom(),
  processId: uuid('process_id')
    .notNull()
    .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  recipient: text('recipient'),
  date: date('date', { mode: 'string' }).notNull(),
  statedAs: jsonb('stated_as').$type<string[]>().notNull().default([]),
  position: integer('position').notNull().default(0),
  translations: jsonb('translations').$type<Translations>().notNull().default({}),
});
