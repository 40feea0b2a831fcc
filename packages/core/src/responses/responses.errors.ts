import { ConflictError, DomainError } from '../shared/domain-error.ts';

// File-format errors live with the readers in shared/ (actors import tables too).
export {
  ImportFailedError,
  UnsafeArchiveError,
  UnsupportedFileTypeError,
} from '../shared/file-format.errors.ts';

/** A file of 0 bytes: there is nothing to read, whatever its name says it is. */
export class EmptyFileError extends DomainError {
  constructor(fileName: string) {
    super('invalid', 'empty_file', `"${fileName}" is empty (0 bytes). Choose a file with content.`);
  }
}

export class FileTooLargeError extends DomainError {
  constructor(fileName: string, maxBytes: number) {
    super(
      'too_large',
      'payload_too_large',
      `"${fileName}" is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MB.`,
    );
  }
}

export class InvalidRespondentLinkError extends DomainError {
  constructor() {
    super(
      'not_found',
      'not_found',
      'This link is not valid. Check that you copied the whole link from the email.',
    );
  }
}

export class SubmissionWithdrawnError extends ConflictError {
  constructor() {
    super('submission_withdrawn', 'This response has been withdrawn. Start a new response to answer again.');
  }
}

export class RequiredAnswersMissingError extends DomainError {
  constructor(fields: Record<string, string>) {
    super('unprocessable', 'required_answers_missing', 'Answer every required question before you submit.', {
      fields,
    });
  }
}
