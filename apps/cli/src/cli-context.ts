import { join } from 'node:path';
import {
  DomainError,
  lockDataFolder,
  migrateDatabase,
  openDatabase,
  type OpenedDatabase,
} from '@innspill/core';
import { loadConfig, type ServerConfig } from '@innspill/config';
import { UsageError, type CliIo } from './cli-io.ts';

export { processIo, UsageError, type CliIo } from './cli-io.ts';

/**
 * Opens the configured database for a command (locking the data folder when it is PGlite),
 * migrates it, runs `work`, and always closes and unlocks.
 */
export async function withDatabase<T>(
  io: CliIo,
  dataFolder: string | undefined,
  work: (opened: OpenedDatabase, config: ServerConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env, { dataFolder });
  const release = config.databaseUrl ? () => undefined : lockDataFolder(config.dataFolder);
  let opened: OpenedDatabase | undefined;
  try {
    opened = await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDirectory: join(config.dataFolder, 'db'),
    });
    await migrateDatabase(opened);
    return await work(opened, config);
  } finally {
    await opened?.close().catch(() => undefined);
    release();
  }
}

/** Turns any error into the one line a person reads, and the exit code. */
export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: error.message, exitCode: 2 };
  if (error instanceof DomainError) return { message: error.message, exitCode: 1 };
  return { message: `Unexpected error: ${(error as Error).message ?? String(error)}`, exitCode: 1 };
}
