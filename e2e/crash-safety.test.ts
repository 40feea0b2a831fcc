import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, type Database, type OpenedDatabase } from '@innspill/core';
import { buildProcess, buildRound, buildUser } from '@innspill/core/testing';
import { startInnspill, type StartedServer } from './support/server.ts';

/**
 * Crash safety (issue 6): concurrent respondents start, save, attach and submit against the real
 * server; the whole process group is killed with SIGKILL in the middle; the server is started
 * again on the same data folder/database. Every submit that got a 2xx must be there, sent and
 * complete, and nothing may be half-written. Runs on PGlite and on PostgreSQL.
 */

const respondentCount = 80;
const concurrency = 10;
/** Kill once this many submits were acknowledged, so that others are certainly in flight. */
const killAfterAcknowledged = 40;

const scratch = mkdtempSync(join(tmpdir(), 'innspill-crash-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const postgresUrl = process.env.INNSPILL_TEST_DATABASE_URL;
if (process.env.CI === 'true' && !postgresUrl) {
  throw new Error(
    'CI=true but INNSPILL_TEST_DATABASE_URL is not set: the PostgreSQL crash-safety test cannot run.',
  );
}

interface Acknowledged {
  token: string;
  receiptCode: string;
  name: string;
  answers: Map<string, string>;
  attachments: { fileName: string; sha256: string; byteSize: number }[];
}

interface Tally {
  started: number;
  submitsSent: number;
  uploadsSent: number;
  uploadsAcknowledged: number;
  acknowledged: Acknowledged[];
}

type Rows<T> = { rows: T[] };
async function query<T>(db: Database, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as Rows<T>).rows;
}

/** An admin, a process and an open public round with a required long and an optional short question. */
async function seed(opened: OpenedDatabase) {
  await migrateDatabase(opened);
  await buildUser(opened.db, { email: 'admin@crash.example', isInstanceAdmin: true, name: 'Ada Admin' });
  const strategyProcess = await buildProcess(opened.db, { slug: 'crash-safety' });
  const { round, questions } = await buildRound(opened.db, {
    processId: strategyProcess.id,
    number: 1,
    questions: [
      { kind: 'long_text', text: 'Hva er de viktigste utfordringene?', isRequired: true },
      { kind: 'short_text', text: 'Hvem svarer du for?', isRequired: false },
    ],
  });
  return { roundId: round.id, questionIds: questions.map((question) => question.id) };
}

async function request(server: StartedServer, ip: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

/** One respondent: start a draft, save answers, maybe attach a text file, submit. */
async function respond(
  server: StartedServer,
  index: number,
  round: { roundId: string; questionIds: string[] },
  tally: Tally,
  isStopped: () => boolean,
) {
  const ip = `10.77.${index >> 8}.${index & 255}`;
  const name = `Respondent ${index} ${randomBytes(3).toString('hex')}`;
  tally.started += 1;
  const started = await request(server, ip, 'POST', `/api/public/rounds/${round.roundId}/responses`, {});
  if (started.status !== 201) throw new Error(`start: ${started.status} ${JSON.stringify(started.json)}`);
  const token = started.json.token as string;
  const answers = new Map<string, string>([
    [
      round.questionIds[0]!,
      `Svar fra ${name}.\n\nVi trenger felles digitale verktøy og deling av data (${index}).`,
    ],
    [round.questionIds[1]!, `Organisasjon ${index}`],
  ]);
  const saved = await request(server, ip, 'PUT', `/api/public/responses/${token}`, {
    answers: [...answers].map(([questionId, text]) => ({ questionId, text })),
    submitterName: name,
    submitterEmail: `respondent-${index}@crash.example`,
    publicationConsent: index % 2 === 0,
  });
  if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.json)}`);
  const attachments: Acknowledged['attachments'] = [];
  if (index % 3 === 0 && !isStopped()) {
    const bytes = Buffer.from(`Vedlegg fra ${name}.\n${'Innspill til strategien. '.repeat(200 + index)}\n`);
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'text/plain' }), `vedlegg-${index}.txt`);
    tally.uploadsSent += 1;
    const uploaded = await fetch(`${server.url}/api/public/responses/${token}/attachments`, {
      method: 'POST',
      headers: { 'x-forwarded-for': ip },
      body: form,
    });
    if (uploaded.status !== 201) throw new Error(`attach: ${uploaded.status} ${await uploaded.text()}`);
    tally.uploadsAcknowledged += 1;
    attachments.push({
      fileName: `vedlegg-${index}.txt`,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      byteSize: bytes.byteLength,
    });
  }
  if (isStopped()) return;
  tally.submitsSent += 1;
  const submitted = await request(server, ip, 'POST', `/api/public/responses/${token}/submit`, {});
  if (submitted.status < 200 || submitted.status >= 300) throw new Error(`submit: ${submitted.status}`);
  const receiptCode = submitted.json.receiptCode as string;
  expect(submitted.json.status).toBe('submitted');
  tally.acknowledged.push({ token, receiptCode, name, answers, attachments });
}

/** Runs respondents with bounded concurrency and kills the server (SIGKILL, whole group) mid-way. */
async function runAndKill(server: StartedServer, round: { roundId: string; questionIds: string[] }) {
  const tally: Tally = {
    started: 0,
    submitsSent: 0,
    uploadsSent: 0,
    uploadsAcknowledged: 0,
    acknowledged: [],
  };
  let isKilled = false;
  let next = 0;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  const kill = () => {
    if (isKilled) return;
    isKilled = true;
    process.kill(-server.child.pid!, 'SIGKILL');
  };
  const failuresBeforeKill: string[] = [];
  const worker = async () => {
    while (!isKilled && next < respondentCount) {
      const index = next++;
      try {
        await respond(server, index, round, tally, () => isKilled);
      } catch (error) {
        if (!isKilled) failuresBeforeKill.push(`${index}: ${(error as Error).message}`);
      }
      if (tally.acknowledged.length >= killAfterAcknowledged) kill();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  kill();
  await exited;
  expect(failuresBeforeKill).toEqual([]);
  return tally;
}

interface Integrity {
  submittedInDatabase: number;
  found: number;
  halfWritten: string[];
  unreferencedFiles: number;
}

/** Checks the database and files after the restart; returns what was found and any damage. */
async function checkIntegrity(db: Database, filesFolder: string, tally: Tally): Promise<Integrity> {
  const halfWritten: string[] = [];
  let found = 0;
  for (const expected of tally.acknowledged) {
    const [submission] = await query<{
      id: string;
      status: string;
      submitter_name: string | null;
      submitted_at: unknown;
    }>(
      db,
      sql`select id, status, submitter_name, submitted_at from submissions where receipt_code = ${expected.receiptCode}`,
    );
    if (!submission) {
      halfWritten.push(`acknowledged ${expected.receiptCode} missing`);
      continue;
    }
    const answers = await query<{ question_id: string; text: string | null }>(
      db,
      sql`select question_id, text from answers where submission_id = ${submission.id}`,
    );
    const attachments = await query<{ file_name: string; sha256: string; byte_size: number }>(
      db,
      sql`select file_name, sha256, byte_size from attachments where submission_id = ${submission.id}`,
    );
    const isComplete =
      submission.status === 'submitted' &&
      submission.submitted_at !== null &&
      submission.submitter_name === expected.name &&
      answers.length === expected.answers.size &&
      answers.every((answer) => expected.answers.get(answer.question_id) === answer.text) &&
      attachments.length === expected.attachments.length &&
      expected.attachments.every((attachment) =>
        attachments.some((row) => row.sha256 === attachment.sha256 && row.byte_size === attachment.byteSize),
      );
    if (isComplete) found += 1;
    else halfWritten.push(`acknowledged ${expected.receiptCode} incomplete`);
  }

  // Nothing half-written anywhere, acknowledged or not.
  const [submitted] = await query<{ count: number | string }>(
    db,
    sql`select count(*) as count from submissions where status = 'submitted'`,
  );
  const incompleteSubmitted = await query<{ id: string }>(
    db,
    sql`select s.id from submissions s
        where s.status = 'submitted'
          and (s.receipt_code is null or s.submitted_at is null
               or not exists (select 1 from answers a join questions q on q.id = a.question_id
                              where a.submission_id = s.id and q.is_required and a.text is not null)
               or not exists (select 1 from segments g where g.submission_id = s.id and g.answer_id is not null))`,
  );
  halfWritten.push(
    ...incompleteSubmitted.map((row) => `submitted ${row.id} without answers/segments/receipt`),
  );
  const orphans = await query<{ kind: string; count: number | string }>(
    db,
    sql`select 'answers' as kind, count(*) as count from answers a where not exists (select 1 from submissions s where s.id = a.submission_id)
        union all select 'attachments', count(*) from attachments t where not exists (select 1 from submissions s where s.id = t.submission_id)
        union all select 'segments', count(*) from segments g where not exists (select 1 from submissions s where s.id = g.submission_id)`,
  );
  for (const orphan of orphans) {
    if (Number(orphan.count) > 0) halfWritten.push(`${orphan.count} orphan ${orphan.kind}`);
  }

  const attachmentRows = await query<{ storage_key: string; sha256: string; byte_size: number }>(
    db,
    sql`select storage_key, sha256, byte_size from attachments`,
  );
  for (const row of attachmentRows) {
    const path = join(filesFolder, row.storage_key);
    if (!existsSync(path)) {
      halfWritten.push(`attachment file ${row.storage_key} missing`);
      continue;
    }
    const bytes = readFileSync(path);
    if (
      bytes.byteLength !== row.byte_size ||
      createHash('sha256').update(bytes).digest('hex') !== row.sha256
    ) {
      halfWritten.push(`attachment file ${row.storage_key} damaged`);
    }
  }
  // A file is written and fsynced before its row commits, so a crash may leave complete files
  // that no row references (never the other way round); there can be no more than uploads in flight.
  const referenced = new Set(attachmentRows.map((row) => row.storage_key));
  const onDisk = existsSync(filesFolder)
    ? readdirSync(filesFolder).flatMap((folder) =>
        readdirSync(join(filesFolder, folder)).map((file) => `${folder}/${file}`),
      )
    : [];
  const unreferencedFiles = onDisk.filter((key) => !referenced.has(key)).length;
  return { submittedInDatabase: Number(submitted?.count ?? 0), found, halfWritten, unreferencedFiles };
}

async function crashAndRecover(options: {
  label: string;
  dataFolder: string;
  databaseUrl?: string;
  openForChecks: () => Promise<OpenedDatabase>;
}) {
  const env: Record<string, string> = {
    INNSPILL_BEHIND_PROXY: 'true',
    INNSPILL_LOAD_DEMO: 'false',
    INNSPILL_LOG_LEVEL: 'error',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const seeding = await options.openForChecks();
  const round = await seed(seeding).finally(() => seeding.close());

  const first = await startInnspill({ command: 'bin', dataFolder: options.dataFolder, env });
  const tally = await runAndKill(first, round).catch(async (error: unknown) => {
    await first.stop().catch(() => undefined);
    throw error;
  });

  const second = await startInnspill({ command: 'bin', dataFolder: options.dataFolder, env });
  let seenThroughApi = 0;
  try {
    // The restarted server serves every acknowledged response through its secret link.
    for (const expected of tally.acknowledged) {
      const view = await request(second, '10.78.0.1', 'GET', `/api/public/responses/${expected.token}`);
      if (
        view.status === 200 &&
        view.json.status === 'submitted' &&
        view.json.receiptCode === expected.receiptCode
      ) {
        seenThroughApi += 1;
      }
    }
  } finally {
    await second.stop();
  }

  const opened = await options.openForChecks();
  let integrity: Integrity;
  try {
    integrity = await checkIntegrity(opened.db, join(options.dataFolder, 'files'), tally);
  } finally {
    await opened.close();
  }
  console.log(
    `[crash-safety ${options.label}] respondents started ${tally.started}, submits sent ${tally.submitsSent}, ` +
      `acknowledged ${tally.acknowledged.length}, found complete after restart ${integrity.found} ` +
      `(served by the API ${seenThroughApi}); submitted in database ${integrity.submittedInDatabase}; ` +
      `uploads sent ${tally.uploadsSent}, acknowledged ${tally.uploadsAcknowledged}; ` +
      `unreferenced files ${integrity.unreferencedFiles}; half-written ${integrity.halfWritten.length}`,
  );
  expect(tally.acknowledged.length).toBeGreaterThanOrEqual(killAfterAcknowledged);
  expect(tally.submitsSent).toBeGreaterThan(tally.acknowledged.length - 1);
  expect(integrity.halfWritten).toEqual([]);
  expect(integrity.found).toBe(tally.acknowledged.length);
  expect(seenThroughApi).toBe(tally.acknowledged.length);
  expect(integrity.submittedInDatabase).toBeGreaterThanOrEqual(tally.acknowledged.length);
  expect(integrity.unreferencedFiles).toBeLessThanOrEqual(tally.uploadsSent - tally.uploadsAcknowledged);
}

describe('crash safety', () => {
  it(
    'keeps every acknowledged submission complete after SIGKILL (PGlite)',
    { timeout: 240_000 },
    async () => {
      const dataFolder = join(scratch, 'pglite');
      await crashAndRecover({
        label: 'PGlite',
        dataFolder,
        openForChecks: () => openDatabase({ pgliteDirectory: join(dataFolder, 'db') }),
      });
    },
  );

  it.skipIf(!postgresUrl)(
    'keeps every acknowledged submission complete after SIGKILL (PostgreSQL)',
    { timeout: 240_000 },
    async () => {
      const name = `innspill_crash_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(postgresUrl!);
      url.pathname = `/${name}`;
      try {
        await crashAndRecover({
          label: 'PostgreSQL',
          dataFolder: join(scratch, 'postgres'),
          databaseUrl: url.toString(),
          openForChecks: () => openDatabase({ databaseUrl: url.toString() }),
        });
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
  );
});
