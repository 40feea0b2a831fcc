// Module boundaries (docs/decisions/module-boundaries.md), checked by `npm run lint` through
// scripts/module-boundaries/check.mjs. A "module" is a folder directly under packages/core/src.
// `shared/` and `db/` are the infrastructure layer: their files are imported one by one.
const core = '^packages/core/src/';
const publicEntries = [
  `${core}[^/]+/index\\.ts$`, // a module's index.ts
  `${core}shared/`, // the infrastructure kernel: small independent files
  `${core}db/[^/]+\\.ts$`, // database handle types, opening, migrating, errors
  `${core}db/schema/index\\.ts$`, // the schema (for repositories)
];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-deep-import',
      comment: 'Another core module is imported only through its index.ts (shared/ and db/ file by file).',
      severity: 'error',
      from: { path: `${core}([^/]+)/` },
      to: { path: `${core}[^/]+/`, pathNot: [`${core}$1/`, ...publicEntries] },
    },
    {
      name: 'no-deep-import',
      comment: 'The package index re-exports modules through their index.ts only.',
      severity: 'error',
      from: { path: `${core}index\\.ts$` },
      to: { path: `${core}[^/]+/`, pathNot: publicEntries },
    },
    {
      name: 'no-deep-import',
      comment:
        'Apps and tools use @innspill/core (packages/core/src/index.ts) and, in tests, its testing/index.ts.',
      severity: 'error',
      from: { pathNot: '^packages/core/' },
      to: { path: core, pathNot: [`${core}index\\.ts$`, `${core}testing/index\\.ts$`] },
    },
    {
      name: 'no-relative-cross-package',
      comment:
        'A workspace package (packages/*, apps/*) reaches another only by its name (@innspill/…), never by a relative path into its files.',
      severity: 'error',
      from: { path: '^((?:packages|apps)/[^/]+)/' },
      to: { dependencyTypes: ['local'], path: '^(?:packages|apps)/[^/]+/', pathNot: '^$1/' },
    },
    {
      name: 'drizzle-only-in-repositories',
      comment:
        'drizzle-orm is imported only in *.repository.ts files and db/ (schema, connection, migrations); tests and testing/ may use it to arrange and inspect the database.',
      severity: 'error',
      from: { pathNot: ['\\.repository\\.ts$', `${core}db/`, `${core}testing/`, '\\.test\\.tsx?$'] },
      to: { path: '(^|/)node_modules/drizzle-orm/|^drizzle-orm($|/)' },
    },
    {
      name: 'no-circular',
      comment: 'Files import each other in a circle (modules in a circle are reported as no-module-cycle).',
      severity: 'error',
      from: { path: '^(packages/core|apps)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: [`${core}db/migrations/`] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};
