import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, buildRound, type TestDatabase } from '../testing/index.ts';
import { fixedClock, type Clock } from '../shared/clock.ts';
import type { Database } from '../db/database.ts';
import { auditEvents } from '../db/schema/index.ts';
import { addAttachment, createFileStore, startResponse, type FileStore } from './index.ts';
import { removeAttachment } from './remove-attachment.ts';
import { findAttachmentsOfSubmission } from './responses.repository.ts';

let database: TestDatabase;
const folder = mkdtempSync(join(tmpdir(), 'innspill-remove-attachment-'));
const filesFolder = join(folder, 'files');
const removeErrors: { storageKey: string; error: unknown }[] = [];
const fileStore = createFileStore(filesFolder, {
  onRemoveError: (storageKey, error) => removeErrors.push({ storageKey, error }),
});
const clock = fixedClock(new Date('2026-11-28T12:00:00Z'));
const deps = (overrides: { db?: Database; clock?: Clock; fileStore?: FileStore } = {}) => ({
  db: overrides.db ?? database.db,
  clock: overrides.clock ?? clock,
  publicUrl: 'http://innspill.test',
  fileStore: overrides.fileStore ?? fileStore,
  maxUploadBytes: 1024 * 1024,
});

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

/** A draft response with one TXT attachment, through the public flow. */
async function draftWithAttachment(deadline = new Date('2026-12-10T22:59:00Z')) {
  const { round } = await buildRound(database.db, { deadline, latePolicy: 'refuse' });
  const started = await startResponse(deps(), round.id, {});
  const attachment = await addAttachment(deps(), started.token!, {
    fileName: 'innspill.txt',
    bytes: new TextEncoder().encode('Vi ønsker mer samarbeid om digitale læringsressurser.'),
  });
  return { round, token: started.token!, submissionId: started.submission.id, attachment };
}

/** The database, except that every transaction is rolled back after its work is done. */
function failingAtCommit(db: Database): Database {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'transaction') {
        return async (work: (tx: unknown) => Promise<unknown>) =>
          target.transaction(async (tx) => {
            await work(tx);
            throw new Error('commit failed');
          });
      }
      return Reflect.get(target, property, target) as unknown;
    },
  });
}

describe(removeAttachment.name, () => {
  it('removes the row, audits it, and deletes the stored file after the commit', async () => {
    const { token, submissionId, attachment, round } = await draftWithAttachment();
    const path = join(filesFolder, attachment.storageKey);
    expect(existsSync(path)).toBe(true);

    await removeAttachment(deps(), token, attachment.id);

    expect(await findAttachmentsOfSubmission(database.db, submissionId)).toEqual([]);
    expect(existsSync(path)).toBe(false);
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.processId, round.processId));
    expect(events.map((event) => event.action)).toContain('attachment.removed');
  });

  it('keeps the row and the file when the removing transaction fails', async () => {
    const { token, submissionId, attachment } = await draftWithAttachment();
    await expect(
      removeAttachment(deps({ db: failingAtCommit(database.db) }), token, attachment.id),
    ).rejects.toThrow('commit failed');
    expect(await findAttachmentsOfSubmission(database.db, submissionId)).toHaveLength(1);
    expect(existsSync(join(filesFolder, attachment.storageKey))).toBe(true);
  });

  it('keeps the file when the removal is refused (after the deadline)', async () => {
    const { token, submissionId, attachment } = await draftWithAttachment(new Date('2026-11-30T22:59:00Z'));
    const after = fixedClock(new Date('2026-12-01T00:00:00Z'));
    await expect(removeAttachment(deps({ clock: after }), token, attachment.id)).rejects.toMatchObject({
      code: 'round_closed',
    });
    expect(await findAttachmentsOfSubmission(database.db, submissionId)).toHaveLength(1);
    expect(existsSync(join(filesFolder, attachment.storageKey))).toBe(true);
  });

  it('reports a file that cannot be deleted instead of failing the committed removal', async () => {
    const { token, submissionId, attachment } = await draftWithAttachment();
    // A directory where the file was: rm refuses it (EISDIR), as it would a read-only disk.
    const path = join(filesFolder, attachment.storageKey);
    rmSync(path);
    mkdirSync(path);
    writeFileSync(join(path, 'keep'), 'x');
    removeErrors.length = 0;

    await expect(removeAttachment(deps(), token, attachment.id)).resolves.toBeUndefined();

    expect(await findAttachmentsOfSubmission(database.db, submissionId)).toEqual([]);
    expect(removeErrors.map((entry) => entry.storageKey)).toEqual([attachment.storageKey]);
    rmSync(path, { recursive: true });
  });
});
