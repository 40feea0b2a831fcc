import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import * as schema from '../db/schema/index.ts';
import type { Database } from '../db/database.ts';
import { openDatabase, type OpenedDatabase } from '../db/open-database.ts';

export interface TestDatabase extends OpenedDatabase {
  /** Connection URL of the test database (PostgreSQL only): for starting servers or CLIs on it. */
  url?: string;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL database
 * copied from the migrated template when the suite runs against a server. `close()` drops it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.INNSPILL_TEST_DB === 'postgres') {
    const url = process.env.INNSPILL_TEST_DATABASE_URL;
    const template = inject('postgresTemplateDatabase');
    if (!url || !template) throw new Error('PostgreSQL test database is not configured.');
    const name = `innspill_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    const testUrl = new URL(url);
    testUrl.pathname = `/${name}`;
    const opened = await openDatabase({ databaseUrl: testUrl.toString() });
    return {
      ...opened,
      url: testUrl.toString(),
      close: async () => {
        await opened.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const templatePath = inject('pgliteTemplatePath');
  const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(templatePath)]) });
  const db = drizzlePglite(pglite, { schema }) as unknown as Database;
  return { db, kind: 'pglite', pglite, close: () => pglite.close() };
}
