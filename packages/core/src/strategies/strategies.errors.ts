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

/** An exchange file that does not match the format; `path` is where the first problem is. */
export class InvalidProcessDocumentError extends DomainError {
  readonly path: string;
  constructor(path: string, problem: string) {
    super('invalid', 'invalid_document', `${path ? `${path}: ` : ''}${problem}`, { path });
    this.path = path;
  }
}

/** Another stakeholder body of the process already has this name (code `body_name_taken`). */
export class StakeholderBodyNameTakenError extends ConflictError {
  constructor() {
    super('body_name_taken', 'A body with this name exists already.', { fields: { name: 'Taken.' } });
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
