import { rmSync } from 'node:fs';
import { join } from 'node:path';

const storageKeyPattern = /^[0-9a-f]{2}\/[0-9a-f-]{36}$/;

/**
 * Removes uploaded files by storage key from `<data folder>/files/`. Called after the transaction
 * that removed their rows has committed: a crash in between leaves an unreferenced file, never a
 * row without its file. Returns how many files were removed.
 */
export function removeStoredFiles(filesFolder: string, storageKeys: string[]): number {
  let removed = 0;
  for (const key of new Set(storageKeys)) {
    if (!storageKeyPattern.test(key)) continue;
    try {
      rmSync(join(filesFolder, key));
      removed += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}
