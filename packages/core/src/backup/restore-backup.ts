import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { ForbiddenError } from '../shared/domain-error.ts';
import {
  countRows,
  findTablesInDependencyOrder,
  insertRowsFromJson,
  resetSequences,
} from './backup.repository.ts';
import { backupFormat, type BackupRecord } from './backup-file.ts';
import { InvalidBackupError, RestoreTargetNotEmptyError } from './backup.errors.ts';
import { readBackupRecords } from './create-backup.ts';

export interface RestoreSummary {
  rowCounts: Record<string, number>;
  fileCount: number;
}

/**
 * Restores a backup into an empty (migrated) database and an empty files folder. All or nothing:
 * the file is read and checked completely first (every record, every file checksum, the end
 * record's counts), the rows go in within one transaction, and the files are moved into place
 * only after that transaction committed.
 */
export async function restoreBackup(
  db: Database,
  actor: Actor,
  options: { backupPath: string; filesFolder: string },
): Promise<RestoreSummary> {
  if (actor.kind !== 'system') {
    throw new ForbiddenError('Restoring is done from the command line by the operator.');
  }
  if (!existsSync(options.backupPath)) throw new InvalidBackupError(`${options.backupPath}: no such file.`);
  if (existsSync(options.filesFolder) && readdirSync(options.filesFolder).length > 0) {
    throw new RestoreTargetNotEmptyError(
      `The files folder ${options.filesFolder} is not empty; restore into an empty data folder.`,
    );
  }
  const tables = await findTablesInDependencyOrder(db);
  for (const table of tables) {
    if ((await countRows(db, table.name)) > 0) {
      throw new RestoreTargetNotEmptyError(
        `The database is not empty (table ${table.name} has rows); restore into an empty database.`,
      );
    }
  }

  const rowsByTable = new Map<string, Record<string, unknown>[]>();
  const staging = join(dirname(options.filesFolder), `.restore-${randomUUID()}`);
  let header: Extract<BackupRecord, { kind: 'header' }> | undefined;
  let end: Extract<BackupRecord, { kind: 'end' }> | undefined;
  let fileCount = 0;
  try {
    let lineNumber = 0;
    try {
      for await (const record of readBackupRecords(options.backupPath)) {
        lineNumber++;
        if (lineNumber === 1) {
          if (record.kind !== 'header' || record.format !== backupFormat) {
            throw new InvalidBackupError('This is not an Innspill backup file.');
          }
          if (record.formatVersion !== 1) {
            throw new InvalidBackupError(
              `Unsupported backup format version ${String(record.formatVersion)}.`,
            );
          }
          header = record;
          continue;
        }
        if (end) throw new InvalidBackupError(`Line ${lineNumber}: data after the end record.`);
        if (record.kind === 'rows') {
          const list = rowsByTable.get(record.table) ?? [];
          list.push(...record.rows);
          rowsByTable.set(record.table, list);
        } else if (record.kind === 'file') {
          const bytes = Buffer.from(record.base64, 'base64');
          if (createHash('sha256').update(bytes).digest('hex') !== record.sha256) {
            throw new InvalidBackupError(
              `Line ${lineNumber}: file ${record.path} is damaged (checksum mismatch).`,
            );
          }
          const target = normalize(join(staging, record.path));
          if (!target.startsWith(staging + '/')) {
            throw new InvalidBackupError(`Line ${lineNumber}: unsafe file path ${record.path}.`);
          }
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, bytes);
          fileCount++;
        } else if (record.kind === 'end') {
          end = record;
        } else {
          throw new InvalidBackupError(`Line ${lineNumber}: unexpected record.`);
        }
      }
    } catch (error) {
      if (error instanceof InvalidBackupError) throw error;
      throw new InvalidBackupError(`The backup file cannot be read: ${(error as Error).message}`);
    }
    if (!header || !end) {
      throw new InvalidBackupError('The backup file is incomplete (no end record): it was cut short.');
    }
    for (const [table, count] of Object.entries(end.rowCounts)) {
      if ((rowsByTable.get(table)?.length ?? 0) !== count) {
        throw new InvalidBackupError(`Table ${table}: expected ${count} rows.`);
      }
    }
    if (end.fileCount !== fileCount) {
      throw new InvalidBackupError(`Expected ${end.fileCount} files, found ${fileCount}.`);
    }
    const known = new Set(tables.map((table) => table.name));
    for (const table of rowsByTable.keys()) {
      if (!known.has(table)) {
        throw new InvalidBackupError(
          `The backup has table ${table}, which this version of Innspill does not know.`,
        );
      }
    }

    await db.transaction(async (tx) => {
      for (const table of tables) {
        await insertRowsFromJson(tx, table, rowsByTable.get(table.name) ?? []);
        await resetSequences(tx, table);
      }
    });
    if (existsSync(staging)) {
      rmSync(options.filesFolder, { recursive: true, force: true });
      mkdirSync(dirname(options.filesFolder), { recursive: true });
      renameSync(staging, options.filesFolder);
    }
    return { rowCounts: end.rowCounts, fileCount };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
