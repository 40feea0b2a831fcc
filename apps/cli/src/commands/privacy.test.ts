import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type OpenedDatabase } from '@innspill/core';
import {
  buildProcess,
  buildRound,
  buildSubmission,
  createTestDatabase,
  type TestDatabase,
} from '@innspill/core/testing';
import { runCli } from '../main.ts';
import type { CliIo } from '../cli-context.ts';

let dataFolder: string;
let postgres: TestDatabase | undefined;
let slug: string;

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const env: Record<string, string | undefined> = { INNSPILL_DATA: dataFolder };
  if (postgres?.url) env.DATABASE_URL = postgres.url;
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), env };
}

async function open(): Promise<OpenedDatabase> {
  return openDatabase(
    postgres?.url ? { databaseUrl: postgres.url } : { pgliteDirectory: join(dataFolder, 'db') },
  );
}

beforeAll(async () => {
  dataFolder = mkdtempSync(join(tmpdir(), 'innspill-cli-privacy-'));
  if (process.env.INNSPILL_TEST_DB === 'postgres') postgres = await createTestDatabase();
  const opened = await open();
  try {
    await migrateDatabase(opened);
    const strategyProcess = await buildProcess(opened.db);
    slug = strategyProcess.slug;
    const { round, questions } = await buildRound(opened.db, { processId: strategyProcess.id, number: 1 });
    for (const consent of [true, false]) {
      await buildSubmission(opened.db, round.id, {
        submitterName: 'Liv Lovlig',
        submitterEmail: 'liv@example.test',
        publicationConsent: consent,
        answers: { [questions[0]!.id]: `Svar (samtykke: ${consent}).` },
      });
    }
  } finally {
    await opened.close();
  }
});
afterAll(async () => {
  await postgres?.close();
  rmSync(dataFolder, { recursive: true, force: true });
});

describe('innspill privacy', () => {
  it('finds, exports and deletes one respondent’s data, and anonymises expired submitters', async () => {
    const found = captureIo();
    expect(await runCli(['privacy', 'find', '--process', slug, '--email', 'LIV@example.test'], found)).toBe(
      0,
    );
    expect(found.stdout.join('\n')).toMatch(
      /liv@example\.test in .+:\n {2}submission .+consented to publication.+\n {2}submission .+no publication consent/,
    );

    const exportFile = join(dataFolder, 'liv.json');
    const exported = captureIo();
    expect(
      await runCli(
        ['privacy', 'export', '--process', slug, '--email', 'liv@example.test', '--out', exportFile],
        exported,
      ),
    ).toBe(0);
    const document = JSON.parse(readFileSync(exportFile, 'utf8')) as {
      format: string;
      submissions: unknown[];
    };
    expect(document).toMatchObject({ format: 'innspill.respondent-data/v1' });
    expect(document.submissions).toHaveLength(2);
    expect(statSync(exportFile).mode & 0o777).toBe(0o600);

    const unconfirmed = captureIo();
    await expect(
      runCli(['privacy', 'delete', '--process', slug, '--email', 'liv@example.test'], unconfirmed),
    ).resolves.toBe(2);
    expect(unconfirmed.stderr.join('\n')).toContain('--yes');

    const deleted = captureIo();
    expect(
      await runCli(['privacy', 'delete', '--process', slug, '--email', 'liv@example.test', '--yes'], deleted),
    ).toBe(0);
    expect(deleted.stdout.join('\n')).toContain('Deleted 1 submissions, anonymised 1');

    const after = captureIo();
    expect(await runCli(['privacy', 'find', '--process', slug, '--email', 'liv@example.test'], after)).toBe(
      0,
    );
    expect(after.stdout).toEqual([`Nothing found for liv@example.test in ${slug}.`]);

    const sweep = captureIo();
    expect(await runCli(['privacy', 'anonymise-expired'], sweep)).toBe(0);
    expect(sweep.stdout).toEqual(['Anonymised the submitters of 0 submissions in 0 processes.']);

    const missing = captureIo();
    expect(await runCli(['privacy', 'find', '--process', slug], missing)).toBe(2);
  });
});
