import {
  createReadStream,
  createWriteStream,
  existsSync,
  fsyncSync,
  openSync,
  closeSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Database, DatabaseKind } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { ForbiddenError } from '../shared/domain-error.ts';
import { findTablesInDependencyOrder, selectTableRowsAsJson } from './backup.repository.ts';
import { backupFormat, rowsPerRecord, type BackupRecord } from './backup-file.ts';

export interface BackupSummary {
  path: string;
  rowCounts: Record<string, number>;
  fileCount: number;
  bytes: number;
}

function canBackUp(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && actor.isInstanceAdmin);
}

async function writeLine(stream: Writable, record: BackupRecord): Promise<void> {
  if (!stream.write(`${JSON.stringify(record)}\n`)) await once(stream, 'drain');
}

function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && !entry.name.startsWith('.tmp-')) found.push(relative(folder, path));
    }
  };
  walk(folder);
  return found.sort();
}

/**
 * Writes a consistent backup of the whole database and the uploaded files to `outPath`
 * (gzip-compressed JSON Lines, see `backup-file.ts`). The rows come from one read-only
 * REPEATABLE READ transaction, so they are a single snapshot even while the server keeps
 * writing; the file is written under a temporary name and renamed only when complete.
 */
export async function createBackup(
  db: Database,
  actor: Actor,
  options: { outPath: string; filesFolder: string; databaseKind: DatabaseKind; now?: Date },
): Promise<BackupSummary> {
  if (!canBackUp(actor)) throw new ForbiddenError('Only an administrator can make a backup.');
  const partialPath = `${options.outPath}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(partialPath);
  gzip.pipe(output);
  const finished = once(output, 'close');
  try {
    const rowCounts: Record<string, number> = {};
    await db.transaction(
      async (tx) => {
        const tables = await findTablesInDependencyOrder(tx);
        await writeLine(gzip, {
          kind: 'header',
          format: backupFormat,
          formatVersion: 1,
          createdAt: (options.now ?? new Date()).toISOString(),
          database: options.databaseKind,
          tables: tables.map((table) => table.name),
        });
        for (const table of tables) {
          const rows = await selectTableRowsAsJson(tx, table);
          rowCounts[table.name] = rows.length;
          for (let start = 0; start < rows.length; start += rowsPerRecord) {
            await writeLine(gzip, {
              kind: 'rows',
              table: table.name,
              rows: rows.slice(start, start + rowsPerRecord),
            });
          }
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const files = listFiles(options.filesFolder);
    for (const path of files) {
      const bytes = readFileSync(join(options.filesFolder, path));
      await writeLine(gzip, {
        kind: 'file',
        path,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        base64: bytes.toString('base64'),
      });
    }
    await writeLine(gzip, { kind: 'end', rowCounts, fileCount: files.length });
    gzip.end();
    await finished;
    const descriptor = openSync(partialPath, 'r');
    fsyncSync(descriptor);
    closeSync(descriptor);
    renameSync(partialPath, options.outPath);
    return {
      path: options.outPath,
      rowCounts,
      fileCount: files.length,
      bytes: statSync(options.outPath).size,
    };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    rmSync(partialPath, { force: true });
    throw error;
  }
}

/** Reads a backup file's records one by one (for restore and inspection). */
export async function* readBackupRecords(path: string): AsyncGenerator<BackupRecord> {
  const { createGunzip } = await import('node:zlib');
  const { createInterface } = await import('node:readline');
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim()) yield JSON.parse(line) as BackupRecord;
  }
}
