#!/usr/bin/env node
// The `innspill` command. Runs the TypeScript sources through tsx in this same process
// (one PID, so signals reach the server directly).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../apps/cli/src/main.ts');
const exitCode = await runCli(process.argv.slice(2));
// Every command has finished its work here (`start` returns after a clean shutdown); do not wait
// for idle handles such as PGlite's.
process.exit(exitCode);
