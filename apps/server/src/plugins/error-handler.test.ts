import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import * as core from '@innspill/core';
import { registerErrorHandler, statusForError, statusForKind } from './error-handler.ts';

/**
 * The status every domain error code was answered with when the status came from a code → status
 * table (issue 13 replaced it with each error's kind). A code keeps its status: clients and the
 * web app depend on it. New codes need no entry here; their kind is required where they are defined.
 */
const statusByCodeBeforeKinds: Record<string, number> = {
  answered_question_changed: 409,
  body_in_involvement_log: 409,
  body_name_taken: 409,
  canvas_locked: 409,
  conflict: 409,
  csrf_failed: 403,
  data_folder_locked: 400,
  database_unavailable: 503,
  email_taken: 409,
  empty_file: 400,
  forbidden: 403,
  headline_exists: 409,
  import_failed: 422,
  invalid_backup: 400,
  invalid_configuration: 400,
  invalid_credentials: 401,
  invalid_document: 400,
  invalid_section: 400,
  invalid_setup_link: 400,
  invalid_transition: 400,
  not_found: 404,
  not_submitted: 409,
  organisation_number_taken: 409,
  payload_too_large: 413,
  question_has_answers: 409,
  required_answers_missing: 422,
  restore_target_not_empty: 400,
  round_closed: 409,
  round_in_use: 409,
  round_not_open: 409,
  round_number_taken: 409,
  slug_taken: 409,
  submission_withdrawn: 409,
  too_many_attachments: 409,
  unauthenticated: 401,
  unsafe_archive: 422,
  unsupported_file_type: 415,
  unsupported_media_type: 415,
  validation_failed: 400,
  weak_password: 400,
};

type ErrorClass = new (...args: unknown[]) => core.DomainError;

/** Every `DomainError` subclass core exports, top level and per module. */
function exportedErrorClasses(): ErrorClass[] {
  const classes = new Set<ErrorClass>();
  const visit = (exports: Record<string, unknown>) => {
    for (const value of Object.values(exports)) {
      if (typeof value === 'function' && value.prototype instanceof core.DomainError) {
        classes.add(value as ErrorClass);
      } else if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const inner of Object.values(value)) {
          if (typeof inner === 'function' && inner.prototype instanceof core.DomainError) {
            classes.add(inner as ErrorClass);
          }
        }
      }
    }
  };
  visit(core as unknown as Record<string, unknown>);
  return [...classes];
}

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** Codes thrown inline as `new ConflictError('code', …)` (use-cases with a one-off conflict). */
function inlineConflictCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(join(repositoryRoot, 'packages/core/src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/new ConflictError\(\s*'([a-z_]+)'/g)) {
      codes.add(match[1]!);
    }
  }
  return [...codes];
}

describe(statusForKind.name, () => {
  it('keeps the status every domain error class of core had', () => {
    const seen = new Map<string, number>();
    for (const ErrorClass of exportedErrorClasses()) {
      if (ErrorClass === core.ConflictError) continue;
      const error = new ErrorClass('x', 'y');
      seen.set(error.code, statusForError(error));
    }
    expect(seen.size).toBeGreaterThan(25);
    for (const [code, status] of seen) {
      if (code in statusByCodeBeforeKinds) {
        expect({ code, status }).toEqual({ code, status: statusByCodeBeforeKinds[code] });
      }
    }
  });

  it('answers the conflicts use-cases throw inline with 409, as before', () => {
    const codes = inlineConflictCodes();
    expect(codes).toEqual(
      expect.arrayContaining([
        'round_in_use',
        'question_has_answers',
        'not_submitted',
        'too_many_attachments',
        'body_in_involvement_log',
      ]),
    );
    for (const code of codes) {
      const status = statusForError(new core.ConflictError(code, 'Conflict.'));
      expect({ code, status }).toEqual({ code, status: statusByCodeBeforeKinds[code] ?? 409 });
    }
  });

  it('still finds every code of the old table in an exported class or an inline conflict', () => {
    const found = new Set([
      ...exportedErrorClasses()
        .filter((ErrorClass) => ErrorClass !== core.ConflictError)
        .map((ErrorClass) => new ErrorClass('x', 'y').code),
      ...inlineConflictCodes(),
      // Defined inside the server: the CSRF check (authentication.ts) and multipart uploads (read-uploaded-files.ts).
      'csrf_failed',
      'unsupported_media_type',
    ]);
    expect(Object.keys(statusByCodeBeforeKinds).filter((code) => !found.has(code))).toEqual([]);
  });

  it('answers a domain error with the status of its kind and its code', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.get('/closed', async () => {
      throw new core.rounds.RoundClosedError();
    });
    app.get('/weak', async () => {
      throw new core.accounts.WeakPasswordError('Too short.');
    });
    app.get('/down', async () => {
      throw new core.DatabaseUnavailableError('The database is down.');
    });
    const closed = await app.inject({ url: '/closed' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('round_closed');
    const weak = await app.inject({ url: '/weak' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error).toMatchObject({ code: 'weak_password', fields: { password: 'Too short.' } });
    expect((await app.inject({ url: '/down' })).statusCode).toBe(503);
    await app.close();
  });
});
