import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/core/src/db/schema/index.ts',
   
  out: process.env.DRIZZLE_OUT ?? './packages/core/src/db/migrations',
  migrations: { prefix: 'timestamp' },
});
