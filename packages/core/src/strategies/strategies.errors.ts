import { ConflictError, DomainError } from '../shared/domain-error.ts';

export class CanvasLockedError extends ConflictError {
  constructor() {
    super('canvas_locked', 'The canvas is approved. Reopen it as a draft before changing it.');
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(from: string, to: string) {
    super('invalid', 'invalid_transition', `A canvas cannot go from "${from}" to "${to}".`);
  }
}

export class InvalidSectionError extends DomainError {
  constructor(section: string) {
    super('invalid', 'invalid_section', `"${section}" is not a section of this kind of statement.`, {
      fields: { section: 'Invalid.' },
    });
  }
}

export class HeadlineExistsError extends ConflictError {
  constructor() {
    super('headline_exists', 'This column already has a headline; edit it instead.');
  }
}

/**
 * The text was changed by someone else after the editor opened it (the version the edit was based
 * on is no longer the current one). Refusing is what keeps the other person's change: the last
 * save must not silently win. Code `conflict` (409), which the web app already explains.
 */
export class StaleEditError extends ConflictError {
  constructor(what: string) {
    super('conflict', `${what} was changed by someone else after you opened it. Reload and try again.`);
  }
}
