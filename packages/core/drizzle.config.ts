import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/core/src/db/schema/index.ts',
  // DRIZZLE_OUT lets db:check generate into a scratch folder.
  out: process.env.DRIZZLE_OUT ?? './packages/core/src/db/migrations',
  migrations: { prefix: 'timestamp' },
});
