/** @module testing — test database and builders for use-case, HTTP and CLI tests. */
export { createTestDatabase, type TestDatabase } from './create-test-database.ts';
export { buildUser, buildProcess, buildMember } from './builders.ts';
export {
  buildRound,
  buildActor,
  buildSubmission,
  findRoundSubmissions,
  type QuestionSpec,
} from './rounds.builders.ts';
export { buildJobHandlers } from './job-handlers.ts';
export * from './pdf-fixtures.ts';
export { buildTheme, buildCanvas, buildStatement } from './strategies.builders.ts';
