import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { strategyProcesses, type Translations } from './processes.ts';
import { users } from './people.ts';
import { themes } from './themes.ts';
import * as vocabulary from '@innspill/vocabulary';

/**
 * The strategy of one process: its structure (dimensions, pillars), the lead text of the
 * overarching goals, and whatever parts of an imported process document we keep but do not model
 * (`extras`, so an export gives them back).
 */
export const strategies = pgTable('strategies', {
  id: uuid('id').primaryKey().defaultRandom(),
  processId: uuid('process_id')
    .notNull()
    .unique()
    .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
  goalsLead: text('goals_lead').notNull().default(''),
  structure: jsonb('structure').$type<Record<string, unknown>>().notNull().default({}),
  extras: jsonb('extras').$type<Record<string, unknown>>().notNull().default({}),
  version: integer('version').notNull().default(1),
  translations: jsonb('translations').$type<Translations>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const canvasStatuses = vocabulary.canvasStatuses;

/** One per strategic theme: the slide the working group fills in. */
export const canvases = pgTable('canvases', {
  id: uuid('id').primaryKey().defaultRandom(),
  processId: uuid('process_id')
    .notNull()
    .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
  themeId: uuid('theme_id')
    .notNull()
    .unique()
    .references(() => themes.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  summary: text('summary').notNull().default(''),
  mainGoal: text('main_goal').notNull().default(''),
  status: text('status', { enum: canvasStatuses }).notNull().default('draft'),
  version: integer('version').notNull().default(1),
  /** Unmodelled parts kept for a lossless export (slide title, column labels, editorial notes). */
  extras: jsonb('extras').$type<Record<string, unknown>>().notNull().default({}),
  translations: jsonb('translations').$type<Translations>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One bullet: of a canvas (challenge, opportunity, keyword …) or of the process when `canvasId`
 * is null (overarching goals). Deleting sets `deletedAt`, so a revision can bring it back.
 */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id')
      .notNull()
      .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
    canvasId: uuid('canvas_id').references(() => canvases.id, { onDelete: 'cascade' }),
    section: text('section').notNull(),
    position: integer('position').notNull().default(0),
    text: text('text').notNull(),
    /** A keyword bubble cut off in the source. */
    isTruncated: boolean('is_truncated').notNull().default(false),
    version: integer('version').notNull().default(1),
    translations: jsonb('translations').$type<Translations>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (table) => [index('statements_canvas_section_idx').on(table.canvasId, table.section, table.position)],
);

export const revisionEntityTypes = vocabulary.revisionEntityTypes;

/** Every change to a statement, canvas or the goals: who, when, and the state before and after. */
export const revisions = pgTable(
  'revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id')
      .notNull()
      .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
    canvasId: uuid('canvas_id'),
    entityType: text('entity_type', { enum: revisionEntityTypes }).notNull(),
    entityId: uuid('entity_id').notNull(),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
  },
  (table) => [
    uniqueIndex('revisions_entity_version_unique').on(table.entityType, table.entityId, table.version),
    index('revisions_canvas_idx').on(table.canvasId, table.at),
  ],
);

/** Reviewers' and members' remarks on a canvas, or on one statement of it. */
export const strategyComments = pgTable(
  'strategy_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id')
      .notNull()
      .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
    canvasId: uuid('canvas_id')
      .notNull()
      .references(() => canvases.id, { onDelete: 'cascade' }),
    statementId: uuid('statement_id').references(() => statements.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('strategy_comments_canvas_idx').on(table.canvasId, table.createdAt)],
);
