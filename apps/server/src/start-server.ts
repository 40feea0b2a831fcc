import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import {
  accounts,
  demo,
  instance,
  lockDataFolder,
  migrateDatabase,
  openDatabase,
  systemActor,
  type OpenedDatabase,
} from '@innspill/core';
import { buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { appVersion } from './version.ts';

export const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  stop: () => Promise<void>;
}

/**
 * `innspill start`: lock the data folder (PGlite), open and migrate the database, load the
 * example workspace into an empty instance, print the first-administrator link, and listen.
 */
export async function startServer(
  config: ServerConfig,
  options: { log?: (line: string) => void; webRoot?: string } = {},
): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const releaseLock = config.databaseUrl ? () => undefined : lockDataFolder(config.dataFolder);
  let opened: OpenedDatabase | undefined;
  try {
    opened = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDirectory: join(config.dataFolder, 'db') });
    if (config.shouldMigrate) await migrateDatabase(opened);
    const { db } = opened;
    if (config.shouldLoadDemo && (await instance.isWorkspaceEmpty(db))) {
      const loaded = await demo.loadDemoWorkspace(db, systemActor('start-up'));
      if (loaded.created) log(`Loaded the example workspace: ${config.publicUrl}/p/${loaded.slug}`);
    }
    const cookieSecret = await instance.getOrCreateCookieSecret(db);
    const { app } = await buildApp({
      config,
      db,
      databaseKind: opened.kind,
      version: appVersion,
      cookieSecret,
      webRoot: options.webRoot ?? defaultWebRoot,
    });
    const firstAdminToken = await accounts.issueFirstAdminLink(db);
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
    log(`Innspill ${appVersion} is running on ${url} (database: ${opened.kind === 'pglite' ? `PGlite in ${config.dataFolder}` : 'PostgreSQL'})`);
    if (firstAdminToken) {
      log('');
      log('No administrator exists yet. Open this one-time link to create the first one (valid for 7 days):');
      log(`  ${url}/setup/${firstAdminToken}`);
      log('');
    }
    const database = opened;
    let isStopped = false;
    return {
      app,
      url,
      stop: async () => {
        if (isStopped) return;
        isStopped = true;
        await app.close();
        await database.close();
        releaseLock();
      },
    };
  } catch (error) {
    await opened?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}
