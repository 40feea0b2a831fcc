import { Worker } from 'node:worker_threads';
import { TextExtractionError } from './extraction-failure.ts';

export interface PdfLimits {
  /** Wall-clock limit for one PDF; the worker is terminated after it. */
  timeoutMs: number;
  /** Heap limit for the worker thread. */
  maxHeapMb: number;
}

export const defaultPdfLimits: PdfLimits = { timeoutMs: 30_000, maxHeapMb: 512 };

type WorkerAnswer = { ok: true; pages: string[] } | { ok: false; reason: 'encrypted' | 'damaged' };

/**
 * Extracts a PDF's text in a separate worker thread with a time and memory limit, so a hostile or
 * pathological PDF (a parser bomb, an endless loop) cannot stall or crash the server: the worker
 * is terminated and the attachment is marked as failed, with its file kept.
 */
export async function extractPdfTextIsolated(
  bytes: Uint8Array,
  limits: PdfLimits = defaultPdfLimits,
): Promise<string> {
  const worker = new Worker(new URL('./pdf-text-worker.mjs', import.meta.url), {
    workerData: bytes,
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new TextExtractionError(
              'timed_out',
              `Reading the PDF took longer than ${Math.round(limits.timeoutMs / 1000)} s; its text was not extracted.`,
            ),
          ),
        limits.timeoutMs,
      );
      worker.once('message', (message: WorkerAnswer) => resolve(message));
      worker.once('error', () => resolve({ ok: false, reason: 'damaged' }));
      worker.once('exit', (code) => {
        if (code !== 0) resolve({ ok: false, reason: 'damaged' });
      });
    });
    if (answer.ok) return answer.pages.join('\n\n');
    throw answer.reason === 'encrypted'
      ? new TextExtractionError(
          'encrypted',
          'The PDF is encrypted (password-protected); its text cannot be read.',
        )
      : new TextExtractionError('damaged', 'The PDF is damaged or not a valid PDF.');
  } finally {
    if (timer) clearTimeout(timer);
    await worker.terminate();
  }
}
