import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A free TCP port on localhost. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface StartedServer {
  url: string;
  port: number;
  dataFolder: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  /** The one-time first-administrator link printed at the first start, if any. */
  setupLink: () => string | undefined;
  stop: () => Promise<void>;
}

/**
 * Starts Innspill the way a user does (`npm start`, or `node bin/innspill.mjs start`) on a temporary
 * data folder and a free port, and waits until `/api/health` answers.
 */
export async function startInnspill(
  options: {
    command?: 'npm-start' | 'bin';
    env?: Record<string, string>;
    dataFolder?: string;
    /** Extra Node options for the server process (`bin` only), e.g. `--cpu-prof`. */
    nodeArgs?: string[];
  } = {},
): Promise<StartedServer> {
  const port = await findFreePort();
  const dataFolder = options.dataFolder ?? mkdtempSync(join(tmpdir(), 'innspill-e2e-'));
  const ownsFolder = options.dataFolder === undefined;
  const [command, args] =
    options.command === 'npm-start'
      ? ['npm', ['start', '--silent']]
      : [process.execPath, [...(options.nodeArgs ?? []), 'bin/innspill.mjs', 'start']];
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    INNSPILL_DATA: dataFolder,
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.env?.DATABASE_URL) env.DATABASE_URL = options.env.DATABASE_URL;
  const child = spawn(command, args, {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Innspill exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`Innspill did not answer /api/health within 120 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    port,
    dataFolder,
    child,
    output: () => output,
    setupLink: () => /(http:\/\/\S+\/setup\/[\w-]+)/.exec(output)?.[1],
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        process.kill(-child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      }
      if (ownsFolder) rmSync(dataFolder, { recursive: true, force: true });
    },
  };
}
