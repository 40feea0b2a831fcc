/**
 * @module @innspill/core
 * Domain modules and persistence. No HTTP, no React: the server, the CLI and tests call these
 * use-cases with an explicit actor and database handle.
 */
export * from './shared/domain-error.ts';
export * from './shared/actor.ts';
export * from './shared/clock.ts';
export * from './shared/oslo-time.ts';
export * from './shared/tokens.ts';
export type { Database, Transaction, Queryable, DatabaseKind } from './db/database.ts';
export {
  openDatabase,
  redactUrl,
  type OpenedDatabase,
  type OpenDatabaseOptions,
} from './db/open-database.ts';
export { migrateDatabase, migrationsFolder } from './db/migrate.ts';
export { lockDataFolder, findDataFolderOwner } from './db/data-folder-lock.ts';
export { pingDatabase } from './db/ping-database.ts';
export * from './db/db.errors.ts';
export * as accounts from './accounts/index.ts';
export * as processes from './processes/index.ts';
export * as themes from './themes/index.ts';
export * as strategies from './strategies/index.ts';
export * as plan from './plan/index.ts';
export * as exchange from './exchange/index.ts';
export * as audit from './audit/index.ts';
export * as demo from './demo/index.ts';
export * as instance from './instance/index.ts';
export * as rounds from './rounds/index.ts';
export * as actors from './actors/index.ts';
export * as responses from './responses/index.ts';
export * as jobs from './jobs/index.ts';
export * as email from './email/index.ts';
export * as backup from './backup/index.ts';
export * as privacy from './privacy/index.ts';
