import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { readTableFile } from '../shared/tabular-file.ts';
import { ImportFailedError } from '../shared/file-format.errors.ts';
import { parseActorType, splitEmails } from './actor.ts';
import { canManageActors } from './actors.policies.ts';
import { findActorsOfProcess, insertActorRow } from './actors.repository.ts';
import { actorProblems, checkActor, type ActorIssue, type CleanActor } from './validate-actor.ts';

export interface ActorImportRow {
  /** The row as a spreadsheet numbers it (1-based, header and empty rows counted). */
  line: number;
  actor: CleanActor;
  /** Field → English message (for the CLI). */
  problems: Record<string, string>;
  /** The same problems with stable codes, for clients that show them in their own language. */
  issues: ActorIssue[];
  /** Already registered with this organisation number or name: skipped. */
  isDuplicate: boolean;
}

const columnAliases: Record<string, 'name' | 'type' | 'organisationNumber' | 'contactEmails'> = {
  name: 'name',
  navn: 'name',
  actor: 'name',
  aktør: 'name',
  organisation: 'name',
  organisasjon: 'name',
  type: 'type',
  actor_type: 'type',
  aktørtype: 'type',
  organisation_number: 'organisationNumber',
  organisasjonsnummer: 'organisationNumber',
  orgnr: 'organisationNumber',
  'org.nr.': 'organisationNumber',
  email: 'contactEmails',
  emails: 'contactEmails',
  'e-post': 'contactEmails',
  epost: 'contactEmails',
  contact_emails: 'contactEmails',
};

/**
 * Imports actors from a CSV/XLSX file with columns name, type, organisation_number, email (Norwegian
 * headers work too). With `isDryRun` nothing is written and every row's problems are reported; for
 * real, the whole file is refused if any row has a problem (all or nothing).
 */
export async function importActors(
  db: Database,
  actor: Actor,
  slug: string,
  file: { fileName: string; bytes: Uint8Array },
  isDryRun: boolean,
) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  assertProcessPermission(access, canManageActors(access), 'import actors');
  const table = await readTableFile(file.fileName, file.bytes);
  const columns = table.headers.map((header) => columnAliases[header.trim().toLowerCase()]);
  if (!columns.includes('name')) {
    throw new ImportFailedError('The file needs a "name" column (also accepted: navn, organisasjon).', {
      fields: { file: 'No name column.' },
    });
  }
  const existing = await findActorsOfProcess(db, strategyProcess.id);
  const knownNumbers = new Set(
    existing.flatMap((row) => (row.organisationNumber ? [row.organisationNumber] : [])),
  );
  const knownNames = new Set(existing.map((row) => row.name.toLowerCase()));
  const rows: ActorImportRow[] = table.rows.map((cells, index) => {
    const cell = (key: string) => cells[columns.indexOf(key as never)] ?? '';
    const typeText = cell('type');
    const type = parseActorType(typeText);
    const checked = checkActor({
      name: cell('name'),
      type: type ?? 'annet',
      organisationNumber: cell('organisationNumber'),
      contactEmails: splitEmails(cell('contactEmails')),
    });
    const issues = [
      ...checked.issues,
      ...(type ? [] : [{ field: 'type' as const, code: 'unknown_actor_type' as const, value: typeText }]),
    ];
    const number = checked.actor.organisationNumber;
    const isDuplicate =
      (number !== null && knownNumbers.has(number)) || knownNames.has(checked.actor.name.toLowerCase());
    if (number) knownNumbers.add(number);
    knownNames.add(checked.actor.name.toLowerCase());
    return {
      line: table.rowNumbers[index]!,
      actor: checked.actor,
      problems: actorProblems(issues),
      issues,
      isDuplicate,
    };
  });
  const errorCount = rows.filter((row) => Object.keys(row.problems).length > 0).length;
  const toCreate = rows.filter((row) => !row.isDuplicate && Object.keys(row.problems).length === 0);
  const report = {
    rows,
    errorCount,
    createCount: toCreate.length,
    duplicateCount: rows.filter((row) => row.isDuplicate).length,
  };
  if (isDryRun) return { ...report, isCommitted: false };
  if (errorCount > 0) {
    throw new ImportFailedError(
      `Nothing was imported: ${errorCount} row(s) have errors. Fix them and try again.`,
    );
  }
  await db.transaction(async (tx) => {
    for (const row of toCreate) await insertActorRow(tx, { ...row.actor, processId: strategyProcess.id });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'actor.imported',
      entityType: 'actor',
      detail: { fileName: file.fileName, created: toCreate.length },
    });
  });
  return { ...report, isCommitted: true };
}
