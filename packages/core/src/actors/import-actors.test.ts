import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildProcess, createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { importActors } from './import-actors.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe(importActors.name, () => {
  it('reports each row’s problems with stable codes and values as well as in English', async () => {
    const strategyProcess = await buildProcess(database.db);
    const secretariat = await buildMember(database.db, strategyProcess.id, 'secretariat');
    const csv = [
      'navn;type;orgnr;e-post',
      'Universitetet i Testby;universitet;974760673;post@uit.example',
      ';romvesen;123456789;ikke-en-adresse',
    ].join('\n');
    const report = await importActors(
      database.db,
      secretariat.actor,
      strategyProcess.slug,
      { fileName: 'aktorer.csv', bytes: new TextEncoder().encode(csv) },
      true,
    );
    expect(report.errorCount).toBe(1);
    const [good, bad] = report.rows;
    expect(good).toMatchObject({ line: 2, issues: [], problems: {} });
    expect(bad?.issues).toEqual([
      { field: 'name', code: 'required' },
      { field: 'organisationNumber', code: 'invalid_organisation_number', value: '123456789' },
      { field: 'contactEmails', code: 'invalid_email', value: 'ikke-en-adresse' },
      { field: 'type', code: 'unknown_actor_type', value: 'romvesen' },
    ]);
    expect(bad?.problems).toEqual({
      name: 'Required.',
      organisationNumber:
        'Not a valid Norwegian organisation number (nine digits with a mod-11 check digit).',
      contactEmails: 'Not a valid email address: ikke-en-adresse',
      type: 'Unknown actor type "romvesen".',
    });
  });
});
