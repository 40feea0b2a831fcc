import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildRound, type TestDatabase } from '../testing/index.ts';
import { isUniqueViolation } from './db.errors.ts';
import type { Database } from './database.ts';
import { submissions } from './schema/index.ts';

const insertSubmission = (db: Database, values: typeof submissions.$inferInsert) =>
  db.insert(submissions).values(values).returning();

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe(isUniqueViolation.name, () => {
  it('recognises a real unique violation as the query builder throws it, and nothing else', async () => {
    const { round } = await buildRound(database.db);
    const values = { roundId: round.id, source: 'web' as const, idempotencyKey: 'same-key-123' };
    await insertSubmission(database.db, values);
    const error = await insertSubmission(database.db, values).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeDefined();
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error('something else'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
  });
});
