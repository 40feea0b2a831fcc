import { DomainError } from '../shared/domain-error.ts';

export class DatabaseUnavailableError extends DomainError {
  constructor(message: string) {
    super('unavailable', 'database_unavailable', message);
  }
}

export class DataFolderLockedError extends DomainError {
  constructor(message: string) {
    super('invalid', 'data_folder_locked', message);
  }
}

/**
 * Whether a database error is a unique-constraint violation (SQLSTATE 23505). Drizzle wraps the
 * driver's error in a `DrizzleQueryError` whose `cause` carries the code, so both are looked at.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
