import type { Database, Queryable } from '../db/database.ts';
import { enqueueJob } from '../shared/enqueue-job.ts';
import { detectFileType, mediaTypes, type DocumentType } from '../shared/file-types.ts';
import type { FileStore } from './file-store.ts';
import { EmptyFileError, FileTooLargeError, UnsupportedFileTypeError } from './responses.errors.ts';
import { insertAttachment } from './responses.repository.ts';
import type { ZipLimits } from '../shared/zip-archive.ts';

export const extractAttachmentJobKind = 'attachment.extract';

export interface UploadedFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface StorageDeps {
  db: Database;
  fileStore: FileStore;
  /** Per-file limit (INNSPILL_MAX_UPLOAD_MB, default 25 MB). */
  maxUploadBytes: number;
  zipLimits?: ZipLimits;
}

const documentTypes: readonly string[] = ['pdf', 'docx', 'odt', 'txt'];

/** Checks size and type (by content) of an uploaded document; returns its type. */
export async function checkDocument(
  file: UploadedFile,
  deps: Pick<StorageDeps, 'maxUploadBytes' | 'zipLimits'>,
): Promise<DocumentType> {
  if (file.bytes.byteLength > deps.maxUploadBytes) {
    throw new FileTooLargeError(file.fileName, deps.maxUploadBytes);
  }
  if (file.bytes.byteLength === 0) throw new EmptyFileError(file.fileName);
  const type = await detectFileType(file.fileName, file.bytes, deps.zipLimits);
  if (!type || !documentTypes.includes(type)) throw new UnsupportedFileTypeError(file.fileName);
  return type as DocumentType;
}

/** A safe display name: no folders, no control characters, at most 200 characters. */
export function safeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? 'file';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || 'file').slice(0, 200);
}

/**
 * Stores a checked file and records it on a submission with a queued text-extraction job. The
 * file is written (and fsynced) before the row, so a committed attachment always has its file.
 */
export async function storeAttachment(
  tx: Queryable,
  deps: Pick<StorageDeps, 'fileStore'>,
  submissionId: string,
  file: UploadedFile,
  type: DocumentType,
) {
  const { storageKey, sha256 } = deps.fileStore.put(file.bytes);
  const attachment = await insertAttachment(tx, {
    submissionId,
    fileName: safeFileName(file.fileName),
    mediaType: mediaTypes[type],
    byteSize: file.bytes.byteLength,
    sha256,
    storageKey,
    extractionStatus: 'pending',
  });
  await enqueueJob(tx, extractAttachmentJobKind, { attachmentId: attachment.id }, { maxAttempts: 3 });
  return attachment;
}
