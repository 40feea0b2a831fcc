import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  buildActor,
  buildCanvas,
  buildMember,
  buildProcess,
  buildRound,
  buildStatement,
  buildSubmission,
  buildUser,
  type TestDatabase,
} from '../testing/index.ts';
import { systemActor } from '../shared/actor.ts';
import { addUser } from '../accounts/index.ts';
import { getOrCreateCookieSecret } from '../instance/index.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';
import { findTablesInDependencyOrder, selectTableRowsAsJson } from './backup.repository.ts';

const operator = systemActor('test');
let source: TestDatabase;
let scratch: string;
let sourceFiles: string;

async function snapshot(db: TestDatabase['db']) {
  const tables = await findTablesInDependencyOrder(db);
  const result: Record<string, unknown[]> = {};
  for (const table of tables) result[table.name] = await selectTableRowsAsJson(db, table);
  return result;
}

beforeAll(async () => {
  source = await createTestDatabase();
  scratch = mkdtempSync(join(tmpdir(), 'innspill-backup-'));
  sourceFiles = join(scratch, 'source-files');
  mkdirSync(join(sourceFiles, 'ab'), { recursive: true });
  writeFileSync(
    join(sourceFiles, 'ab', '11111111-2222-3333-4444-555555555555'),
    Buffer.from('%PDF-1.4 æøå binary \u0000\u0001'),
  );
  writeFileSync(join(sourceFiles, 'ab', '.tmp-unfinished'), 'half-written upload, not part of the backup');
  // One process with a bit of everything (strategy text, a round with an answer, an actor, a
  // member), translations and non-ASCII text included: what a round trip must keep.
  const { id: processId } = await buildProcess(source.db, { title: 'Strategi for «digitalisering» – æøå' });
  const { canvas } = await buildCanvas(source.db, {
    processId,
    mainGoal: 'Hovedmål',
    translations: { en: { title: 'Theme' } },
  });
  await buildStatement(source.db, {
    canvasId: canvas.id,
    text: 'Utfordring ✓',
    translations: { en: { text: 'Challenge' } },
  });
  await buildStatement(source.db, { processId, text: 'Et overordnet mål' });
  const { round, questions } = await buildRound(source.db, { processId });
  await buildSubmission(source.db, round.id, {
    answers: { [questions[0]!.id]: 'Svar med æøå\nog en ny linje' },
  });
  await buildActor(source.db, processId);
  await buildMember(source.db, processId, 'secretariat');
  await buildUser(source.db, {
    email: 'ada@example.test',
    password: 'some password 1',
    isInstanceAdmin: true,
  });
  await addUser(source.db, operator, { email: 'bob@example.test', isInstanceAdmin: false });
  await getOrCreateCookieSecret(source.db);
});
afterAll(async () => {
  await source.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe(createBackup.name, () => {
  it('round-trips every table and every file into an empty instance', async () => {
    const backupPath = join(scratch, 'round-trip.innspill-backup');
    const summary = await createBackup(source.db, operator, {
      outPath: backupPath,
      filesFolder: sourceFiles,
      databaseKind: source.kind,
    });
    expect(summary.fileCount).toBe(1);
    expect(summary.rowCounts.strategy_processes).toBe(1);
    expect(existsSync(`${backupPath}.partial`)).toBe(false);

    const target = await createTestDatabase();
    try {
      const targetFiles = join(scratch, 'target-files');
      const restored = await restoreBackup(target.db, operator, { backupPath, filesFolder: targetFiles });
      expect(restored.rowCounts).toEqual(summary.rowCounts);
      expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
      expect(readFileSync(join(targetFiles, 'ab', '11111111-2222-3333-4444-555555555555'))).toEqual(
        readFileSync(join(sourceFiles, 'ab', '11111111-2222-3333-4444-555555555555')),
      );
      expect(existsSync(join(targetFiles, 'ab', '.tmp-unfinished'))).toBe(false);
      // Sequences continue after the restored rows: a new audit event gets a fresh id.
      await addUser(target.db, operator, { email: 'carol@example.test', isInstanceAdmin: false });
      const auditIds = (await snapshot(target.db)).audit_events!.map((row) => (row as { id: number }).id);
      expect(new Set(auditIds).size).toBe(auditIds.length);
    } finally {
      await target.close();
    }
  });

  it('refuses to restore into a database that has data, and changes nothing', async () => {
    const backupPath = join(scratch, 'non-empty.innspill-backup');
    await createBackup(source.db, operator, {
      outPath: backupPath,
      filesFolder: sourceFiles,
      databaseKind: source.kind,
    });
    const before = await snapshot(source.db);
    await expect(
      restoreBackup(source.db, operator, { backupPath, filesFolder: join(scratch, 'unused') }),
    ).rejects.toMatchObject({
      code: 'restore_target_not_empty',
    });
    expect(await snapshot(source.db)).toEqual(before);
  });

  it('rejects a cut-short or damaged backup without writing anything', async () => {
    const backupPath = join(scratch, 'cut.innspill-backup');
    await createBackup(source.db, operator, {
      outPath: backupPath,
      filesFolder: sourceFiles,
      databaseKind: source.kind,
    });
    const lines = gunzipSync(readFileSync(backupPath)).toString('utf8').trimEnd().split('\n');
    const cutPath = join(scratch, 'cut-short.innspill-backup');
    writeFileSync(cutPath, gzipSync(lines.slice(0, -1).join('\n') + '\n'));
    const damagedPath = join(scratch, 'damaged.innspill-backup');
    writeFileSync(
      damagedPath,
      gzipSync(
        lines
          .map((line) =>
            line.includes('"kind":"file"') ? line.replace(/"base64":"[^"]{4}/, '"base64":"AAAA') : line,
          )
          .join('\n'),
      ),
    );

    const target = await createTestDatabase();
    try {
      await expect(
        restoreBackup(target.db, operator, { backupPath: cutPath, filesFolder: join(scratch, 't1') }),
      ).rejects.toMatchObject({
        code: 'invalid_backup',
        message: expect.stringContaining('cut short'),
      });
      await expect(
        restoreBackup(target.db, operator, { backupPath: damagedPath, filesFolder: join(scratch, 't2') }),
      ).rejects.toMatchObject({
        code: 'invalid_backup',
        message: expect.stringContaining('checksum'),
      });
      const empty = await snapshot(target.db);
      expect(Object.entries(empty).filter(([, rows]) => rows.length > 0)).toEqual([]);
      expect(existsSync(join(scratch, 't1'))).toBe(false);
    } finally {
      await target.close();
    }
  });

  it('is refused to non-administrators', async () => {
    const { actor } = await buildUser(source.db);
    await expect(
      createBackup(source.db, actor, {
        outPath: join(scratch, 'x'),
        filesFolder: sourceFiles,
        databaseKind: source.kind,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
