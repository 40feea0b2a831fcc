import {
  type AnyPgColumn,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as vocabulary from '@innspill/vocabulary';
import { strategyProcesses, type Translations } from './processes.ts';

export const themeStages = vocabulary.themeStages;
export const themeOrigins = vocabulary.themeOrigins;

/**
 * The theme tree of a process: candidate themes (found in the input or named by people) grouped
 * under strategic themes (`parentId`). Only strategic themes carry the number people cite.
 */
export const themes = pgTable(
  'themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id')
      .notNull()
      .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
    /**
     * The strategic theme a candidate is grouped under. Removing that theme leaves its candidates
     * ungrouped (`set null`) instead of deleting them or blocking the removal: candidates carry
     * the input's codings, which outlive any one grouping.
     */
    parentId: uuid('parent_id').references((): AnyPgColumn => themes.id, { onDelete: 'set null' }),
    /** The number shown to people (1–6 in the example); strategic themes only, null for the others. */
    number: integer('number'),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    origin: text('origin', { enum: themeOrigins }).notNull().default('manual'),
    stage: text('stage', { enum: themeStages }).notNull().default('candidate'),
    translations: jsonb('translations').$type<Translations>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('themes_process_idx').on(table.processId, table.position),
    index('themes_parent_idx').on(table.parentId),
    check('themes_number_only_strategic', sql`${table.number} is null or ${table.stage} = 'strategic'`),
  ],
);
