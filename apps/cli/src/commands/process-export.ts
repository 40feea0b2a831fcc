import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exchange, systemActor } from '@innspill/core';
import { UsageError, withDatabase, type CliIo } from '../cli-context.ts';

export const processExportHelp = `innspill export process SLUG [--format json] [--output FILE] [--data FOLDER]

Writes a whole strategy process as one JSON document (the shape of the example file, with ids,
statuses, translations, comments and revisions) to standard output, or to FILE. The document can
be read back with "innspill import process".`;

export async function runProcessExportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      format: { type: 'string', default: 'json' },
      output: { type: 'string' },
      data: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [slug, ...rest] = positionals;
  if (!slug || rest.length) {
    throw new UsageError(`Give exactly one process short name.\n\n${processExportHelp}`);
  }
  if (values.format !== 'json') throw new UsageError(`--format must be json (got "${values.format}").`);
  await withDatabase(io, values.data, async ({ db }) => {
    const document = await exchange.exportProcess(db, systemActor('cli'), slug);
    const text = `${JSON.stringify(document, null, 2)}\n`;
    if (values.output) {
      writeFileSync(values.output, text, 'utf8');
      io.err(`Exported "${slug}" to ${values.output}.`);
    } else {
      io.out(text.trimEnd());
    }
  });
  return 0;
}
