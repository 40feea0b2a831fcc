import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkModuleBoundaries } from './check.mjs';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe(checkModuleBoundaries.name, () => {
  it('passes a tree that imports modules through index.ts, shared/ and db/ file by file, drizzle in a repository', async () => {
    expect(await checkModuleBoundaries(fixture('clean'))).toEqual([]);
  });

  it('reports a deep import, drizzle outside a repository and a cycle between modules', async () => {
    const violations = await checkModuleBoundaries(fixture('violations'));
    expect(violations).toEqual(
      expect.arrayContaining([
        {
          rule: 'no-deep-import',
          from: 'packages/core/src/gamma/index.ts',
          to: 'packages/core/src/alpha/alpha-internals.ts',
        },
        expect.objectContaining({
          rule: 'drizzle-only-in-repositories',
          from: 'packages/core/src/delta/list-deltas.ts',
        }),
        expect.objectContaining({ rule: 'no-module-cycle', from: 'alpha ⇄ beta' }),
      ]),
    );
    expect(violations).toHaveLength(3);
  });

  it('reports a relative import from one workspace package into the files of another', async () => {
    expect(await checkModuleBoundaries(fixture('cross-package'))).toEqual([
      {
        rule: 'no-relative-cross-package',
        from: 'packages/core/src/epsilon/index.ts',
        to: 'packages/text-analysis/src/language/index.ts',
      },
    ]);
  });
});
