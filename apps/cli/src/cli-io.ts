/**
 * The CLI's input/output and usage errors: no database or server code, so a command that needs
 * neither (`analyze`, `--help`) starts without loading them.
 * @module
 */

/** Output streams and environment of one CLI run; tests pass their own. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: Record<string, string | undefined>;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // eslint-disable-next-line no-restricted-syntax -- the CLI's entry point hands the environment to loadConfig
  env: process.env,
};

/** Thrown for wrong usage: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {}
