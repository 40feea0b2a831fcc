import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { backup, openDatabase } from '@innspill/core';
import { projectRoot, startInnspill } from './support/server.ts';

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'innspill-backup-e2e-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function snapshotFolder(dataFolder: string) {
  const opened = await openDatabase({ pgliteDirectory: join(dataFolder, 'db') });
  try {
    const result: Record<string, unknown[]> = {};
    for (const table of await backup.findTablesInDependencyOrder(opened.db)) {
      result[table.name] = await backup.selectTableRowsAsJson(opened.db, table);
    }
    return result;
  } finally {
    await opened.close();
  }
}

describe('innspill backup and restore', () => {
  it('backs up a running PGlite server and restores into an empty data folder with everything equal', async () => {
    const source = join(scratch, 'source');
    const server = await startInnspill({ command: 'bin', dataFolder: source });
    try {
      const token = server.setupLink()!.split('/setup/')[1];
      const setup = await fetch(`${server.url}/api/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          token,
          name: 'Ada',
          email: 'ada@example.test',
          password: 'a very good password',
        }),
      });
      expect(setup.status).toBe(200);

      const backupFile = join(scratch, 'instance.innspill-backup');
      const { stdout } = await run(
        process.execPath,
        ['bin/innspill.mjs', 'backup', '--out', backupFile, '--data', source],
        { cwd: projectRoot },
      );
      expect(stdout).toMatch(/Backup written to .* by the running server \(PID \d+\)/);
      // The server is still serving after the backup.
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

      const target = join(scratch, 'target');
      const restored = await run(
        process.execPath,
        ['bin/innspill.mjs', 'restore', backupFile, '--data', target],
        { cwd: projectRoot },
      );
      expect(restored.stdout).toMatch(/Restored \d+ rows/);

      const again = await run(
        process.execPath,
        ['bin/innspill.mjs', 'restore', backupFile, '--data', target],
        { cwd: projectRoot },
      ).catch((error: { code: number; stderr: string }) => error);
      expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('not empty') });

      await server.stop();
      const [before, after] = [await snapshotFolder(source), await snapshotFolder(target)];
      expect(after).toEqual(before);
      expect(before.users).toHaveLength(1);
      expect(readdirSync(target)).toContain('db');
    } finally {
      await server.stop();
    }
  });
});
