import { parseArgs } from 'node:util';
import { withDatabase, type CliIo } from '../cli-context.ts';

export const migrateHelp = `innspill migrate [--data FOLDER]

Applies the database migrations (also done at every start) and exits.`;

export async function runMigrateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: true });
  await withDatabase(io, values.data, async (opened) => {
    io.out(`Migrations applied (${opened.kind}).`);
  });
  return 0;
}
