import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { systemActor } from '../shared/actor.ts';
import { DomainError } from '../shared/domain-error.ts';
import { readDemoDocuments } from '../demo/index.ts';
import { findProcessBySlug } from '../processes/index.ts';
import { importProcess } from './import-process.ts';
import { parseProcessDocument } from './process-document.ts';
import { InvalidProcessDocumentError } from './exchange.errors.ts';

let fuzzCases = 0;
const runs = (numRuns: number) => {
  fuzzCases += numRuns;
  return { numRuns };
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a node of a JSON document (objects and arrays included). */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const own = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) {
    return [...own, ...value.flatMap((item, index) => pathsOf(item, [...prefix, index]))];
  }
  if (value && typeof value === 'object') {
    return [...own, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]))];
  }
  return own;
}

type Mutation = { kind: 'replace'; replacement: Json } | { kind: 'delete' } | { kind: 'duplicate' };

/** A copy of the document with one node replaced, deleted, or (in arrays) duplicated. */
function mutate(document: Json, path: (string | number)[], mutation: Mutation): Json {
  const copy = structuredClone(document);
  const parentPath = path.slice(0, -1);
  const key = path.at(-1)!;
  let parent: Json = copy;
  for (const part of parentPath) parent = (parent as Record<string | number, Json>)[part]!;
  const container = parent as Record<string | number, Json> & Json[];
  if (mutation.kind === 'replace') container[key] = mutation.replacement;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  } else if (Array.isArray(container)) {
    container.splice(Number(key), 0, structuredClone(container[Number(key)]!));
  }
  return copy;
}

const { original } = readDemoDocuments();
const demoDocument = original as unknown as Json;
const allPaths = pathsOf(demoDocument);

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'delete' }),
  fc.constant<Mutation>({ kind: 'duplicate' }),
  fc
    .jsonValue({ maxDepth: 2 })
    .map((replacement): Mutation => ({ kind: 'replace', replacement: replacement as Json })),
  fc
    .constantFrom<Json>(
      '',
      ' ',
      '9999-99-99',
      '2021-02-30',
      'x'.repeat(5000),
      -1,
      1e308,
      0.5,
      [],
      {},
      null,
      '<script>',
    )
    .map((replacement): Mutation => ({ kind: 'replace', replacement })),
);
const mutatedDocument = fc
  .array(fc.tuple(fc.nat({ max: allPaths.length - 1 }), mutationArbitrary), { minLength: 1, maxLength: 3 })
  .map((mutations) =>
    mutations.reduce<Json>((document, [index, mutation]) => {
      const paths = pathsOf(document);
      const path = paths[index % paths.length];
      return path ? mutate(document, path, mutation) : document;
    }, demoDocument),
  );

describe(`${parseProcessDocument.name} (fuzz)`, () => {
  it('parses the demo document as it is', () => {
    expect(parseProcessDocument(demoDocument).title).toBe(original.title);
  });

  it('answers any mutation of the demo document with a document or the typed validation error', () => {
    fc.assert(
      fc.property(mutatedDocument, (document) => {
        try {
          parseProcessDocument(document);
        } catch (error) {
          if (!(error instanceof InvalidProcessDocumentError)) throw error;
          expect(error.code).toBe('invalid_document');
        }
      }),
      runs(500),
    );
  });

  it('answers any JSON value with the typed validation error, never another exception', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        expect(() => parseProcessDocument(value)).toThrow(InvalidProcessDocumentError);
      }),
      runs(300),
    );
  });
});

describe(`${importProcess.name} (fuzz)`, () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => testDb.close());

  it('imports a mutated document completely or writes nothing, with a typed error', async () => {
    const system = systemActor('fuzz');
    let slugNumber = 0;
    const outcomes = { imported: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(mutatedDocument, async (document) => {
        slugNumber += 1;
        const slug = `fuzz-${slugNumber}`;
        try {
          await importProcess(testDb.db, system, document, { slug });
          outcomes.imported += 1;
          expect(await findProcessBySlug(testDb.db, slug)).toBeDefined();
        } catch (error) {
          outcomes.refused += 1;
          if (!(error instanceof DomainError)) {
            throw new Error(`untyped import failure: ${String(error)}`, { cause: error });
          }
          expect(await findProcessBySlug(testDb.db, slug)).toBeUndefined();
        }
      }),
      runs(15),
    );
    console.log(
      `process-document fuzz: ${fuzzCases} cases (database imports: ${outcomes.imported} imported, ${outcomes.refused} refused)`,
    );
  }, 300_000);
});
