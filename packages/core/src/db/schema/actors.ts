import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { strategyProcesses } from './processes.ts';
import { inputRounds } from './rounds.ts';
import * as vocabulary from '@innspill/vocabulary';

export const actorTypes = vocabulary.actorTypes;

/** An organisation (or person) that is invited to, or answers, input rounds of a process. */
export const actors = pgTable(
  'actors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: uuid('process_id')
      .notNull()
      .references(() => strategyProcesses.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: text('type', { enum: actorTypes }).notNull().default('annet'),
    /** Norwegian organisation number, 9 digits with a valid mod-11 check digit. */
    organisationNumber: text('organisation_number'),
    contactEmails: jsonb('contact_emails').$type<string[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('actors_process_org_number_unique').on(table.processId, table.organisationNumber),
    index('actors_process_idx').on(table.processId),
  ],
);

/** One secret link per invited actor and round; only the hash of the link's token is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => inputRounds.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    emails: jsonb('emails').$type<string[]>().notNull().default([]),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('invitations_round_actor_unique').on(table.roundId, table.actorId)],
);
