import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { privacy, systemActor, systemClock } from '@innspill/core';
import { UsageError, withDatabase, type CliIo } from '../cli-context.ts';

const common = `--process SLUG --email EMAIL [--data FOLDER]`;
const note = `With PGlite the data folder must not be in use by a running server (use the secretariat's
privacy page, or stop the server); with DATABASE_URL it may run.`;

export const privacyFindHelp = `innspill privacy find ${common}

Lists what the process holds about one respondent, found by email address (any case): their
submissions with answers and attachments, invitation and registry contacts, and emails sent.
${note}`;

export const privacyExportHelp = `innspill privacy export ${common} [--out FILE]

Writes everything the process holds about one respondent as one JSON document (a subject-access
request), to FILE or standard output. The export is recorded in the audit log. ${note}`;

export const privacyDeleteHelp = `innspill privacy delete ${common} --yes

Deletes one respondent's personal data from the process, in one transaction. A sent submission
whose respondent consented to publication keeps its anonymised text (name and email cleared,
answers and attachments' extracted text kept, original files removed); everything else of theirs
is removed (submissions, answers, attachments and their files, segments), and the address is
removed from contacts. Audited without the address. --yes confirms. ${note}`;

export const privacyAnonymiseHelp = `innspill privacy anonymise-expired [--data FOLDER]

Clears submitter names and emails of processes whose retention period (days after the process's
input closed) has passed. The running server does this every hour as well. ${note}`;

function parseRespondentArgs(argv: string[], help: string) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      process: { type: 'string' },
      email: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      yes: { type: 'boolean' },
    },
  });
  if (!values.process) throw new UsageError(`--process is required.\n\n${help}`);
  if (!values.email) throw new UsageError(`--email is required.\n\n${help}`);
  if (values.out !== undefined && help !== privacyExportHelp) {
    throw new UsageError(`--out is only for export.\n\n${help}`);
  }
  return { values, locator: { slug: values.process, email: values.email } };
}

export async function runPrivacyFindCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, locator } = parseRespondentArgs(argv, privacyFindHelp);
  const data = await withDatabase(io, values.data, ({ db }) =>
    privacy.findRespondentData(db, systemActor('cli privacy find'), locator),
  );
  if (!privacy.hasRespondentData(data)) {
    io.out(`Nothing found for ${data.email} in ${data.process.slug}.`);
    return 0;
  }
  io.out(`${data.email} in ${data.process.slug}:`);
  for (const submission of data.submissions) {
    const consent =
      submission.publicationConsent === true ? 'consented to publication' : 'no publication consent';
    io.out(
      `  submission ${submission.id} (round ${submission.roundNumber}, ${submission.status}, ${consent}): ` +
        `${submission.answers.length} answers, ${submission.attachments.length} attachments`,
    );
  }
  for (const contact of data.invitationContacts) {
    io.out(`  invitation contact for ${contact.actorName} (round ${contact.roundNumber})`);
  }
  for (const contact of data.actorContacts) io.out(`  registry contact for ${contact.actorName}`);
  if (data.emailsSent.length > 0) io.out(`  ${data.emailsSent.length} emails sent`);
  return 0;
}

export async function runPrivacyExportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, locator } = parseRespondentArgs(argv, privacyExportHelp);
  const exported = await withDatabase(io, values.data, ({ db }) =>
    privacy.exportRespondentData(db, systemActor('cli privacy export'), locator, systemClock),
  );
  if (values.out) {
    const outPath = resolve(values.out);
    writeFileSync(outPath, exported.json, { mode: 0o600 });
    io.err(
      `Wrote ${outPath} (${exported.document.submissions.length} submissions). It contains personal data: handle with care.`,
    );
  } else {
    io.out(exported.json.replace(/\n$/, ''));
  }
  return 0;
}

export async function runPrivacyDeleteCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, locator } = parseRespondentArgs(argv, privacyDeleteHelp);
  if (!values.yes) {
    throw new UsageError(
      `Deleting personal data cannot be undone: add --yes to confirm.\n\n${privacyDeleteHelp}`,
    );
  }
  const summary = await withDatabase(io, values.data, ({ db }, config) =>
    privacy.deleteRespondentData(
      { db, clock: systemClock, filesFolder: config.filesFolder },
      systemActor('cli privacy delete'),
      locator,
    ),
  );
  io.out(
    `Deleted ${summary.submissionsDeleted} submissions, anonymised ${summary.submissionsAnonymised}, ` +
      `removed ${summary.attachmentsDeleted} attachments and ${summary.filesRemoved} files, ` +
      `${summary.invitationContactsRemoved + summary.actorContactsRemoved} contacts and ${summary.emailsForgotten} emails.`,
  );
  return 0;
}

export async function runPrivacyAnonymiseCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: { data: { type: 'string' } } });
  const result = await withDatabase(io, values.data, ({ db }) =>
    privacy.anonymiseExpiredSubmitters(db, systemClock),
  );
  io.out(`Anonymised the submitters of ${result.submissions} submissions in ${result.processes} processes.`);
  return 0;
}
