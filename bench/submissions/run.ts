/**
 * Benchmark (not a test): public submissions per second and p50/p99 latency under concurrent load.
 *
 *   npm run bench:submissions [-- --only pglite|postgres] [--count 20000] [--connections 100]
 *                                [--postgres-url postgres://…] [--keep]
 *
 * For each database it starts the real server (`node bin/innspill.mjs start`, as a user does) on a
 * fresh data folder (PGlite) or a fresh PostgreSQL database, with an open public round of three
 * questions (long text, single choice, scale 1–5) and the public rate limit raised through
 * INNSPILL_PUBLIC_RATE_LIMIT. It first starts `count` draft responses (POST
 * /api/public/rounds/:id/responses, the "start" step, not measured) to get as many secret links,
 * then measures only the submit step with autocannon: `count` requests of
 * POST /api/public/responses/:token/submit, each carrying a realistic answer set (three answers,
 * name, email, organisation, actor type, consent), over 100 keep-alive connections. Every request
 * uses its own link, so each is a first submit (receipt code, segments, audit event, receipt email
 * queued), never an idempotent repeat. After the run it checks, in the database, that every
 * submission was committed. Prints a table with the machine's figures.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { migrateDatabase, openDatabase, type OpenedDatabase } from '@innspill/core';
import { buildRound } from '../../packages/core/src/testing/rounds.builders.ts';
import { startInnspill, type StartedServer } from '../../e2e/support/server.ts';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const only = option('--only');
const connections = Number(option('--connections') ?? 100);
const countOption = option('--count');
const postgresUrl =
  option('--postgres-url') ??
  process.env.INNSPILL_BENCH_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const isKeeping = argv.includes('--keep');
/** `--cpu-prof DIR`: write a V8 CPU profile of the server process into DIR (for `--cpu-prof` viewers). */
const cpuProfileFolder = option('--cpu-prof');

interface Setup {
  roundId: string;
  questionIds: [string, string, string];
}

interface Result {
  database: string;
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  committed: number;
  prepareSeconds: number;
  /** Server process CPU time (user + system) per measured submit, in ms: independent of other load. */
  serverCpuMs: number;
  /** All PostgreSQL server processes' CPU time per measured submit, in ms (PostgreSQL runs only). */
  postgresCpuMs: number;
  /** This process's CPU time (autocannon, the load generator) per measured submit, in ms. */
  loadGeneratorCpuMs: number;
  /** The 1-minute load average at the end of the run. */
  loadAverage: number;
  /** Receipt emails sent by the time the server stopped (warm-up included), and still queued. */
  receiptEmails?: { sent: number; queued: number };
}

/**
 * CPU time (user + system) of every process named `postgres`, plus that of their ended children,
 * in ms, from /proc (Linux).
 */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.replace(/^.*\) /, '').split(' ');
      // Own time plus that of ended children (the postmaster's exited backends).
      const ticks = [11, 12, 13, 14].reduce((sum, field) => sum + Number(fields[field]), 0);
      total += (ticks * 1000) / 100;
    } catch {
      // The process ended while we read it.
    }
  }
  return total;
}

/** CPU time (user + system) of a process in ms, from /proc (Linux). */
function processCpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** An open public round with the three questions of the benchmark. */
async function seed(opened: OpenedDatabase): Promise<Setup> {
  await migrateDatabase(opened);
  const { round, questions } = await buildRound(opened.db, {
    number: 1,
    title: 'Innspillsrunde (benchmark)',
    deadline: new Date(Date.now() + 30 * 24 * 3600 * 1000),
    questions: [
      { kind: 'long_text', text: 'Hva er de viktigste utfordringene for sektoren?', isRequired: true },
      {
        kind: 'single_choice',
        text: 'Hvilket område bør prioriteres først?',
        isRequired: true,
        options: ['Utdanning', 'Forskning', 'Administrasjon', 'Infrastruktur'],
      },
      { kind: 'scale', text: 'Hvor viktig er felles digitale tjenester (1–5)?', isRequired: false },
    ],
  });
  const [q1, q2, q3] = questions;
  return { roundId: round.id, questionIds: [q1!.id, q2!.id, q3!.id] };
}

/** The body a respondent's browser sends on submit: three answers and who they are. */
function submission(setup: Setup, index: number): string {
  const [q1, q2, q3] = setup.questionIds;
  return JSON.stringify({
    answers: [
      {
        questionId: q1,
        text:
          'Vi ser tre hovedutfordringer for sektoren de neste årene.\n\n' +
          'For det første trenger institusjonene felles digitale verktøy for undervisning og vurdering, ' +
          'slik at studentene møter de samme løsningene uansett hvor de studerer. I dag bruker hver ' +
          'institusjon mye ressurser på å anskaffe og drifte egne systemer.\n\n' +
          '- Bedre samarbeid om innkjøp og drift\n' +
          '- Deling av data mellom institusjonene, med godt personvern\n' +
          '- Kompetanseheving for faglig ansatte\n\n' +
          `Til slutt mener vi at studentene må involveres tidlig i alle digitaliseringsprosjekter (svar ${index}).`,
      },
      { questionId: q2, value: ['Utdanning', 'Forskning', 'Administrasjon', 'Infrastruktur'][index % 4] },
      { questionId: q3, value: (index % 5) + 1 },
    ],
    submitterName: `Kari Nordmann ${index}`,
    submitterEmail: `kari.${index}@example.test`,
    organisationName: 'Universitetet i Testby',
    declaredActorType: 'universitet',
    publicationConsent: index % 3 !== 0,
  });
}

/** Starts `count` draft responses (not measured) and returns their secret link tokens. */
async function prepareTokens(server: StartedServer, setup: Setup, count: number): Promise<string[]> {
  const tokens: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const response = await fetch(`${server.url}/api/public/rounds/${setup.roundId}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      if (response.status !== 201) {
        throw new Error(`start failed: ${response.status} ${await response.text()}`);
      }
      tokens.push(((await response.json()) as { token: string }).token);
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return tokens;
}

async function measure(server: StartedServer, setup: Setup, tokens: string[]) {
  let index = 0;
  const bodies = tokens.map((_, i) => submission(setup, i));
  return autocannon({
    url: server.url,
    connections,
    amount: tokens.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'nb' },
        setupRequest: (request) => {
          const i = index++;
          return {
            ...request,
            path: `/api/public/responses/${tokens[i % tokens.length]}/submit`,
            body: bodies[i % bodies.length],
          };
        },
      },
    ],
  });
}

/** Receipt emails the server had sent (outbox or SMTP) when it stopped, and those still queued. */
async function countReceiptEmails(opened: OpenedDatabase): Promise<{ sent: number; queued: number }> {
  const result = await opened.db.execute(
    sql`select (select count(*)::int from outgoing_emails where kind = 'receipt') as sent,
               (select count(*)::int from jobs where kind = 'email.send' and status = 'queued') as queued`,
  );
  const [row] = (result as unknown as { rows: { sent: number; queued: number }[] }).rows;
  return { sent: Number(row?.sent ?? 0), queued: Number(row?.queued ?? 0) };
}

async function countSubmitted(opened: OpenedDatabase): Promise<number> {
  const result = await opened.db.execute(
    sql`select count(*)::int as n from submissions where status = 'submitted'`,
  );
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return Number(rows[0]?.n ?? 0);
}

async function runOne(kind: 'pglite' | 'postgres', count: number): Promise<Result> {
  const dataFolder = mkdtempSync(join(os.tmpdir(), `innspill-bench-${kind}-`));
  let databaseUrl: string | undefined;
  let admin: pg.Client | undefined;
  let databaseName = '';
  if (kind === 'postgres') {
    admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    databaseName = `innspill_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await admin.query(`create database ${databaseName}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${databaseName}`;
    databaseUrl = url.toString();
  }
  const open = () => openDatabase({ databaseUrl, pgliteDirectory: join(dataFolder, 'db') });
  const seeding = await open();
  const setup = await seed(seeding);
  await seeding.close();

  const server = await startInnspill({
    dataFolder,
    ...(cpuProfileFolder ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${cpuProfileFolder}`] } : {}),
    env: {
      INNSPILL_PUBLIC_RATE_LIMIT: '10000000',
      INNSPILL_LOAD_DEMO: 'false',
      INNSPILL_LOG_LEVEL: 'warn',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  });
  let result: Result;
  try {
    const preparing = Date.now();
    const tokens = await prepareTokens(server, setup, count);
    const prepareSeconds = (Date.now() - preparing) / 1000;
    // A short warm-up on a few links of their own (JIT, connection pool), not counted.
    const warmTokens = await prepareTokens(server, setup, 200);
    await measure(server, setup, warmTokens);
    const cpuBefore = processCpuMs(server.child.pid);
    const postgresBefore = postgresCpuMs();
    const ownBefore = process.cpuUsage();
    const measured = await measure(server, setup, tokens);
    const serverCpuMs = (processCpuMs(server.child.pid) - cpuBefore) / count;
    const own = process.cpuUsage(ownBefore);
    const loadGeneratorCpuMs = (own.user + own.system) / 1000 / count;
    const postgresCpu = kind === 'postgres' ? (postgresCpuMs() - postgresBefore) / count : Number.NaN;
    const loadAverage = os.loadavg()[0] ?? 0;
    result = {
      database: kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15 (local)',
      count,
      seconds: measured.duration,
      perSecond: (measured['2xx'] ?? 0) / measured.duration,
      p50: measured.latency.p50,
      p90: measured.latency.p90,
      p99: measured.latency.p99,
      max: measured.latency.max,
      errors: measured.errors + measured.timeouts,
      non2xx: measured.non2xx,
      committed: 0,
      prepareSeconds,
      serverCpuMs,
      postgresCpuMs: postgresCpu,
      loadGeneratorCpuMs,
      loadAverage,
    };
  } finally {
    await server.stop();
  }
  const checking = await open();
  // Every measured submit plus the warm-up's 200 must be committed.
  result.committed = (await countSubmitted(checking)) - 200;
  result.receiptEmails = await countReceiptEmails(checking);
  await checking.close();
  if (isKeeping) {
    process.stdout.write(`kept: ${databaseUrl ?? dataFolder}\n`);
  } else {
    rmSync(dataFolder, { recursive: true, force: true });
    if (admin) await admin.query(`drop database if exists ${databaseName} with (force)`);
  }
  await admin?.end();
  return result;
}

function machine(): string {
  const cpus = os.cpus();
  return [
    `CPU: ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    `Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `Node: ${process.version} (${os.platform()} ${os.release()})`,
    `Load: ${connections} connections, autocannon; ${new Date().toISOString()}`,
  ].join('\n');
}

const kinds: ('pglite' | 'postgres')[] =
  only === 'pglite' ? ['pglite'] : only === 'postgres' ? ['postgres'] : ['pglite', 'postgres'];
const results: Result[] = [];
for (const kind of kinds) {
  const count = Number(countOption ?? (kind === 'pglite' ? 6000 : 20000));
  process.stderr.write(`${kind}: preparing ${count} links, then measuring ${count} submits…\n`);
  results.push(await runOne(kind, count));
}

const round = (value: number) => (Number.isFinite(value) ? Math.round(value) : value);
const lines = [
  machine(),
  '',
  'Submit step only (POST /api/public/responses/:token/submit, 3 answers, first submit per link):',
  '',
  '| Database | Submits | Seconds | Submits/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx | committed | server CPU ms/submit | PostgreSQL CPU ms/submit | autocannon CPU ms/submit | load avg |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...results.map(
    (r) =>
      `| ${r.database} | ${r.count} | ${r.seconds.toFixed(1)} | ${round(r.perSecond)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.errors} | ${r.non2xx} | ${r.committed} | ${r.serverCpuMs.toFixed(2)} | ${Number.isNaN(r.postgresCpuMs) ? '–' : r.postgresCpuMs.toFixed(2)} | ${r.loadGeneratorCpuMs.toFixed(2)} | ${r.loadAverage.toFixed(1)} |`,
  ),
  '',
  `Preparing the links (start step, 32 concurrent, not measured): ${results
    .map((r) => `${r.database} ${round(r.count / r.prepareSeconds)}/s`)
    .join(', ')}`,
  `Receipt emails (one per submit, queued in the submit's transaction, sent by the background job runner to the outbox folder): ${results
    .map(
      (r) =>
        `${r.database} ${r.receiptEmails?.sent ?? '?'} sent by the end of the run, ${r.receiptEmails?.queued ?? '?'} still queued`,
    )
    .join('; ')}.`,
  'Targets: PostgreSQL ≥ 1000/s with p99 < 200 ms; PGlite ≥ 300/s.',
  'Server CPU ms/submit is the Innspill process only (PGlite runs inside it; PostgreSQL runs in its own',
  "processes, counted in the next column, including the background jobs' queries). With 2 cores, the",
  'three CPU columns together bound the rate: 2,000 ms / (their sum) submits per second at best.',
  'Load avg is the 1-minute load average of the machine at the end of the run: anything',
  `above ${os.cpus().length} means other work was competing for the CPUs.`,
];
process.stdout.write(`${lines.join('\n')}\n`);
