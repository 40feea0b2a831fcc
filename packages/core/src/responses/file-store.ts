import { createHash, randomUUID } from 'node:crypto';
import {
  mkdirSync,
  openSync,
  fsyncSync,
  closeSync,
  writeSync,
  renameSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';

/** Where uploaded files are kept: `<data folder>/files/`, one file per attachment, never changed. */
export interface FileStore {
  put: (bytes: Uint8Array) => { storageKey: string; sha256: string };
  read: (storageKey: string) => Buffer;
  /**
   * Deletes a stored file once no row refers to it any more (call it after the commit that removed
   * the row). Returns `missing` for a file already gone. Never throws: a failure is reported to the
   * store's `onRemoveError` and returns `failed`, because the removal it follows has already happened.
   */
  remove: (storageKey: string) => 'removed' | 'missing' | 'failed';
}

export interface FileStoreOptions {
  /** Told about a file that could not be deleted (default: a process warning on stderr). */
  onRemoveError?: (storageKey: string, error: unknown) => void;
}

const storageKeyPattern = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

function warnRemoveFailed(storageKey: string, error: unknown): void {
  process.emitWarning(`Could not delete the stored file ${storageKey}: ${(error as Error).message}`, {
    code: 'INNSPILL_FILE_REMOVE_FAILED',
  });
}

/**
 * A folder-backed store. Files are written to a temporary name, fsynced and renamed, so a stored
 * key always points at a complete file (a crash leaves at most an unreferenced temp file).
 */
export function createFileStore(folder: string, options: FileStoreOptions = {}): FileStore {
  const onRemoveError = options.onRemoveError ?? warnRemoveFailed;
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
      if (!storageKeyPattern.test(storageKey)) throw new Error('invalid storage key');
      return readFileSync(join(folder, storageKey));
    },
    remove: (storageKey) => {
      try {
        if (!storageKeyPattern.test(storageKey)) throw new Error('invalid storage key');
        rmSync(join(folder, storageKey));
        return 'removed';
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
        onRemoveError(storageKey, error);
        return 'failed';
      }
    },
  };
}
