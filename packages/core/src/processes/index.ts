/** @module processes — strategy processes, their members, roles and the process policies. */
export * from './process.ts';
export * from './processes.errors.ts';
export * from './processes.policies.ts';
export { createProcess, type CreateProcessInput } from './create-process.ts';
export { getProcessForActor } from './get-process-for-actor.ts';
export { listProcesses } from './list-processes.ts';
export { effectiveRoundStatus, type EffectiveRoundStatus } from './effective-round-status.ts';
export { setProcessMembership, listProcessMembers } from './set-process-membership.ts';
export {
  findProcessBySlug,
  findProcessById,
  insertProcess,
  lockProcessRow,
  updateProcessRow,
  setProcessInvolvement,
  type ProcessRow,
} from './processes.repository.ts';
/** Used by `privacy` (the retention setting). */
export { updateProcessRetention } from './processes.repository.ts';
