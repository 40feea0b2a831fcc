import { parseArgs } from 'node:util';
import { loadConfig } from '@innspill/config';
import { startServer } from '@innspill/server';
import type { CliIo } from '../cli-context.ts';

export const startHelp = `innspill start [--port N] [--data FOLDER]

Starts the web server. Without DATABASE_URL it uses an embedded PostgreSQL (PGlite) in the data
folder (default ./data, or INNSPILL_DATA). On an empty database it loads the example workspace and
prints a one-time link for creating the first administrator.

Environment: PORT, HOST, INNSPILL_DATA, DATABASE_URL, INNSPILL_PUBLIC_URL, INNSPILL_LOG_LEVEL,
INNSPILL_LOAD_DEMO=false, INNSPILL_SKIP_MIGRATIONS=true, INNSPILL_BEHIND_PROXY=true`;

export async function runStartCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { port: { type: 'string' }, data: { type: 'string' } },
    strict: true,
  });
  const config = loadConfig(io.env, { port: values.port, dataFolder: values.data });
  const server = await startServer(config, { log: io.out });
  await new Promise<void>((resolve) => {
    const shutdown = () => {
      io.out('Stopping…');
      server.stop().then(resolve, (error: unknown) => {
        io.err(`Error while stopping: ${(error as Error).message}`);
        resolve();
      });
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  return 0;
}
