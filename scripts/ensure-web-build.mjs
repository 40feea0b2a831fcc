// Builds the web app when apps/web/dist is missing or older than its sources, so that
// `npm install && npm start` works on a fresh machine without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const webRoot = new URL('../apps/web/', import.meta.url).pathname;
const builtIndex = join(webRoot, 'dist', 'index.html');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const sources = [
  'src',
  'index.html',
  'vite.config.ts',
  '../../packages/contracts/src',
  '../../packages/vocabulary/src',
].map((p) => join(webRoot, p));
const isStale =
  !existsSync(builtIndex) ||
  sources.some((source) => existsSync(source) && newestMtime(source) > statSync(builtIndex).mtimeMs);
if (isStale) {
  console.log('Building the web app …');
  const result = spawnSync('npm', ['run', 'build', '--workspace', '@innspill/web', '--silent'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
