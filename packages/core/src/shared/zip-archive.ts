import yauzl from 'yauzl';
import { UnsafeArchiveError } from './file-format.errors.ts';

export interface ZipLimits {
  /** Cap on the total decompressed size of all entries (zip-bomb guard). */
  maxUncompressedBytes: number;
  maxEntries: number;
}

export const defaultZipLimits: ZipLimits = { maxUncompressedBytes: 200 * 1024 * 1024, maxEntries: 10_000 };

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

/**
 * Inflates every entry of a zip in memory, counting the real (not the declared) decompressed
 * bytes and stopping at the cap, so a zip bomb fails fast instead of exhausting memory. Returns
 * entry name → content; directories are skipped.
 */
export async function readZipArchive(
  fileName: string,
  bytes: Uint8Array,
  limits: ZipLimits = defaultZipLimits,
): Promise<Map<string, Buffer>> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    let total = 0;
    let count = 0;
    const entries = new Map<string, Buffer>();
    const fail = (reason: string) => reject(new UnsafeArchiveError(fileName, reason));
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) return fail('it is not a valid zip container.');
      zip.on('error', () => fail('it is not a valid zip container.'));
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        count += 1;
        if (count > limits.maxEntries) {
          zip.close();
          return fail(`it has more than ${limits.maxEntries} entries.`);
        }
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        if (total + entry.uncompressedSize > limits.maxUncompressedBytes) {
          zip.close();
          return fail('it decompresses to more than the allowed size.');
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail('an entry cannot be read.');
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > limits.maxUncompressedBytes) {
              stream.destroy();
              zip.close();
              fail('it decompresses to more than the allowed size.');
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', () => fail('an entry is damaged.'));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
