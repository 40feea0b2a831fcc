import { DomainError } from '../shared/domain-error.ts';

export class InvalidBackupError extends DomainError {
  constructor(message: string) {
    super('invalid', 'invalid_backup', message);
  }
}

export class RestoreTargetNotEmptyError extends DomainError {
  constructor(message: string) {
    super('invalid', 'restore_target_not_empty', message);
  }
}
