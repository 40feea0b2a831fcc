import { DomainError } from '../shared/domain-error.ts';

export class DatabaseUnavailableError extends DomainError {
  constructor(message: string) {
    super('database_unavailable', message);
  }
}

export class DataFolderLockedError extends DomainError {
  constructor(message: string) {
    super('data_folder_locked', message);
  }
}
