import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { responses, systemActor, systemClock } from '@innspill/core';
import { UsageError, withDatabase, type CliIo } from '../cli-context.ts';

export const importResponsesHelp = `innspill import responses --process SLUG --round N [--dry-run] [--mapping JSON] [--data FOLDER] FILES…

Imports responses that arrived outside the form into round N of the process:
  - CSV/XLSX with columns actor, organisation_number, submitter_name, submitter_email, q1, q2, …
    (answers to the round's questions by position; --mapping '{"Header":"q1"}' maps other headers)
  - PDF/DOCX/ODT/TXT letters, one file = one submission (folders and ZIP files are expanded);
    the actor is matched by organisation number or name, unmatched ones are listed.
With --dry-run nothing is written: every file is checked and every problem reported.
Otherwise each file is imported all-or-nothing. Exit code 1 when any file failed.`;

function collectFiles(paths: string[]): { fileName: string; bytes: Uint8Array }[] {
  const files: { fileName: string; bytes: Uint8Array }[] = [];
  const visit = (path: string, shownAs: string) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) throw new UsageError(`No such file or folder: ${path}`);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!entry.startsWith('.')) visit(join(path, entry), `${shownAs}/${entry}`);
      }
    } else files.push({ fileName: shownAs, bytes: new Uint8Array(readFileSync(path)) });
  };
  for (const path of paths) visit(path, path.replace(/\/+$/, ''));
  return files;
}

export async function runImportResponsesCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      process: { type: 'string' },
      round: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      mapping: { type: 'string' },
      data: { type: 'string' },
    },
  });
  if (!values.process) throw new UsageError(`--process is required.\n\n${importResponsesHelp}`);
  const roundNumber = Number(values.round);
  if (!Number.isInteger(roundNumber) || roundNumber < 1) {
    throw new UsageError(`--round must be a round number (1, 2, …).\n\n${importResponsesHelp}`);
  }
  if (positionals.length === 0) {
    throw new UsageError(`Give at least one file or folder.\n\n${importResponsesHelp}`);
  }
  let mapping: Record<string, responses.ColumnTarget> | undefined;
  if (values.mapping) {
    try {
      mapping = JSON.parse(values.mapping) as Record<string, responses.ColumnTarget>;
    } catch {
      throw new UsageError('--mapping must be JSON, for example \'{"Svar 1":"q1","Organisasjon":"actor"}\'.');
    }
  }
  const files = collectFiles(positionals);
  const isDryRun = values['dry-run'] ?? false;
  return withDatabase(io, values.data, async ({ db }, config) => {
    const report = await responses.importResponses(
      {
        db,
        clock: systemClock,
        fileStore: responses.createFileStore(config.filesFolder),
        maxUploadBytes: config.maxUploadBytes,
      },
      systemActor('cli import responses'),
      { slug: values.process!, roundNumber },
      files,
      { isDryRun, columnMapping: mapping },
    );
    for (const file of report.files) {
      const verb = file.status === 'failed' ? 'FAILED' : isDryRun ? 'would import' : 'imported';
      io.out(
        `${file.fileName}: ${verb}${file.status === 'ok' ? ` ${file.submissionCount} submission(s)` : ''}`,
      );
      for (const problem of file.problems) {
        io.out(`  ${problem.line ? `row ${problem.line}: ` : ''}${problem.message}`);
      }
      for (const unmatched of file.unmatched) {
        io.out(
          `  ${unmatched.line ? `row ${unmatched.line}: ` : ''}no registered actor matches "${unmatched.name}" (match it by hand)`,
        );
      }
    }
    io.out(
      `${isDryRun ? 'Dry run: would create' : 'Created'} ${report.submissionCount} submission(s) in round ${roundNumber}; ${report.failedFileCount} file(s) failed.` +
        (isDryRun ? ' Nothing was written.' : ''),
    );
    if (!isDryRun && report.submissionCount > 0) {
      io.out('Attachment text is extracted in the background when the server runs.');
    }
    return report.failedFileCount > 0 ? 1 : 0;
  });
}
