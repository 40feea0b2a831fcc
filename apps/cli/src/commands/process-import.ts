import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exchange, systemActor } from '@innspill/core';
import { UsageError, withDatabase, type CliIo } from '../cli-context.ts';

export const processImportHelp = `innspill import process FILE [--slug SLUG] [--english FILE] [--data FOLDER]

Creates a strategy process from a JSON document: an export ("innspill export process") or a file
in the shape of the example (uh-digitalisering-2021.json). --english reads a companion file of the
same shape whose texts become the English translation. An invalid file is rejected with the
path of its first problem, and nothing is written.`;

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function runProcessImportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { slug: { type: 'string' }, english: { type: 'string' }, data: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...rest] = positionals;
  if (!file || rest.length) throw new UsageError(`Give exactly one file.\n\n${processImportHelp}`);
  const document = readJson(file);
  const english = values.english ? readJson(values.english) : undefined;
  // Validate before opening (and migrating) the database: a bad file touches nothing.
  exchange.parseProcessDocument(document);
  if (english !== undefined) exchange.parseProcessDocument(english);
  await withDatabase(io, values.data, async ({ db }) => {
    const result = await exchange.importProcess(db, systemActor('cli'), document, {
      slug: values.slug,
      english,
    });
    io.out(
      `Imported "${result.slug}" with ${result.themeCount} strategic themes${result.idsKept ? '' : ' (with new ids)'}.`,
    );
  });
  return 0;
}
