import { createFileStore, type FileStoreOptions } from '../responses/index.ts';

/**
 * Removes uploaded files by storage key from `<data folder>/files/`. Called after the transaction
 * that removed their rows has committed: a crash in between leaves an unreferenced file, never a
 * row without its file. A file that cannot be deleted is reported (a process warning by default)
 * rather than thrown, since the deletion it follows has already been committed. Returns how many
 * files were removed.
 */
export function removeStoredFiles(
  filesFolder: string,
  storageKeys: string[],
  options: FileStoreOptions = {},
): number {
  const store = createFileStore(filesFolder, options);
  let removed = 0;
  for (const key of new Set(storageKeys)) {
    if (store.remove(key) === 'removed') removed += 1;
  }
  return removed;
}
