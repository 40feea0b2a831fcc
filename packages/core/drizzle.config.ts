import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/core/src/db/schema/index.ts',
  // eslint-disable-next-line no-restricted-syntax -- tooling config: lets db:check generate into a scratch folder
  out: process.env.DRIZZLE_OUT ?? './packages/core/src/db/migrations',
  migrations: { prefix: 'timestamp' },
});
