import { parseArgs } from 'node:util';
import { demo, systemActor } from '@innspill/core';
import { withDatabase, type CliIo } from '../cli-context.ts';

export const demoLoadHelp = `innspill demo load [--data FOLDER]

Loads the example workspace (the UH digitalisation strategy 2021). Running it again changes nothing.`;

export async function runDemoLoadCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: true });
  await withDatabase(io, values.data, async ({ db }) => {
    const result = await demo.loadDemoWorkspace(db, systemActor('cli'));
    io.out(
      result.created
        ? `Loaded the example workspace as "${result.slug}".`
        : `The example workspace "${result.slug}" is already loaded; nothing changed.`,
    );
  });
  return 0;
}
