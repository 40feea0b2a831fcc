import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';
import type { Database, DatabaseKind } from './database.ts';
import { DatabaseUnavailableError } from './db.errors.ts';
import { deferCallbacksUntilCommit } from '../shared/after-commit.ts';

export interface OpenDatabaseOptions {
  /** `postgres://…` selects a real PostgreSQL server. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded PGlite database; `memory://` or undefined for in-memory. */
  pgliteDirectory?: string | undefined;
}

export interface OpenedDatabase {
  db: Database;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** The raw PGlite instance (only for PGlite): used by backup and test templates. */
  pglite?: PGlite;
}

/**
 * Opens PostgreSQL when a URL is given, otherwise embedded PGlite (a folder, or in memory).
 * Fails with {@link DatabaseUnavailableError} naming the setting when the server cannot be reached.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle client dropped by the server (restart, failover, admin command) must not crash the
    // process; the pool replaces it on the next query.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new DatabaseUnavailableError(
        `DATABASE_URL: cannot connect to PostgreSQL (${redactUrl(options.databaseUrl)}): ${(error as Error).message}`,
      );
    }
    const db = drizzlePostgres(pool, { schema }) as unknown as Database;
    deferCallbacksUntilCommit(db);
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const directory = options.pgliteDirectory;
  if (directory && !directory.startsWith('memory://')) mkdirSync(directory, { recursive: true });
  const pglite = await PGlite.create(directory ?? 'memory://');
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  deferCallbacksUntilCommit(db);
  return { db, kind: 'pglite', close: () => pglite.close(), pglite };
}

/** Removes the password from a connection URL so it can be shown in messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
