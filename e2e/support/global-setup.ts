import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Builds the web app once before the browser tests when it is missing or stale (the same script
 * `npm start` runs), so that a test starting the server with `node bin/innspill.mjs start` never
 * finds an unbuilt app, whatever order the test files run in.
 */
export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/ensure-web-build.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`Building the web app for the browser tests failed (exit ${result.status}).`);
  }
}
