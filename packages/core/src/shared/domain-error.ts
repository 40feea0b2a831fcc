/**
 * What an error means to whoever asked, in the terms of the HTTP status it becomes. Every domain
 * error chooses one where it is defined (there is no default), so the HTTP layer maps a kind to a
 * status in one exhaustive switch and a new error cannot silently become a 400.
 */
export type DomainErrorKind =
  /** The request broke a rule of its own content (400). */
  | 'invalid'
  /** Nobody is signed in, or the credentials are wrong (401). */
  | 'unauthenticated'
  /** Signed in, but not allowed to do this (403). */
  | 'forbidden'
  /** The thing does not exist, or its existence is not revealed (404). */
  | 'not_found'
  /** The request is valid but clashes with the current state (409). */
  | 'conflict'
  /** Larger than a limit (413). */
  | 'too_large'
  /** A body or file of a type that is not accepted (415). */
  | 'unsupported_media_type'
  /** Well-formed, but its content cannot be processed (422). */
  | 'unprocessable'
  /** Too many requests in a short time (429). */
  | 'rate_limited'
  /** A dependency such as the database cannot be reached (503). */
  | 'unavailable';

/**
 * Base of every error the domain throws on purpose. `code` is stable (clients and tests match
 * it); `kind` says what it means, and the HTTP layer turns kinds into status codes.
 */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(kind: DomainErrorKind, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not_found', 'not_found', `${what} was not found.`);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have access to do this.') {
    super('forbidden', 'forbidden', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super('unauthenticated', 'unauthenticated', message);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, fields?: Record<string, string>) {
    super('invalid', 'validation_failed', message, fields ? { fields } : undefined);
  }
}

/** The request clashes with the current state (409); `code` says which clash. */
export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super('conflict', code, message, details);
  }
}

export class InvalidConfigurationError extends DomainError {
  constructor(message: string) {
    super('invalid', 'invalid_configuration', message);
  }
}
