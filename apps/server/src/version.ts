import { readFileSync } from 'node:fs';

/** The version of the root package (what `GET /api/health` reports). */
export const appVersion: string = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
