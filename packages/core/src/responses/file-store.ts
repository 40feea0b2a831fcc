import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, openSync, fsyncSync, closeSync, writeSync, renameSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where uploaded files are kept: `<data folder>/files/`, one file per attachment, never changed. */
export interface FileStore {
  put: (bytes: Uint8Array) => { storageKey: string; sha256: string };
  read: (storageKey: string) => Buffer;
}

/**
 * A folder-backed store. Files are written to a temporary name, fsynced and renamed, so a stored
 * key always points at a complete file (a crash leaves at most an unreferenced temp file).
 */
export function createFileStore(folder: string): FileStore {
  return {
    put: (bytes) => {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const storageKey = `${sha256.slice(0, 2)}/${randomUUID()}`;
      const directory = join(folder, sha256.slice(0, 2));
      mkdirSync(directory, { recursive: true });
      const temporary = join(directory, `.tmp-${randomUUID()}`);
      const descriptor = openSync(temporary, 'w');
      try {
        writeSync(descriptor, bytes);
        fsyncSync(descriptor);
      } finally {
        closeSync(descriptor);
      }
      renameSync(temporary, join(folder, storageKey));
      return { storageKey, sha256 };
    },
    read: (storageKey) => {
      if (!/^[0-9a-f]{2}\/[0-9a-f-]{36}$/.test(storageKey)) throw new Error('invalid storage key');
      return readFileSync(join(folder, storageKey));
    },
  };
}
