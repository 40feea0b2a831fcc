import { parseArgs } from 'node:util';
import { processes, systemActor } from '@innspill/core';
import { withDatabase, type CliIo } from '../cli-context.ts';

export const processListHelp = `innspill process list [--data FOLDER]

Prints one strategy process per line: its short name (slug) first, then status and title,
separated by tabs.`;

export async function runProcessListCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: true });
  await withDatabase(io, values.data, async ({ db }) => {
    const rows = await processes.listProcesses(db, systemActor('cli'));
    for (const row of rows) io.out(`${row.slug}\t${row.status}\t${row.title}`);
  });
  return 0;
}
