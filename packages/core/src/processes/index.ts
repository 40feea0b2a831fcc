/** @module processes — strategy processes, their members, milestones and bodies. */
export * from './process.ts';
export * from './processes.errors.ts';
export * from './processes.policies.ts';
export { createProcess, type CreateProcessInput } from './create-process.ts';
export { getProcessForActor } from './get-process.ts';
export { getProcessOverview } from './get-process-overview.ts';
export { listProcesses } from './list-processes.ts';
export { effectiveRoundStatus, type EffectiveRoundStatus } from './round-status.ts';
export { setProcessMembership, listProcessMembers } from './set-process-membership.ts';
export { findProcessBySlug, findProcessById, findRoundsOfProcess } from './processes.repository.ts';
