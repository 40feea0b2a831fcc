import type { FastifyRequest } from 'fastify';
import { DomainError } from '@innspill/core';

export interface ReceivedFile {
  fileName: string;
  bytes: Uint8Array;
}

class MultipartExpectedError extends DomainError {
  constructor() {
    super('unsupported_media_type', 'unsupported_media_type', 'Send the file as multipart/form-data.');
  }
}

/**
 * Reads every uploaded file of a multipart request into memory. Each file is capped by the
 * multipart plugin's `fileSize` limit (413 `payload_too_large` when exceeded).
 */
export async function readUploadedFiles(request: FastifyRequest, maxFiles: number): Promise<ReceivedFile[]> {
  if (!request.isMultipart()) throw new MultipartExpectedError();
  const files: ReceivedFile[] = [];
  for await (const part of request.files({ limits: { files: maxFiles } })) {
    const bytes = await part.toBuffer();
    files.push({ fileName: part.filename || 'file', bytes: new Uint8Array(bytes) });
  }
  return files;
}
