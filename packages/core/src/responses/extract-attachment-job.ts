import type { Database } from '../db/database.ts';
import { extractDocumentText } from './extract-document-text.ts';
import { describeExtractionFailure, TextExtractionError } from './extraction-failure.ts';
import { detectFileType, type DocumentType } from '../shared/file-types.ts';
import type { FileStore } from './file-store.ts';
import {
  findAttachmentById,
  findLiveAttachmentSegments,
  updateAttachmentRow,
} from './responses.repository.ts';
import { resegmentSources } from './resegment-sources.ts';
import { segmentText } from './segment-text.ts';

/**
 * The background job that extracts an attachment's text and segments it. A file that cannot be
 * read (encrypted, damaged, no text at all) is marked failed with a code for the secretariat's
 * pages and an English detail for the CLI; the file itself is never touched.
 */
export function extractAttachmentJobHandler(db: Database, fileStore: FileStore) {
  return {
    run: async (payload: Record<string, unknown>) => {
      const attachment = await findAttachmentById(db, String(payload.attachmentId));
      // Gone, or its file deleted at the respondent's request while the job waited: nothing to read.
      if (!attachment || attachment.extractionFailure === 'deleted_on_request') return;
      const bytes = fileStore.read(attachment.storageKey);
      let text: string;
      try {
        const type = await detectFileType(attachment.fileName, bytes);
        if (!type || type === 'xlsx' || type === 'zip') {
          throw new TextExtractionError(
            'unsupported_type',
            'The file type is not supported for text extraction.',
          );
        }
        text = await extractDocumentText(type as DocumentType, attachment.fileName, bytes);
        if (text.trim() === '') {
          // Typically a scanned letter (pictures of pages, no text layer): a person must read it.
          throw new TextExtractionError(
            'no_text',
            'The file contains no text that can be read (a scanned image?).',
          );
        }
      } catch (error) {
        const { failure, detail } = describeExtractionFailure(error);
        await updateAttachmentRow(db, attachment.id, {
          extractionStatus: 'failed',
          extractionFailure: failure,
          extractionError: detail,
        });
        return;
      }
      await db.transaction(async (tx) => {
        // A re-extraction keeps the id of every unchanged segment and retires the others.
        await resegmentSources(
          tx,
          attachment.submissionId,
          [{ answerId: null, attachmentId: attachment.id, texts: segmentText(text) }],
          await findLiveAttachmentSegments(tx, attachment.id),
          new Date(),
        );
        await updateAttachmentRow(tx, attachment.id, {
          extractionStatus: 'done',
          extractionFailure: null,
          extractionError: null,
          extractedText: text,
        });
      });
    },
  };
}
