import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { actors, openDatabase, systemActor } from '@innspill/core';
import { createTestDatabase, type TestDatabase } from '@innspill/core/testing';
import { runCli } from '../main.ts';
import type { CliIo } from '../cli-context.ts';

let dataFolder: string;
let inputFolder: string;
let postgres: TestDatabase | undefined;

beforeAll(async () => {
  dataFolder = mkdtempSync(join(tmpdir(), 'innspill-cli-responses-'));
  inputFolder = mkdtempSync(join(tmpdir(), 'innspill-cli-letters-'));
  if (process.env.INNSPILL_TEST_DB === 'postgres') postgres = await createTestDatabase();
});
afterAll(async () => {
  await postgres?.close();
  rmSync(dataFolder, { recursive: true, force: true });
  rmSync(inputFolder, { recursive: true, force: true });
});

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const env: Record<string, string | undefined> = { INNSPILL_DATA: dataFolder };
  if (postgres?.url) env.DATABASE_URL = postgres.url;
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), env };
}

describe('innspill import/export responses', () => {
  it('dry-runs, then imports a Windows-1252 CSV and a folder of letters, and exports JSONL', async () => {
    expect(await runCli(['demo', 'load'], captureIo())).toBe(0);
    const opened = await openDatabase(
      postgres?.url ? { databaseUrl: postgres.url } : { pgliteDirectory: join(dataFolder, 'db') },
    );
    try {
      await actors.saveActor(opened.db, systemActor('test'), 'uh-digitalisering-2021', {
        name: 'Universitetet i Bergen',
        type: 'universitet',
        organisationNumber: '874789542',
      });
    } finally {
      await opened.close();
    }
    const csv =
      'actor;organisation_number;submitter_name;submitter_email;q1;q2\r\nUniversitetet i Bergen;874789542;Åse Ødegård;ase@example.test;Vi ønsker økt samarbeid om digitale læringsarenaer.;Mer deling\r\n';
    const table = join(inputFolder, 'svar.csv');
    writeFileSync(table, Buffer.from(csv, 'latin1'));
    const letters = join(inputFolder, 'brev');
    mkdirSync(letters);
    writeFileSync(
      join(letters, 'studentorganisasjon.txt'),
      'Innspill fra studentene.\n\n- Bedre wifi\n- Digitale eksamener',
    );
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          { children: [new Paragraph('Uttalelse fra Universitetet i Bergen, org.nr. 874 789 542.')] },
        ],
      }),
    );
    writeFileSync(join(letters, 'uib.docx'), docx);
    writeFileSync(
      join(letters, 'bilde.png'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3]),
    );

    const dry = captureIo();
    expect(
      await runCli(
        [
          'import',
          'responses',
          '--process',
          'uh-digitalisering-2021',
          '--round',
          '1',
          '--dry-run',
          table,
          letters,
        ],
        dry,
      ),
    ).toBe(1);
    const dryText = dry.stdout.join('\n');
    expect(dryText).toContain('bilde.png: FAILED');
    expect(dryText).toContain('svar.csv: would import 1 submission(s)');
    expect(dryText).toContain('no registered actor matches "studentorganisasjon"');
    expect(dryText).toContain('Nothing was written');

    writeFileSync(join(letters, 'bilde.png'), 'Et vanlig tekstbrev likevel.');
    const real = captureIo();
    expect(
      await runCli(
        ['import', 'responses', '--process', 'uh-digitalisering-2021', '--round', '1', table, letters],
        real,
      ),
    ).toBe(0);
    expect(real.stdout.at(-2) ?? real.stdout.join('\n')).toMatch(/Created 4 submission/);

    const exported = captureIo();
    expect(
      await runCli(
        ['export', 'responses', '--process', 'uh-digitalisering-2021', '--round', '1', '--format', 'jsonl'],
        exported,
      ),
    ).toBe(0);
    const records = exported.stdout
      .join('\n')
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            actor: { name: string };
            submitter: { name: string };
            answers: { text: string }[];
          },
      );
    expect(records).toHaveLength(4);
    const fromTable = records.find((record) => record.submitter.name === 'Åse Ødegård');
    expect(fromTable?.actor.name).toBe('Universitetet i Bergen');
    expect(fromTable?.answers[0]?.text).toContain('økt samarbeid');
    expect(records.filter((record) => record.actor.name === 'Universitetet i Bergen')).toHaveLength(2);

    const csvOut = captureIo();
    expect(
      await runCli(
        ['export', 'responses', '--process', 'uh-digitalisering-2021', '--round', '1', '--format', 'csv'],
        csvOut,
      ),
    ).toBe(0);
    expect(csvOut.stdout.join('\n')).toContain('submission_id,status');
  });

  it('explains wrong usage with exit code 2', async () => {
    const io = captureIo();
    expect(await runCli(['import', 'responses', '--round', '1', 'x.csv'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('--process is required');
  });
});
