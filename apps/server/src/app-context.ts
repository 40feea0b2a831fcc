import type { Clock, Database, DatabaseKind } from '@innspill/core';
import type { ServerConfig } from './config.ts';

/** What route modules need from the composition root. */
export interface AppDependencies {
  config: ServerConfig;
  db: Database;
  databaseKind: DatabaseKind;
  version: string;
  clock?: Clock;
  /** Folder of the built web app; omitted in API-only tests. */
  webRoot?: string | undefined;
  /** Secret for signing cookies; generated per data folder by the start-up. */
  cookieSecret: string;
}
