import { defineConfig } from 'vitest/config';

/**
 * One Vitest run, several projects (conventions §14):
 * - text-analysis: pure unit tests of the analysis engine
 * - db-pglite: core use-cases, HTTP (inject) and CLI tests on in-memory PGlite
 * - db-postgres: the same files on a real PostgreSQL server (INNSPILL_TEST_DATABASE_URL)
 * - web: React component tests in jsdom
 * - e2e: the built server driven by Chromium (playwright-core, /usr/bin/chromium)
 *
 * In CI (CI=true) a missing PostgreSQL URL is an error, never a silent skip.
 */
const postgresUrl = process.env.INNSPILL_TEST_DATABASE_URL;
if (process.env.CI === 'true' && !postgresUrl) {
  throw new Error(
    'CI=true but INNSPILL_TEST_DATABASE_URL is not set: the PostgreSQL half of the suite cannot run.',
  );
}

const dbTestFiles = [
  'packages/core/src/**/*.test.ts',
  'apps/server/src/**/*.test.ts',
  'apps/cli/src/**/*.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'text-analysis',
          include: [
            'packages/text-analysis/**/*.test.ts',
            'packages/contracts/**/*.test.ts',
            'bench/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'db-pglite',
          include: dbTestFiles,
          environment: 'node',
          env: { INNSPILL_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['packages/core/src/testing/global-setup.ts'],
        },
      },
      ...(postgresUrl
        ? [
            {
              test: {
                name: 'db-postgres',
                include: dbTestFiles,
                environment: 'node' as const,
                env: { INNSPILL_TEST_DB: 'postgres', INNSPILL_TEST_DATABASE_URL: postgresUrl },
                testTimeout: 60_000,
                hookTimeout: 120_000,
                globalSetup: ['packages/core/src/testing/global-setup.ts'],
              },
            },
          ]
        : []),
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.tsx', 'apps/web/src/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['apps/web/src/test-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
