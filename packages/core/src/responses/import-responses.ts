import { createHash } from 'node:crypto';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import {
  findQuestionsOfRound,
  loadRoundForActor,
  type Question,
  type RoundLocator,
} from '../rounds/index.ts';
import { isValidEmail, type RegisteredActor } from '../actors/index.ts';
import { isValidOrganisationNumber, normaliseOrganisationNumber } from '../actors/index.ts';
import {
  checkDocument,
  safeFileName,
  storeAttachment,
  type StorageDeps,
  type UploadedFile,
} from './attachments.ts';
import { extractDocumentText } from './extract-document-text.ts';
import { detectFileType, type DocumentType } from '../shared/file-types.ts';
import {
  findProcessActors,
  findRoundAttachmentBySha,
  insertSubmission,
  upsertAnswers,
} from './responses.repository.ts';
import { resegmentAnswers } from './resegment-answers.ts';
import {
  createReceiptCode,
  missingRequiredAnswers,
  normaliseAnswers,
  type AnswerInput,
} from './submission.ts';
import { readTableFile } from '../shared/tabular-file.ts';
import { readZipArchive } from '../shared/zip-archive.ts';
import { ValidationError } from '../shared/domain-error.ts';

export type ColumnTarget =
  'actor' | 'organisation_number' | 'submitter_name' | 'submitter_email' | `q${number}` | 'ignore';

export interface ImportOptions {
  isDryRun: boolean;
  /** Header → target. Without it, headers are read as actor, organisation_number, submitter_name, submitter_email, q1, q2, … */
  columnMapping?: Record<string, ColumnTarget> | undefined;
  /**
   * File name (as in the report, `archive.zip/entry.csv` inside a ZIP) → header → target: for
   * several tables with different layouts in one import. Overrides `columnMapping` for that file.
   */
  columnMappingByFile?: Record<string, Record<string, ColumnTarget>> | undefined;
}

/**
 * Stable codes of import problems, for clients that show them in their own language:
 * - `too_few_questions` (`column`, `count`): a column is mapped to a question the round lacks
 * - `missing_actor_column`: no actor, organisation_number or submitter_name column
 * - `invalid_organisation_number` (`value`), `invalid_email` (`value`): a cell's value
 * - `required_answer_missing` (`question`), `invalid_answer` (`question`): an answer cell
 * - `already_imported` (`fileName`): the same letter is already in this round
 * - a file that cannot be read: the error's own code (`unsupported_file_type`, `unsafe_archive`,
 *   `payload_too_large` …), else `unreadable_file`
 * - `write_failed`: the file's transaction failed, nothing from it was written
 */
export type ImportProblemCode =
  | 'too_few_questions'
  | 'missing_actor_column'
  | 'invalid_organisation_number'
  | 'invalid_email'
  | 'required_answer_missing'
  | 'invalid_answer'
  | 'already_imported'
  | 'unreadable_file'
  | 'write_failed'
  | (string & {});

export interface ImportProblem {
  /** The row as a spreadsheet numbers it (header and empty rows counted), absent for letters. */
  line?: number;
  code: ImportProblemCode;
  /** Values the message refers to (column, question number, the cell's value …). */
  params?: Record<string, string | number>;
  /** In English, for the CLI and logs. */
  message: string;
}

export interface FileImportReport {
  fileName: string;
  kind: 'table' | 'letter';
  /** `ok`: would be (or was) imported; `failed`: nothing from this file is written. */
  status: 'ok' | 'failed';
  submissionCount: number;
  /** Organisations not found in the registry (imported without an actor; match them by hand). */
  unmatched: { line?: number; name: string }[];
  problems: ImportProblem[];
  /** Tables: each header and the column it was read as (for the column-mapping step). */
  columns?: { header: string; target: ColumnTarget }[];
}

interface PlannedSubmission {
  actorId: string | null;
  organisationName: string | null;
  submitterName: string | null;
  submitterEmail: string | null;
  answers: AnswerInput[];
  letter?: { file: UploadedFile; type: DocumentType };
}

export interface ImportDeps extends StorageDeps {
  clock: Clock;
}

/**
 * Imports responses that arrived outside the form: CSV/XLSX tables (one row, one submission) and
 * PDF/DOCX/ODT/TXT letters, alone or in a ZIP (one file, one submission). A dry run reports what
 * would be created and every problem; for real, each file is written in its own transaction and a
 * file with any problem writes nothing (all or nothing per file).
 */
export async function importResponses(
  deps: ImportDeps,
  actor: Actor,
  locator: RoundLocator,
  files: UploadedFile[],
  options: ImportOptions,
) {
  const { round, strategyProcess } = await loadRoundForActor(deps.db, actor, locator, true);
  const questions = await findQuestionsOfRound(deps.db, round.id);
  const registry = await findProcessActors(deps.db, strategyProcess.id);
  const expanded: UploadedFile[] = [];
  const reports: FileImportReport[] = [];
  for (const file of files) {
    const type = await detectFileType(file.fileName, file.bytes, deps.zipLimits).catch((error: unknown) => {
      reports.push(failedReport(file.fileName, 'letter', problemOfError(error)));
      return null;
    });
    if (type === null) continue;
    if (type === 'zip') {
      const entries = await readZipArchive(file.fileName, file.bytes, deps.zipLimits);
      for (const [name, bytes] of entries) {
        if (name.startsWith('__MACOSX/') || name.split('/').pop()?.startsWith('.')) continue;
        expanded.push({ fileName: `${file.fileName}/${name}`, bytes });
      }
    } else expanded.push(file);
  }
  for (const file of expanded) {
    const isTable = /\.(csv|tsv|xlsx)$/i.test(file.fileName);
    let report: FileImportReport;
    let planned: PlannedSubmission[] = [];
    try {
      const result = isTable
        ? await planTable(file, questions, registry, {
            ...options.columnMapping,
            ...options.columnMappingByFile?.[file.fileName],
          })
        : await planLetter(deps, round.id, file, registry);
      report = result.report;
      planned = result.planned;
    } catch (error) {
      report = failedReport(file.fileName, isTable ? 'table' : 'letter', problemOfError(error));
    }
    if (!options.isDryRun && report.status === 'ok') {
      try {
        await deps.db.transaction(async (tx) => {
          for (const plan of planned) {
            const submission = await insertSubmission(tx, {
              roundId: round.id,
              actorId: plan.actorId,
              organisationName: plan.organisationName,
              submitterName: plan.submitterName,
              submitterEmail: plan.submitterEmail,
              status: 'submitted',
              submittedAt: deps.clock.now(),
              isLate: false,
              receiptCode: createReceiptCode(),
              source: 'import',
              importedFrom: safeFileName(file.fileName),
            });
            if (plan.answers.length) {
              await upsertAnswers(tx, submission.id, normaliseAnswers(questions, plan.answers));
              await resegmentAnswers(tx, submission.id, questions);
            }
            if (plan.letter) {
              await storeAttachment(tx, deps, submission.id, plan.letter.file, plan.letter.type);
            }
          }
          await recordAuditEvent(tx, actor, {
            processId: strategyProcess.id,
            action: 'submission.imported',
            entityType: 'input_round',
            entityId: round.id,
            detail: { fileName: safeFileName(file.fileName), count: planned.length },
          });
        });
      } catch (error) {
        report = {
          ...report,
          status: 'failed',
          submissionCount: 0,
          problems: [...report.problems, { code: 'write_failed', message: (error as Error).message }],
        };
      }
    }
    reports.push(report);
  }
  return {
    round,
    isDryRun: options.isDryRun,
    files: reports,
    submissionCount: reports
      .filter((report) => report.status === 'ok')
      .reduce((total, report) => total + report.submissionCount, 0),
    failedFileCount: reports.filter((report) => report.status === 'failed').length,
  };
}

function failedReport(fileName: string, kind: 'table' | 'letter', problem: ImportProblem): FileImportReport {
  return { fileName, kind, status: 'failed', submissionCount: 0, unmatched: [], problems: [problem] };
}

/** A file that could not be read: a domain error keeps its code (e.g. `unsafe_archive`). */
function problemOfError(error: unknown): ImportProblem {
  const message = (error as Error).message;
  return { code: error instanceof DomainError ? error.code : 'unreadable_file', message };
}

/** Finds the registered actor by organisation number first, then by exact name (case-insensitive). */
export function matchActor(
  registry: RegisteredActor[],
  name: string,
  organisationNumber: string,
): RegisteredActor | undefined {
  const number = normaliseOrganisationNumber(organisationNumber);
  if (number) {
    const byNumber = registry.find((candidate) => candidate.organisationNumber === number);
    if (byNumber) return byNumber;
  }
  const key = name.trim().toLowerCase();
  return key ? registry.find((candidate) => candidate.name.toLowerCase() === key) : undefined;
}

function defaultTarget(header: string): ColumnTarget {
  const key = header.trim().toLowerCase();
  if (['actor', 'organisation_number', 'submitter_name', 'submitter_email'].includes(key)) {
    return key as ColumnTarget;
  }
  if (/^q\d+$/.test(key)) return key as ColumnTarget;
  return 'ignore';
}

async function planTable(
  file: UploadedFile,
  questions: Question[],
  registry: RegisteredActor[],
  mapping: Record<string, ColumnTarget> | undefined,
): Promise<{ report: FileImportReport; planned: PlannedSubmission[] }> {
  const table = await readTableFile(file.fileName, file.bytes);
  const targets = table.headers.map((header) => mapping?.[header] ?? defaultTarget(header));
  const problems: ImportProblem[] = [];
  for (const target of targets) {
    const match = /^q(\d+)$/.exec(target);
    if (match && !questions[Number(match[1]) - 1]) {
      problems.push({
        code: 'too_few_questions',
        params: { column: target, count: questions.length },
        message: `Column ${target}: the round has only ${questions.length} questions.`,
      });
    }
  }
  if (
    !targets.includes('actor') &&
    !targets.includes('organisation_number') &&
    !targets.includes('submitter_name')
  ) {
    problems.push({
      code: 'missing_actor_column',
      message: 'The file needs an actor, organisation_number or submitter_name column.',
    });
  }
  const unmatched: { line: number; name: string }[] = [];
  const planned: PlannedSubmission[] = [];
  if (problems.length === 0) {
    table.rows.forEach((cells, index) => {
      const line = table.rowNumbers[index]!;
      const cell = (target: ColumnTarget) => (cells[targets.indexOf(target)] ?? '').trim();
      const actorName = cell('actor');
      const organisationNumber = cell('organisation_number');
      if (organisationNumber && !isValidOrganisationNumber(organisationNumber)) {
        problems.push({
          line,
          code: 'invalid_organisation_number',
          params: { value: organisationNumber },
          message: `"${organisationNumber}" is not a valid organisation number.`,
        });
      }
      const email = cell('submitter_email');
      if (email && !isValidEmail(email)) {
        problems.push({
          line,
          code: 'invalid_email',
          params: { value: email },
          message: `"${email}" is not a valid email address.`,
        });
      }
      const answers: AnswerInput[] = [];
      targets.forEach((target, column) => {
        const match = /^q(\d+)$/.exec(target);
        const question = match ? questions[Number(match[1]) - 1] : undefined;
        if (!question) return;
        answers.push(cellToAnswer(question, cells[column] ?? ''));
      });
      try {
        const normalised = normaliseAnswers(questions, answers);
        const missing = missingRequiredAnswers(questions, normalised);
        for (const field of Object.keys(missing)) {
          const position = questions.findIndex((question) => `answers.${question.id}` === field) + 1;
          problems.push({
            line,
            code: 'required_answer_missing',
            params: { question: position },
            message: `q${position} is required but empty.`,
          });
        }
      } catch (error) {
        const fields =
          error instanceof ValidationError ? ((error.details?.fields ?? {}) as Record<string, string>) : {};
        for (const [field, message] of Object.entries(fields)) {
          const position = questions.findIndex((question) => `answers.${question.id}` === field) + 1;
          problems.push({
            line,
            code: 'invalid_answer',
            params: { question: position },
            message: `q${position}: ${message}`,
          });
        }
        if (!(error instanceof DomainError)) throw error;
      }
      const registered = matchActor(registry, actorName, organisationNumber);
      if (!registered && (actorName || organisationNumber)) {
        unmatched.push({ line, name: actorName || organisationNumber });
      }
      planned.push({
        actorId: registered?.id ?? null,
        // The name as given is kept even when matched, so undoing a wrong match loses nothing.
        organisationName: actorName || null,
        submitterName: cell('submitter_name') || null,
        submitterEmail: email || null,
        answers,
      });
    });
  }
  const isOk = problems.length === 0;
  return {
    report: {
      fileName: file.fileName,
      kind: 'table',
      status: isOk ? 'ok' : 'failed',
      submissionCount: isOk ? planned.length : 0,
      unmatched,
      problems,
      columns: table.headers.map((header, index) => ({ header, target: targets[index]! })),
    },
    planned: isOk ? planned : [],
  };
}

function cellToAnswer(question: Question, raw: string): AnswerInput {
  const text = raw.trim();
  switch (question.kind) {
    case 'long_text':
    case 'short_text':
      return { questionId: question.id, text };
    case 'single_choice':
      return { questionId: question.id, value: text || null };
    case 'multiple_choice':
      return { questionId: question.id, value: text ? text.split(/\s*;\s*/).filter(Boolean) : null };
    case 'scale':
    case 'number':
      return { questionId: question.id, value: text ? Number(text.replace(',', '.')) : null };
  }
}

async function planLetter(
  deps: ImportDeps,
  roundId: string,
  file: UploadedFile,
  registry: RegisteredActor[],
): Promise<{ report: FileImportReport; planned: PlannedSubmission[] }> {
  const type = await checkDocument(file, deps);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const duplicate = await findRoundAttachmentBySha(deps.db, roundId, sha256);
  if (duplicate) {
    return {
      report: failedReport(file.fileName, 'letter', {
        code: 'already_imported',
        params: { fileName: duplicate.fileName },
        message: `Already imported in this round (as "${duplicate.fileName}").`,
      }),
      planned: [],
    };
  }
  let text = '';
  try {
    text = await extractDocumentText(type, file.fileName, file.bytes, deps.zipLimits);
  } catch {
    // The letter is still imported; the extraction job records why its text cannot be read.
  }
  const registered = matchLetterActor(registry, safeFileName(file.fileName), text);
  const baseName = safeFileName(file.fileName).replace(/\.[^.]+$/, '');
  return {
    report: {
      fileName: file.fileName,
      kind: 'letter',
      status: 'ok',
      submissionCount: 1,
      unmatched: registered ? [] : [{ name: baseName }],
      problems: [],
    },
    planned: [
      {
        actorId: registered?.id ?? null,
        organisationName: baseName,
        submitterName: null,
        submitterEmail: null,
        answers: [],
        letter: { file, type },
      },
    ],
  };
}

/**
 * A letter's actor: a registered organisation number written in the text, else the longest
 * registered name found in the file name or the first part of the text.
 */
export function matchLetterActor(
  registry: RegisteredActor[],
  fileName: string,
  text: string,
): RegisteredActor | undefined {
  const head = text.slice(0, 5000);
  for (const match of head.matchAll(/\b(\d{3})[\s.]?(\d{3})[\s.]?(\d{3})\b/g)) {
    const number = `${match[1]}${match[2]}${match[3]}`;
    if (!isValidOrganisationNumber(number)) continue;
    const found = registry.find((candidate) => candidate.organisationNumber === number);
    if (found) return found;
  }
  const haystack = `${fileName.replace(/[_-]+/g, ' ')}\n${head}`.toLowerCase();
  return [...registry]
    .sort((a, b) => b.name.length - a.name.length)
    .find((candidate) => candidate.name.length >= 3 && haystack.includes(candidate.name.toLowerCase()));
}
