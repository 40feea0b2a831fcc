import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, processes, systemActor } from '@innspill/core';
import { createTestDatabase, type TestDatabase } from '@innspill/core/testing';
import { runCli } from './main.ts';
import type { CliIo } from './cli-context.ts';

/**
 * The CLI against the database the suite runs on: a PGlite data folder, or (db-postgres) a fresh
 * PostgreSQL database through DATABASE_URL.
 */
let dataFolder: string;
let postgres: TestDatabase | undefined;

beforeAll(async () => {
  dataFolder = mkdtempSync(join(tmpdir(), 'innspill-cli-'));
  if (process.env.INNSPILL_TEST_DB === 'postgres') postgres = await createTestDatabase();
});
afterAll(async () => {
  await postgres?.close();
  rmSync(dataFolder, { recursive: true, force: true });
});

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const env: Record<string, string | undefined> = {
    INNSPILL_DATA: dataFolder,
    INNSPILL_PUBLIC_URL: 'https://innspill.example.test',
  };
  if (postgres?.url) env.DATABASE_URL = postgres.url;
  return { stdout, stderr, out: (line) => stdout.push(line), err: (line) => stderr.push(line), env };
}

async function withDb<T>(work: (db: TestDatabase['db']) => Promise<T>): Promise<T> {
  const opened = await openDatabase(
    postgres?.url ? { databaseUrl: postgres.url } : { pgliteDirectory: join(dataFolder, 'db') },
  );
  try {
    return await work(opened.db);
  } finally {
    await opened.close();
  }
}

describe(runCli.name, () => {
  it('prints usage with --help and exits 0; unknown commands exit 2', async () => {
    const io = captureIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/start[\s\S]*migrate[\s\S]*user add[\s\S]*demo load/);
    const bad = captureIo();
    expect(await runCli(['frobnicate'], bad)).toBe(2);
    expect(bad.stderr.join('\n')).toContain('Unknown command "frobnicate"');
  });

  // A fresh PGlite folder (initdb in WASM), all migrations and the whole example: slow on a busy machine.
  it('migrates and loads the example workspace once, idempotently', { timeout: 240_000 }, async () => {
    const io = captureIo();
    expect(await runCli(['migrate'], io)).toBe(0);
    expect(await runCli(['demo', 'load'], io)).toBe(0);
    expect(await runCli(['demo', 'load'], io)).toBe(0);
    expect(io.stdout).toContain('Loaded the example workspace as "uh-digitalisering-2021".');
    expect(io.stdout.at(-1)).toContain('already loaded; nothing changed');
    const list = await withDb((db) => processes.listProcesses(db, systemActor('test')));
    expect(list.filter((p) => p.slug === 'uh-digitalisering-2021')).toHaveLength(1);
  });

  it('adds an administrator and prints a one-time link on the public URL', async () => {
    const io = captureIo();
    expect(
      await runCli(['user', 'add', '--admin', '--email', 'Boss@Example.test', '--name', 'The Boss'], io),
    ).toBe(0);
    expect(io.stdout.join('\n')).toMatch(
      /Created administrator boss@example\.test[\s\S]*https:\/\/innspill\.example\.test\/setup\/[\w-]{40,}/,
    );
  });

  it('rejects bad input with a clear message and writes nothing', async () => {
    const missing = captureIo();
    expect(await runCli(['user', 'add'], missing)).toBe(2);
    expect(missing.stderr.join('\n')).toContain('--email is required');

    const badRole = captureIo();
    expect(
      await runCli(
        ['user', 'add', '--email', 'x@example.test', '--process', 'uh-digitalisering-2021', '--role', 'king'],
        badRole,
      ),
    ).toBe(2);

    const wrongProcess = captureIo();
    expect(
      await runCli(
        ['user', 'add', '--email', 'ghost@example.test', '--process', 'no-such', '--role', 'observer'],
        wrongProcess,
      ),
    ).toBe(1);
    expect(wrongProcess.stderr.join('\n')).toContain('was not found');
    const duplicate = captureIo();
    expect(await runCli(['user', 'add', '--email', 'boss@example.test'], duplicate)).toBe(1);
    expect(duplicate.stderr.join('\n')).toContain('already exists');

    const ghost = captureIo();
    expect(await runCli(['user', 'add', '--email', 'ghost@example.test'], ghost)).toBe(0);

    const badPort = captureIo();
    badPort.env.PORT = 'eighty';
    expect(await runCli(['start'], badPort)).toBe(1);
    expect(badPort.stderr.join('\n')).toMatch(/PORT: must be a whole number \(got "eighty"\)/);
  });

  it('adds a user straight into a process role', async () => {
    const io = captureIo();
    expect(
      await runCli(
        [
          'user',
          'add',
          '--email',
          'member@example.test',
          '--process',
          'uh-digitalisering-2021',
          '--role',
          'secretariat',
        ],
        io,
      ),
    ).toBe(0);
    const members = await withDb((db) =>
      processes.listProcessMembers(db, systemActor('test'), 'uh-digitalisering-2021'),
    );
    expect(members).toEqual([expect.objectContaining({ email: 'member@example.test', role: 'secretariat' })]);
  });
});

describe('configuration errors', () => {
  it('names an unreachable DATABASE_URL without printing its password', async () => {
    const io = captureIo();
    io.env.DATABASE_URL = 'postgres://someone:s3cret@127.0.0.1:1/nothing';
    expect(await runCli(['migrate'], io)).toBe(1);
    const message = io.stderr.join('\n');
    expect(message).toContain('DATABASE_URL: cannot connect to PostgreSQL');
    expect(message).not.toContain('s3cret');
  });

  it('names an unwritable data folder', async () => {
    // Running as root in CI, permissions do not stop us; a path below a regular file does.
    const blocker = join(dataFolder, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const io = captureIo();
    io.env.INNSPILL_DATA = join(blocker, 'data');
    delete io.env.DATABASE_URL;
    expect(await runCli(['migrate'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain(
      `INNSPILL_DATA: the data folder ${join(blocker, 'data')} cannot be created or written (ENOTDIR)`,
    );
  });
});
