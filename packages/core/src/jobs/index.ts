/** @module jobs — runs background work from the jobs table, polled in-process (enqueueing is shared/enqueue-job.ts). */
export { runPendingJobs, type JobHandler, type JobHandlers } from './run-pending-jobs.ts';
export { startJobRunner, type JobRunner } from './job-runner.ts';
export { findJobs } from './jobs.repository.ts';
/** Used by `privacy` (deleting a respondent's data). */
export { deleteEmailJobsTo } from './jobs.repository.ts';
