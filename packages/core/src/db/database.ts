import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema/index.ts';

/** The Drizzle handle every repository takes: PGlite and node-postgres share this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction handle has the same query surface as the database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Either the database or a transaction: repositories accept both. */
export type Queryable = Database | Transaction;

export type DatabaseKind = 'pglite' | 'postgres';
