// CI check: the committed migrations must match the Drizzle schema. Generates into a scratch copy
// of the migrations folder; any new file means the schema changed without `npm run db:generate`.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const migrations = new URL('../packages/core/src/db/migrations', import.meta.url).pathname;
const scratch = join(mkdtempSync(join(tmpdir(), 'innspill-drift-')), 'migrations');
cpSync(migrations, scratch, { recursive: true });
const before = readdirSync(scratch).length;
const result = spawnSync('npx', ['drizzle-kit', 'generate', '--config', 'packages/core/drizzle.config.ts'], {
  env: { ...process.env, DRIZZLE_OUT: scratch },
  encoding: 'utf8',
});
const after = readdirSync(scratch);
rmSync(scratch, { recursive: true, force: true });
if (result.status !== 0) {
  console.error(result.stdout, result.stderr);
  console.error('db:check: drizzle-kit generate failed.');
  process.exit(1);
}
if (after.length !== before) {
  console.error(
    'db:check: the schema has changes that no migration holds. Run `npm run db:generate` and commit the result.',
  );
  console.error(result.stdout);
  process.exit(1);
}
console.log('db:check: schema and migrations agree.');
