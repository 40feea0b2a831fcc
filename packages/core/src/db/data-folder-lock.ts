import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
  accessSync,
  constants,
} from 'node:fs';
import { join } from 'node:path';
import { DataFolderLockedError } from './db.errors.ts';
import { InvalidConfigurationError } from '../shared/domain-error.ts';

const lockFileName = 'innspill.lock';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process. PGlite has no lock of its own, so two servers on one
 * folder would corrupt it; a lock file with the owner's PID prevents that. A lock left by a
 * process that no longer runs (after a crash or SIGKILL) is taken over.
 * @returns a function that releases the lock.
 */
export function lockDataFolder(folder: string): () => void {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new InvalidConfigurationError(
      `INNSPILL_DATA: the data folder ${folder} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
  const lockPath = join(folder, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) rmSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10);
      if (Number.isFinite(owner) && owner !== process.pid && isProcessAlive(owner)) {
        throw new DataFolderLockedError(
          `The data folder ${folder} is in use by another Innspill process (PID ${owner}). Stop it first, or choose another folder with --data or INNSPILL_DATA.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DataFolderLockedError(`Could not lock the data folder ${folder}.`);
}

/** The PID of the live process holding the data folder, or undefined when nobody does. */
export function findDataFolderOwner(folder: string): number | undefined {
  try {
    const owner = Number.parseInt(readFileSync(join(folder, lockFileName), 'utf8').trim(), 10);
    return Number.isFinite(owner) && owner !== process.pid && isProcessAlive(owner) ? owner : undefined;
  } catch {
    return undefined;
  }
}
