import { DomainError } from '../shared/domain-error.ts';

/** An exchange file that does not match the format; `path` is where the first problem is. */
export class InvalidProcessDocumentError extends DomainError {
  readonly path: string;
  constructor(path: string, problem: string) {
    super('invalid', 'invalid_document', `${path ? `${path}: ` : ''}${problem}`, { path });
    this.path = path;
  }
}
