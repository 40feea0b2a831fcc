/** The whole Drizzle schema: one file per aggregate, shared by PGlite and PostgreSQL. */
export * from './people.ts';
export * from './processes.ts';
export * from './rounds.ts';
export * from './themes.ts';
export * from './strategies.ts';
export * from './audit.ts';
export * from './actors.ts';
export * from './responses.ts';
export * from './jobs.ts';
