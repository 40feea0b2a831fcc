import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from '@innspill/config';
import {
  accounts,
  demo,
  email,
  jobs,
  responses,
  systemClock,
  instance,
  lockDataFolder,
  migrateDatabase,
  openDatabase,
  privacy,
  systemActor,
  type OpenedDatabase,
} from '@innspill/core';
import { buildApp } from './app.ts';
import { createJobHandlers } from './job-handlers.ts';
import { startControlSocket } from './control-socket.ts';
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
  let jobRunner: jobs.JobRunner | undefined;
  let reminderTimer: NodeJS.Timeout | undefined;
  let retentionTimer: NodeJS.Timeout | undefined;
  try {
    opened = await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDirectory: join(config.dataFolder, 'db'),
    });
    if (config.shouldMigrate) await migrateDatabase(opened);
    const { db } = opened;
    if (config.shouldLoadDemo && (await instance.isWorkspaceEmpty(db))) {
      const loaded = await demo.loadDemoWorkspace(db, systemActor('start-up'));
      if (loaded.created) log(`Loaded the example workspace: ${config.publicUrl}/p/${loaded.slug}`);
    }
    const cookieSecret = await instance.getOrCreateCookieSecret(db);
    const mailer = email.createMailer(config.email);
    // One file store for the whole server: the job handlers and the routes share it.
    const fileStore = responses.createFileStore(config.filesFolder);
    jobRunner = jobs.startJobRunner({
      db,
      handlers: createJobHandlers({ db, mailer, fileStore }),
      clock: systemClock,
      intervalMs: config.jobPollMs,
      onError: (error) => log(`Background job runner error: ${(error as Error).message}`),
    });
    const runner = jobRunner;
    const reminderSweep = async () => {
      try {
        await responses.sendDueReminders(
          { db, clock: systemClock, publicUrl: config.publicUrl },
          systemActor('reminders'),
        );
      } catch (error) {
        log(`Reminder sweep failed: ${(error as Error).message}`);
      }
    };
    reminderTimer = setInterval(() => void reminderSweep(), 10 * 60 * 1000);
    reminderTimer.unref();
    // Personal-data retention: anonymise submitters of processes past their retention period.
    const retentionSweep = async () => {
      try {
        const result = await privacy.anonymiseExpiredSubmitters(db, systemClock);
        if (result.submissions > 0) {
          log(`Retention: anonymised the submitters of ${result.submissions} submissions.`);
        }
      } catch (error) {
        log(`Retention sweep failed: ${(error as Error).message}`);
      }
    };
    void retentionSweep();
    retentionTimer = setInterval(() => void retentionSweep(), 60 * 60 * 1000);
    retentionTimer.unref();
    const { app } = await buildApp({
      config,
      db,
      fileStore,
      databaseKind: opened.kind,
      version: appVersion,
      cookieSecret,
      webRoot: options.webRoot ?? defaultWebRoot,
    });
    const firstAdminToken = await accounts.issueFirstAdminLink(db);
    await app.listen({ port: config.port, host: config.host });
    const controlSocket = config.databaseUrl
      ? undefined
      : await startControlSocket({
          dataFolder: config.dataFolder,
          db,
          databaseKind: opened.kind,
          filesFolder: config.filesFolder,
        });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
    log(
      `Innspill ${appVersion} is running on ${url} (database: ${opened.kind === 'pglite' ? `PGlite in ${config.dataFolder}` : 'PostgreSQL'})`,
    );
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
        if (reminderTimer) clearInterval(reminderTimer);
        if (retentionTimer) clearInterval(retentionTimer);
        await controlSocket?.close();
        await app.close();
        await runner.stop();
        await database.close();
        releaseLock();
      },
    };
  } catch (error) {
    if (reminderTimer) clearInterval(reminderTimer);
    if (retentionTimer) clearInterval(retentionTimer);
    await jobRunner?.stop().catch(() => undefined);
    await opened?.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
}
