import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backup, findDataFolderOwner, openDatabase, systemActor } from '@innspill/core';
import { loadConfig } from '@innspill/config';
import { sendControlRequest } from '@innspill/server';
import { UsageError, withDatabase, type CliIo } from '../cli-context.ts';

export const backupHelp = `innspill backup --out FILE [--data FOLDER]

Writes a consistent backup of the database and the uploaded files to FILE (gzip-compressed JSON
Lines). Safe while the server runs: with PGlite the running server makes it (asked over a socket
in the data folder); with DATABASE_URL the rows come from one snapshot transaction.`;

export const restoreHelp = `innspill restore FILE [--data FOLDER]

Restores a backup made by "innspill backup" into an empty data folder (PGlite) or an empty
database (DATABASE_URL). All or nothing: a damaged or cut-short file changes nothing.`;

function describe(summary: { rowCounts: Record<string, number>; fileCount: number }): string {
  const rows = Object.values(summary.rowCounts).reduce((sum, count) => sum + count, 0);
  return `${rows} rows in ${Object.keys(summary.rowCounts).length} tables, ${summary.fileCount} files`;
}

export async function runBackupCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, data: { type: 'string' } },
    strict: true,
  });
  if (!values.out) throw new UsageError(`--out is required.\n\n${backupHelp}`);
  const outPath = resolve(values.out);
  const config = loadConfig(io.env, { dataFolder: values.data });
  const actor = systemActor('cli backup');
  if (config.databaseUrl) {
    const opened = await openDatabase({ databaseUrl: config.databaseUrl });
    try {
      const summary = await backup.createBackup(opened.db, actor, {
        outPath,
        filesFolder: config.filesFolder,
        databaseKind: opened.kind,
      });
      io.out(`Backup written to ${outPath}: ${describe(summary)}.`);
    } finally {
      await opened.close();
    }
    return 0;
  }
  const owner = findDataFolderOwner(config.dataFolder);
  if (owner !== undefined) {
    const answer = await sendControlRequest(config.dataFolder, { command: 'backup', outPath });
    if (!answer.ok) {
      io.err(answer.error);
      return 1;
    }
    io.out(`Backup written to ${outPath} by the running server (PID ${owner}): ${describe(answer.summary)}.`);
    return 0;
  }
  await withDatabase(io, values.data, async (opened) => {
    const summary = await backup.createBackup(opened.db, actor, {
      outPath,
      filesFolder: config.filesFolder,
      databaseKind: opened.kind,
    });
    io.out(`Backup written to ${outPath}: ${describe(summary)}.`);
  });
  return 0;
}

export async function runRestoreCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { data: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    throw new UsageError(`Give exactly one backup file.\n\n${restoreHelp}`);
  }
  const config = loadConfig(io.env, { dataFolder: values.data });
  await withDatabase(io, values.data, async (opened) => {
    const summary = await backup.restoreBackup(opened.db, systemActor('cli restore'), {
      backupPath: resolve(file),
      filesFolder: config.filesFolder,
    });
    io.out(`Restored ${describe(summary)}.`);
  });
  return 0;
}
