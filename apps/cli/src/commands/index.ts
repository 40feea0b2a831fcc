import type { CliIo } from '../cli-io.ts';

/** What a command's module provides once loaded. */
export interface LoadedCommand {
  help: string;
  run: (argv: string[], io: CliIo) => Promise<number>;
}

export interface CliCommand {
  /** The words that select it: `["user", "add"]`. */
  path: string[];
  summary: string;
  /**
   * Loads the command's module. Only the command that runs is loaded: `analyze` needs neither the
   * database nor the server, which take some 1.5 s to load.
   */
  load: () => Promise<LoadedCommand>;
}

/** Every CLI command. Add new ones here. */
export const cliCommands: CliCommand[] = [
  {
    path: ['start'],
    summary: 'Run the web server',
    load: async () => {
      const m = await import('./start.ts');
      return { help: m.startHelp, run: m.runStartCommand };
    },
  },
  {
    path: ['migrate'],
    summary: 'Apply database migrations',
    load: async () => {
      const m = await import('./migrate.ts');
      return { help: m.migrateHelp, run: m.runMigrateCommand };
    },
  },
  {
    path: ['user', 'add'],
    summary: 'Create a user and print their one-time link',
    load: async () => {
      const m = await import('./user-add.ts');
      return { help: m.userAddHelp, run: m.runUserAddCommand };
    },
  },
  {
    path: ['demo', 'load'],
    summary: 'Load the example workspace',
    load: async () => {
      const m = await import('./demo-load.ts');
      return { help: m.demoLoadHelp, run: m.runDemoLoadCommand };
    },
  },
  {
    path: ['import', 'responses'],
    summary: 'Import responses (CSV/XLSX, PDF/DOCX/TXT letters) into a round',
    load: async () => {
      const m = await import('./import-responses.ts');
      return { help: m.importResponsesHelp, run: m.runImportResponsesCommand };
    },
  },
  {
    path: ['export', 'responses'],
    summary: 'Export a round’s responses as CSV or JSONL',
    load: async () => {
      const m = await import('./export-responses.ts');
      return { help: m.exportResponsesHelp, run: m.runExportResponsesCommand };
    },
  },
  {
    path: ['process', 'list'],
    summary: 'List strategy processes (slug first)',
    load: async () => {
      const m = await import('./process-list.ts');
      return { help: m.processListHelp, run: m.runProcessListCommand };
    },
  },
  {
    path: ['export', 'process'],
    summary: 'Export a whole process as JSON',
    load: async () => {
      const m = await import('./process-export.ts');
      return { help: m.processExportHelp, run: m.runProcessExportCommand };
    },
  },
  {
    path: ['analyze'],
    summary: 'Analyse texts (JSONL/CSV): languages, duplicates, themes, suggestions',
    load: async () => {
      const m = await import('./analyze.ts');
      return { help: m.USAGE.trimEnd(), run: (argv) => m.runAnalyzeCommand(argv) };
    },
  },
  {
    path: ['import', 'process'],
    summary: 'Import a whole process from JSON',
    load: async () => {
      const m = await import('./process-import.ts');
      return { help: m.processImportHelp, run: m.runProcessImportCommand };
    },
  },
  {
    path: ['backup'],
    summary: 'Back up the database and files (safe while the server runs)',
    load: async () => {
      const m = await import('./backup.ts');
      return { help: m.backupHelp, run: m.runBackupCommand };
    },
  },
  {
    path: ['restore'],
    summary: 'Restore a backup into an empty instance',
    load: async () => {
      const m = await import('./backup.ts');
      return { help: m.restoreHelp, run: m.runRestoreCommand };
    },
  },
  {
    path: ['privacy', 'find'],
    summary: 'Find one respondent’s personal data in a process (by email)',
    load: async () => {
      const m = await import('./privacy.ts');
      return { help: m.privacyFindHelp, run: m.runPrivacyFindCommand };
    },
  },
  {
    path: ['privacy', 'export'],
    summary: 'Export one respondent’s personal data as JSON (subject access)',
    load: async () => {
      const m = await import('./privacy.ts');
      return { help: m.privacyExportHelp, run: m.runPrivacyExportCommand };
    },
  },
  {
    path: ['privacy', 'delete'],
    summary: 'Delete one respondent’s personal data (keeps consented, anonymised text)',
    load: async () => {
      const m = await import('./privacy.ts');
      return { help: m.privacyDeleteHelp, run: m.runPrivacyDeleteCommand };
    },
  },
  {
    path: ['privacy', 'anonymise-expired'],
    summary: 'Anonymise submitters of processes past their retention period',
    load: async () => {
      const m = await import('./privacy.ts');
      return { help: m.privacyAnonymiseHelp, run: m.runPrivacyAnonymiseCommand };
    },
  },
];
