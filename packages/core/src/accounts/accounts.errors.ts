import { ConflictError, DomainError } from '../shared/domain-error.ts';

/** Same error for unknown email and wrong password: never tell which one it was. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('unauthenticated', 'invalid_credentials', 'The email address or password is wrong.');
  }
}

export class InvalidSetupLinkError extends DomainError {
  constructor() {
    super(
      'invalid',
      'invalid_setup_link',
      'This link is not valid: it has been used, has expired or was never issued.',
    );
  }
}

export class EmailTakenError extends ConflictError {
  constructor(email: string) {
    super('email_taken', `A user with the email address ${email} already exists.`);
  }
}

export class WeakPasswordError extends DomainError {
  constructor(message: string) {
    super('invalid', 'weak_password', message, { fields: { password: message } });
  }
}
