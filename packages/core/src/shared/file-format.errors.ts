import { DomainError } from './domain-error.ts';

export class UnsupportedFileTypeError extends DomainError {
  constructor(fileName: string, accepted = 'PDF, DOCX, ODT or TXT') {
    super(
      'unsupported_media_type',
      'unsupported_file_type',
      `"${fileName}" is not a ${accepted} file (the type is checked by content, not by name).`,
    );
  }
}

/** A zip container (DOCX, XLSX, ODT, ZIP) that is broken or decompresses beyond the cap (a zip bomb). */
export class UnsafeArchiveError extends DomainError {
  constructor(fileName: string, reason: string) {
    super('unprocessable', 'unsafe_archive', `"${fileName}" cannot be opened safely: ${reason}`);
  }
}

export class ImportFailedError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('unprocessable', 'import_failed', message, details);
  }
}
