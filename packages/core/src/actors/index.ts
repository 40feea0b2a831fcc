/** @module actors — the registry of organisations and people who answer input rounds. */
export * from './actor.ts';
export * from './actors.errors.ts';
export * from './actors.policies.ts';
export * from './organisation-number.ts';
export { checkActor, type ActorInput, type ActorIssue, type CleanActor } from './validate-actor.ts';
export { listActors } from './list-actors.ts';
export { saveActor } from './save-actor.ts';
export { importActors, type ActorImportRow } from './import-actors.ts';
export { findActorById, findActorsByIds, insertActorRow } from './actors.repository.ts';
/** Used by `privacy` (deleting a respondent's data). */
export { setActorContactEmails } from './actors.repository.ts';
