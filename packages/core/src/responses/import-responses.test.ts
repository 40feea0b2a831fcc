import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildProcess,
  buildRound,
  createTestDatabase,
  type TestDatabase,
} from '../testing/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { createFileStore } from './file-store.ts';
import { importResponses } from './import-responses.ts';

let database: TestDatabase;
const folder = mkdtempSync(join(tmpdir(), 'innspill-import-'));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

async function dryRun(
  files: { fileName: string; text: string }[],
  mapping: Pick<Parameters<typeof importResponses>[4], 'columnMapping' | 'columnMappingByFile'> = {},
) {
  const strategyProcess = await buildProcess(database.db);
  const { round } = await buildRound(database.db, { processId: strategyProcess.id });
  const secretariat = await buildMember(database.db, strategyProcess.id, 'secretariat');
  return importResponses(
    {
      db: database.db,
      clock: fixedClock(new Date('2026-11-28T12:00:00Z')),
      fileStore: createFileStore(join(folder, 'files')),
      maxUploadBytes: 1024 * 1024,
    },
    secretariat.actor,
    { slug: strategyProcess.slug, roundNumber: round.number },
    files.map((file) => ({ fileName: file.fileName, bytes: new TextEncoder().encode(file.text) })),
    { isDryRun: true, ...mapping },
  );
}

describe(importResponses.name, () => {
  it('reports every problem of a dry run with a stable code and its values, and in English', async () => {
    const report = await dryRun([
      {
        fileName: 'svar.csv',
        text: [
          'actor,organisation_number,submitter_email,q1,q2',
          'Høgskolen i Testby,123456789,ikke-epost,,Annet',
          'Universitetet i Testby,974760673,kari@example.test,Mer samarbeid.,',
        ].join('\n'),
      },
      { fileName: 'for-mange.csv', text: 'actor,q1,q5\nHøgskolen,Svar,Svar\n' },
      { fileName: 'uten-aktor.csv', text: 'q1\nSvar\n' },
      { fileName: 'bilde.png', text: '\u0089PNG\r\n\u001a\n' },
    ]);
    const problemsOf = (fileName: string) =>
      report.files
        .find((file) => file.fileName === fileName)!
        .problems.map(({ line, code, params }) => ({ line, code, params }));
    expect(problemsOf('svar.csv')).toEqual([
      { line: 2, code: 'invalid_organisation_number', params: { value: '123456789' } },
      { line: 2, code: 'invalid_email', params: { value: 'ikke-epost' } },
      { line: 2, code: 'required_answer_missing', params: { question: 1 } },
    ]);
    expect(problemsOf('for-mange.csv')).toEqual([
      { line: undefined, code: 'too_few_questions', params: { column: 'q5', count: 2 } },
    ]);
    expect(problemsOf('uten-aktor.csv')).toEqual([
      { line: undefined, code: 'missing_actor_column', params: undefined },
    ]);
    expect(problemsOf('bilde.png')).toEqual([
      { line: undefined, code: 'unsupported_file_type', params: undefined },
    ]);
    const csvReport = report.files.find((file) => file.fileName === 'svar.csv')!;
    expect(csvReport.problems.map((problem) => problem.message)).toEqual([
      '"123456789" is not a valid organisation number.',
      '"ikke-epost" is not a valid email address.',
      'q1 is required but empty.',
    ]);
  });

  it('maps each table on its own, so files with different layouts import together', async () => {
    const files = [
      { fileName: 'skjema-a.csv', text: 'Org;Svar\nHøgskolen i Testby;Mer samarbeid.\n' },
      {
        fileName: 'skjema-b.csv',
        text: 'Organisasjon;Svar;Annet\nUniversitetet i Testby;Ja;Bedre verktøy.\n',
      },
    ];
    const report = await dryRun(files, {
      columnMapping: { Svar: 'q1' },
      columnMappingByFile: {
        'skjema-a.csv': { Org: 'actor' },
        'skjema-b.csv': { Organisasjon: 'actor', Svar: 'q2', Annet: 'q1' },
      },
    });
    expect(report.files.map((file) => [file.fileName, file.status, file.columns])).toEqual([
      [
        'skjema-a.csv',
        'ok',
        [
          { header: 'Org', target: 'actor' },
          { header: 'Svar', target: 'q1' },
        ],
      ],
      [
        'skjema-b.csv',
        'ok',
        [
          { header: 'Organisasjon', target: 'actor' },
          { header: 'Svar', target: 'q2' },
          { header: 'Annet', target: 'q1' },
        ],
      ],
    ]);
    expect(report.submissionCount).toBe(2);
  });
});
