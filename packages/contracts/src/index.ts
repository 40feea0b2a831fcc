/** @module @innspill/contracts — wire formats shared by the server and the web app (zod). */
export * from './errors.ts';
export * from './health.ts';
export * from './accounts.ts';
export * from './processes.ts';
export * from './oslo-dates.ts';
export * from './rounds.ts';
export * from './actors.ts';
export * from './responses.ts';
export * from './strategies.ts';
export * from './audit.ts';
export * from './privacy.ts';
