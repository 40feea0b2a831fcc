import { responses, systemClock, type Clock, type Database, type DatabaseKind } from '@innspill/core';
import type { ServerConfig } from '@innspill/config';

/** What route modules need from the composition root. */
export interface AppDependencies {
  config: ServerConfig;
  db: Database;
  databaseKind: DatabaseKind;
  version: string;
  clock?: Clock;
  /**
   * The store of uploaded files. `startServer` builds one and shares it with the job handlers;
   * when omitted (tests), `buildApp` builds it from `config.filesFolder`.
   */
  fileStore?: responses.FileStore | undefined;
  /** Folder of the built web app; omitted in API-only tests. */
  webRoot?: string | undefined;
  /** Secret for signing cookies; generated per data folder by the start-up. */
  cookieSecret: string;
}

/** A route's rate limit, as `@fastify/rate-limit` takes it in a route's `config.rateLimit`. */
export interface RateLimit {
  max: number;
  timeWindow: string;
}

/** Per-client-address limits of the public respondent routes (JSON API and plain forms alike). */
export interface PublicRateLimits {
  read: RateLimit;
  write: RateLimit;
  upload: RateLimit;
}

/**
 * What route modules get: the app's dependencies plus the services built once by `buildApp`, so
 * every route shares one file store, one set of respondent dependencies and one set of limits.
 */
export interface RouteDependencies extends AppDependencies {
  clock: Clock;
  fileStore: responses.FileStore;
  /** What the respondent use-cases (start, save, submit, withdraw, attach) take. */
  respondent: responses.RespondentDeps & responses.StorageDeps;
  publicRateLimits: PublicRateLimits;
}

/**
 * Public limits from `INNSPILL_PUBLIC_RATE_LIMIT` (writes per minute, default 60): reads get five
 * times as many, uploads a third (defaults 300 reads, 60 writes and 20 uploads a minute).
 */
export function publicRateLimits(perMinute: number): PublicRateLimits {
  return {
    read: { max: perMinute * 5, timeWindow: '1 minute' },
    write: { max: perMinute, timeWindow: '1 minute' },
    upload: { max: Math.max(1, Math.round(perMinute / 3)), timeWindow: '1 minute' },
  };
}

/** Builds the shared services once, in the composition root (`buildApp`). */
export function createRouteDependencies(deps: AppDependencies): RouteDependencies {
  const clock = deps.clock ?? systemClock;
  const fileStore = deps.fileStore ?? responses.createFileStore(deps.config.filesFolder);
  return {
    ...deps,
    clock,
    fileStore,
    respondent: {
      db: deps.db,
      clock,
      publicUrl: deps.config.publicUrl,
      fileStore,
      maxUploadBytes: deps.config.maxUploadBytes,
    },
    publicRateLimits: publicRateLimits(deps.config.publicRateLimitPerMinute),
  };
}
