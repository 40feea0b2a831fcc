import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@innspill/core/testing';
import { runCli } from '../main.ts';
import type { CliIo } from '../cli-context.ts';

const demoFile = new URL(
  '../../../../packages/core/src/demo/data/uh-digitalisering-2021.json',
  import.meta.url,
);
const demoEnglishFile = new URL(
  '../../../../packages/core/src/demo/data/uh-digitalisering-2021.en.json',
  import.meta.url,
);
const usePostgres = process.env.INNSPILL_TEST_DB === 'postgres';

/** One place to run CLI commands: a data folder on PGlite, or its own database on PostgreSQL. */
async function createWorkspace() {
  const folder = mkdtempSync(join(tmpdir(), 'innspill-cli-'));
  let database: TestDatabase | undefined;
  if (usePostgres) database = await createTestDatabase();
  const env = database?.url
    ? { DATABASE_URL: database.url, INNSPILL_DATA: folder }
    : { INNSPILL_DATA: folder };
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      env: { INNSPILL_LOG_LEVEL: 'silent', ...env },
    };
    const code = await runCli(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return {
    folder,
    run,
    close: async () => {
      await database?.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

describe('process list / export process / import process', () => {
  let source: Awaited<ReturnType<typeof createWorkspace>>;
  let target: Awaited<ReturnType<typeof createWorkspace>>;
  beforeAll(async () => {
    source = await createWorkspace();
    target = await createWorkspace();
    expect((await source.run(['demo', 'load'])).code).toBe(0);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('lists processes with the slug first', async () => {
    const result = await source.run(['process', 'list']);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      expect.stringMatching(/^uh-digitalisering-2021\tclosed\tNy digitaliseringsstrategi/),
    ]);
  });

  it('round-trips a whole process without loss', async () => {
    const file1 = join(source.folder, 'export-1.json');
    const file2 = join(target.folder, 'export-2.json');
    const exported = await source.run([
      'export',
      'process',
      'uh-digitalisering-2021',
      '--format',
      'json',
      '--output',
      file1,
    ]);
    expect(exported).toMatchObject({ code: 0 });
    const first = JSON.parse(readFileSync(file1, 'utf8')) as Record<string, unknown> & {
      strategicThemes: { challenges: unknown[]; breakdown: { individual: { opportunities: unknown[] } } }[];
    };
    // the demo file's shape and key names, extended with ids
    expect(first.strategicThemes).toHaveLength(6);
    expect(first.strategicThemes[1]?.challenges).toHaveLength(4);
    expect(first.strategicThemes[1]?.breakdown.individual.opportunities[0]).toMatchObject({
      id: expect.any(String),
      text: expect.any(String),
    });
    expect(first).toMatchObject({
      deckOutline: expect.any(Array),
      organisation: expect.any(Object),
      corrections: expect.any(Array),
    });

    const imported = await target.run(['import', 'process', file1]);
    expect(imported.err).toBe('');
    expect(imported).toMatchObject({ code: 0, out: expect.stringContaining('uh-digitalisering-2021') });
    expect((await target.run(['export', 'process', 'uh-digitalisering-2021', '--output', file2])).code).toBe(
      0,
    );
    const second = JSON.parse(readFileSync(file2, 'utf8')) as unknown;
    expect(second).toEqual(first);

    // stdout export is the same document
    const printed = await target.run(['export', 'process', 'uh-digitalisering-2021']);
    expect(JSON.parse(printed.out)).toEqual(first);
  });

  it('imports the demo file itself (with its English companion)', async () => {
    const result = await target.run([
      'import',
      'process',
      demoFile.pathname,
      '--slug',
      'uh-kopi',
      '--english',
      demoEnglishFile.pathname,
    ]);
    expect(result).toMatchObject({ code: 0, out: 'Imported "uh-kopi" with 6 strategic themes.' });
    const list = await target.run(['process', 'list']);
    expect(list.out.split('\n').map((line) => line.split('\t')[0])).toEqual(
      expect.arrayContaining(['uh-kopi', 'uh-digitalisering-2021']),
    );
  });

  it('rejects an invalid file with the path of the first error and writes nothing', async () => {
    const broken = JSON.parse(readFileSync(demoFile, 'utf8')) as {
      strategicThemes: { breakdown: { society: { headline: unknown } } }[];
    };
    broken.strategicThemes[2]!.breakdown.society.headline = 42;
    const file = join(target.folder, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const before = (await target.run(['process', 'list'])).out;
    const result = await target.run(['import', 'process', file, '--slug', 'broken']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('strategicThemes[2].breakdown.society.headline: expected string');
    expect((await target.run(['process', 'list'])).out).toBe(before);
  });

  it('refuses a taken short name and leaves the database as it was', async () => {
    const before = (await target.run(['process', 'list'])).out;
    const result = await target.run(['import', 'process', demoFile.pathname, '--slug', 'uh-kopi']);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/uh-kopi/);
    expect((await target.run(['process', 'list'])).out).toBe(before);
  });

  it('explains wrong usage', async () => {
    expect((await source.run(['export', 'process'])).code).toBe(2);
    expect((await source.run(['export', 'process', 'x', '--format', 'xml'])).code).toBe(2);
    expect((await source.run(['import', 'process', '/no/such/file.json'])).code).toBe(2);
  });
});
