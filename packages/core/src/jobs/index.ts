/** @module jobs — background work from a jobs table, polled in-process. */
export { enqueueJob, enqueueJobs } from './enqueue-job.ts';
export { runPendingJobs, type JobHandler, type JobHandlers } from './run-pending-jobs.ts';
export { startJobRunner, type JobRunner } from './job-runner.ts';
export { findJobs } from './jobs.repository.ts';
