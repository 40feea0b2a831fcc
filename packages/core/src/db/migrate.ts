import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { OpenedDatabase } from './open-database.ts';

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Applies the committed migrations. Drizzle runs them in one transaction, so a failure leaves
 * the database as it was (no half-migrated schema).
 */
export async function migrateDatabase(opened: OpenedDatabase): Promise<void> {
  if (opened.kind === 'pglite') {
    await migratePglite(opened.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePostgres(opened.db as unknown as NodePgDatabase, { migrationsFolder });
  }
}
