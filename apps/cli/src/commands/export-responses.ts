import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { responses, systemActor } from '@innspill/core';
import { UsageError, withDatabase, type CliIo } from '../cli-context.ts';

export const exportResponsesHelp = `innspill export responses --process SLUG --round N --format csv|jsonl [--output FILE] [--data FOLDER]

Writes every submission of round N with its actor, answers, attachments' extracted text and
(in JSONL) segments, to FILE or standard output. Contains submitter personal data: handle with care.`;

export async function runExportResponsesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      process: { type: 'string' },
      round: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      output: { type: 'string' },
      data: { type: 'string' },
    },
  });
  if (!values.process) throw new UsageError(`--process is required.\n\n${exportResponsesHelp}`);
  const roundNumber = Number(values.round);
  if (!Number.isInteger(roundNumber) || roundNumber < 1) {
    throw new UsageError(`--round must be a round number (1, 2, …).\n\n${exportResponsesHelp}`);
  }
  if (values.format !== 'csv' && values.format !== 'jsonl') {
    throw new UsageError(`--format must be csv or jsonl.\n\n${exportResponsesHelp}`);
  }
  const format = values.format;
  const body = await withDatabase(io, values.data, ({ db }) =>
    responses.exportResponses(
      db,
      systemActor('cli export responses'),
      { slug: values.process!, roundNumber },
      format,
    ),
  );
  if (values.output) {
    writeFileSync(values.output, body);
    io.err(`Wrote ${values.output}.`);
  } else {
    io.out(body.replace(/\n$/, ''));
  }
  return 0;
}
