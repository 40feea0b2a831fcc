/** @module backup — consistent backups of database and files, and restore into an empty instance. */
export { createBackup, readBackupRecords, type BackupSummary } from './create-backup.ts';
export { restoreBackup, type RestoreSummary } from './restore-backup.ts';
export { InvalidBackupError, RestoreTargetNotEmptyError } from './backup.errors.ts';
export type { BackupRecord } from './backup-file.ts';
export { findTablesInDependencyOrder, selectTableRowsAsJson } from './backup.repository.ts';
