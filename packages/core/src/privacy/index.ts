/**
 * @module privacy — respondents' personal data (GDPR): find, export and delete one respondent's
 * data in a process, and the retention setting that anonymises submitters after a process closes.
 */
export * from './respondent-data.ts';
export * from './privacy.policies.ts';
export { findRespondentData, type RespondentLocator } from './find-respondent-data.ts';
export { exportRespondentData, type RespondentDataExport } from './export-respondent-data.ts';
export { deleteRespondentData, type PrivacyDeps } from './delete-respondent-data.ts';
export { processInputClosedAt, retentionExpiresAt, retentionDaysRange } from './retention.ts';
export { getProcessRetention, setProcessRetention, type RetentionSetting } from './set-process-retention.ts';
export { anonymiseExpiredSubmitters } from './anonymise-expired-submitters.ts';
