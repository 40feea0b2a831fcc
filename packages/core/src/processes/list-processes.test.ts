import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildProcess, buildUser, type TestDatabase } from '../testing/index.ts';
import { anonymousActor } from '../shared/actor.ts';
import { UnauthenticatedError } from '../shared/domain-error.ts';
import { listProcesses } from './list-processes.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => testDb.close());

describe(listProcesses.name, () => {
  it('refuses anonymous callers (401) instead of answering with an empty list', async () => {
    await expect(listProcesses(testDb.db, anonymousActor)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('lists every process for administrators and only their own for other users', async () => {
    const created = await buildProcess(testDb.db);
    const { actor: admin } = await buildUser(testDb.db, { isInstanceAdmin: true });
    const { actor: stranger } = await buildUser(testDb.db);
    expect((await listProcesses(testDb.db, admin)).map((row) => row.slug)).toContain(created.slug);
    expect(await listProcesses(testDb.db, stranger)).toEqual([]);
  });
});
