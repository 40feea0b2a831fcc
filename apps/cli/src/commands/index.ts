import type { CliIo } from '../cli-context.ts';
import { runStartCommand, startHelp } from './start.ts';
import { migrateHelp, runMigrateCommand } from './migrate.ts';
import { runUserAddCommand, userAddHelp } from './user-add.ts';
import { demoLoadHelp, runDemoLoadCommand } from './demo-load.ts';
import { importResponsesHelp, runImportResponsesCommand } from './import-responses.ts';
import { exportResponsesHelp, runExportResponsesCommand } from './export-responses.ts';
import { processListHelp, runProcessListCommand } from './process-list.ts';
import { processExportHelp, runProcessExportCommand } from './process-export.ts';
import { processImportHelp, runProcessImportCommand } from './process-import.ts';
import { backupHelp, restoreHelp, runBackupCommand, runRestoreCommand } from './backup.ts';
import { runAnalyzeCommand, USAGE as analyzeHelp } from './analyze.ts';
import {
  privacyAnonymiseHelp,
  privacyDeleteHelp,
  privacyExportHelp,
  privacyFindHelp,
  runPrivacyAnonymiseCommand,
  runPrivacyDeleteCommand,
  runPrivacyExportCommand,
  runPrivacyFindCommand,
} from './privacy.ts';

export interface CliCommand {
  /** The words that select it: `["user", "add"]`. */
  path: string[];
  summary: string;
  help: string;
  run: (argv: string[], io: CliIo) => Promise<number>;
}

/** Every CLI command. Add new ones here. */
export const cliCommands: CliCommand[] = [
  { path: ['start'], summary: 'Run the web server', help: startHelp, run: runStartCommand },
  { path: ['migrate'], summary: 'Apply database migrations', help: migrateHelp, run: runMigrateCommand },
  { path: ['user', 'add'], summary: 'Create a user and print their one-time link', help: userAddHelp, run: runUserAddCommand },
  { path: ['demo', 'load'], summary: 'Load the example workspace', help: demoLoadHelp, run: runDemoLoadCommand },
  { path: ['import', 'responses'], summary: 'Import responses (CSV/XLSX, PDF/DOCX/TXT letters) into a round', help: importResponsesHelp, run: runImportResponsesCommand },
  { path: ['export', 'responses'], summary: 'Export a round’s responses as CSV or JSONL', help: exportResponsesHelp, run: runExportResponsesCommand },
  { path: ['process', 'list'], summary: 'List strategy processes (slug first)', help: processListHelp, run: runProcessListCommand },
  { path: ['export', 'process'], summary: 'Export a whole process as JSON', help: processExportHelp, run: runProcessExportCommand },
  { path: ['analyze'], summary: 'Analyse texts (JSONL/CSV): languages, duplicates, themes, suggestions', help: analyzeHelp.trimEnd(), run: (argv) => runAnalyzeCommand(argv) },
  { path: ['import', 'process'], summary: 'Import a whole process from JSON', help: processImportHelp, run: runProcessImportCommand },
  { path: ['backup'], summary: 'Back up the database and files (safe while the server runs)', help: backupHelp, run: runBackupCommand },
  { path: ['restore'], summary: 'Restore a backup into an empty instance', help: restoreHelp, run: runRestoreCommand },
  { path: ['privacy', 'find'], summary: 'Find one respondent’s personal data in a process (by email)', help: privacyFindHelp, run: runPrivacyFindCommand },
  { path: ['privacy', 'export'], summary: 'Export one respondent’s personal data as JSON (subject access)', help: privacyExportHelp, run: runPrivacyExportCommand },
  { path: ['privacy', 'delete'], summary: 'Delete one respondent’s personal data (keeps consented, anonymised text)', help: privacyDeleteHelp, run: runPrivacyDeleteCommand },
  { path: ['privacy', 'anonymise-expired'], summary: 'Anonymise submitters of processes past their retention period', help: privacyAnonymiseHelp, run: runPrivacyAnonymiseCommand },
];
