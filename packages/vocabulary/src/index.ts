/**
 * @module @innspill/vocabulary
 * The domain's closed vocabularies, each written once as an `as const` array with its type: the
 * database schema (core), the wire formats (contracts) and the web app all take them from here, so
 * a new value reaches all three at once. No dependencies, no logic; labels stay with their readers
 * (web keeps them as `Record<Value, string>`, so a new value fails to compile until it is labelled).
 * See docs/decisions/vocabularies.md.
 *
 * @example
 * import { questionKinds, type QuestionKind } from '@innspill/vocabulary';
 */
export * from './actors.ts';
export * from './accounts.ts';
export * from './email.ts';
export * from './processes.ts';
export * from './rounds.ts';
export * from './responses.ts';
export * from './strategies.ts';
export * from './themes.ts';
