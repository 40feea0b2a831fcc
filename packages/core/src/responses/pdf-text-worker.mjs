// Runs in a worker thread: parses one PDF with unpdf and posts back its text per page, or the
// error. Plain JavaScript so the worker needs no TypeScript loader. A hostile PDF can only hang or
// exhaust this thread, which the caller terminates after its time limit.
import { parentPort, workerData } from 'node:worker_threads';
import { extractText, getDocumentProxy } from 'unpdf';

async function run() {
  let document;
  try {
    document = await getDocumentProxy(new Uint8Array(workerData));
  } catch (error) {
    const isEncrypted = error?.name === 'PasswordException' || /password/i.test(error?.message ?? '');
    return { ok: false, reason: isEncrypted ? 'encrypted' : 'damaged' };
  }
  try {
    const { text } = await extractText(document, { mergePages: false });
    return { ok: true, pages: Array.isArray(text) ? text : [text] };
  } catch {
    return { ok: false, reason: 'damaged' };
  } finally {
    await document.cleanup();
  }
}

parentPort.postMessage(await run());
