import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { backup, DomainError, systemActor, type Database, type DatabaseKind } from '@innspill/core';

/** Where a running PGlite server listens for operator commands from the CLI (`innspill backup`). */
export function controlSocketPath(dataFolder: string): string {
  return join(dataFolder, 'control.sock');
}

export interface ControlRequest {
  command: 'backup';
  outPath: string;
}

export type ControlResponse = { ok: true; summary: backup.BackupSummary } | { ok: false; error: string };

/**
 * PGlite is single-process: while the server runs, nobody else may open its data folder. The CLI
 * therefore asks the server itself to make the backup, over a Unix socket inside the data folder
 * that only the folder's owner can open (mode 0600). Only a fixed set of commands is accepted.
 */
export async function startControlSocket(options: {
  dataFolder: string;
  db: Database;
  databaseKind: DatabaseKind;
  filesFolder: string;
}): Promise<{ close: () => Promise<void> }> {
  const path = controlSocketPath(options.dataFolder);
  rmSync(path, { force: true });
  const server: Server = createServer((socket) => {
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      if (buffer.length > 64 * 1024) socket.destroy();
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      const line = buffer.slice(0, newline);
      buffer = '';
      void handle(line).then((response) => socket.end(`${JSON.stringify(response)}\n`));
    });
    socket.on('error', () => undefined);
  });
  async function handle(line: string): Promise<ControlResponse> {
    try {
      const request = JSON.parse(line) as Partial<ControlRequest>;
      if (request.command !== 'backup' || typeof request.outPath !== 'string') {
        return { ok: false, error: 'Unknown command.' };
      }
      const summary = await backup.createBackup(options.db, systemActor('cli backup via control socket'), {
        outPath: request.outPath,
        filesFolder: options.filesFolder,
        databaseKind: options.databaseKind,
      });
      return { ok: true, summary };
    } catch (error) {
      return {
        ok: false,
        error: error instanceof DomainError ? error.message : `Backup failed: ${(error as Error).message}`,
      };
    }
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          rmSync(path, { force: true });
          resolve();
        });
      }),
  };
}

/** The CLI side: sends one command to a running server and returns its answer. */
export async function sendControlRequest(
  dataFolder: string,
  request: ControlRequest,
): Promise<ControlResponse> {
  const { connect } = await import('node:net');
  return new Promise((resolve, reject) => {
    const socket = connect(controlSocketPath(dataFolder));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => {
      try {
        resolve(JSON.parse(answer) as ControlResponse);
      } catch {
        reject(new Error('The running server gave no answer.'));
      }
    });
    socket.on('error', reject);
  });
}
