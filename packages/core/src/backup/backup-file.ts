/** The backup file: gzip-compressed JSON Lines. Each line is one of these records, in this order. */
export type BackupRecord =
  | {
      kind: 'header';
      format: 'innspill-backup';
      formatVersion: 1;
      createdAt: string;
      database: 'pglite' | 'postgres';
      tables: string[];
    }
  | { kind: 'rows'; table: string; rows: Record<string, unknown>[] }
  | { kind: 'file'; path: string; sha256: string; base64: string }
  | { kind: 'end'; rowCounts: Record<string, number>; fileCount: number };

export const backupFormat = 'innspill-backup';
/** Rows per `rows` record: keeps lines and insert statements of a manageable size. */
export const rowsPerRecord = 500;
