import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PublicRound } from '@innspill/contracts';
import { ApiError } from './api-client.ts';
import { translate } from '../i18n/i18n.tsx';
import { secretariatErrorMessage } from '../features/rounds/secretariat-errors.ts';
import { localiseRespondentError } from '../features/rounds/form-errors.ts';

// jsdom gives modules an http URL, so the sources are found from the repository root (where Vitest runs).
const root = process.cwd();

/** Codes only the command line meets (its messages are the server's English, by design). */
const commandLineOnlyCodes = new Set([
  'data_folder_locked',
  'invalid_backup',
  'invalid_configuration',
  'invalid_document',
  'restore_target_not_empty',
]);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** The kinds a domain error can have (`DomainErrorKind` in core), read from their definition. */
function domainErrorKinds(): string[] {
  const text = readFileSync(join(root, 'packages/core/src/shared/domain-error.ts'), 'utf8');
  const union = /export type DomainErrorKind =([^;]+);/.exec(text)?.[1] ?? '';
  return [...union.matchAll(/\| '([a-z_]+)'/g)].map((match) => match[1]!);
}

/**
 * Every error code the server can answer with: the domain errors of core and the error handler's
 * own. A domain error is written `super(kind, code, …)` / `new DomainError(kind, code, …)`, or,
 * for a conflict, `super(code, …)` in a `ConflictError` subclass / `new ConflictError(code, …)`.
 */
function serverErrorCodes(): Set<string> {
  const kinds = domainErrorKinds();
  expect(kinds.length).toBeGreaterThan(5);
  const optionalKind = `(?:'(?:${kinds.join('|')})',\\s*)?`;
  const thrown = new RegExp(`(?:super|ConflictError|DomainError)\\(\\s*${optionalKind}'([a-z_]+)'`, 'g');
  const codes = new Set<string>();
  for (const file of [
    ...sourceFiles(join(root, 'packages/core/src')),
    ...sourceFiles(join(root, 'apps/server/src')),
  ]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(thrown)) codes.add(match[1]!);
  }
  const handler = readFileSync(join(root, 'apps/server/src/plugins/error-handler.ts'), 'utf8');
  for (const match of handler.matchAll(/code: '([a-z_]+)'/g)) codes.add(match[1]!);
  return codes;
}

const round = { id: 'r1', questions: [] } as unknown as PublicRound;

describe('error codes in the web app', () => {
  it('has a message of its own in bokmål and English for every code the server can send to a page', () => {
    const codes = [...serverErrorCodes()].filter((code) => !commandLineOnlyCodes.has(code));
    expect(codes.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const code of codes) {
      for (const locale of ['nb', 'en'] as const) {
        const t = (key: string, values?: Record<string, string | number>) => translate(locale, key, values);
        const error = new ApiError(409, { error: { code, message: 'English prose from the server.' } });
        const forStaff = secretariatErrorMessage(error, t);
        const forRespondent = localiseRespondentError(error, round, t).message;
        const isStaffKnown = forStaff !== t('apiError.unknown', { code });
        const isRespondentKnown = forRespondent !== t('app.error.generic');
        if (!isStaffKnown && !isRespondentKnown) missing.push(`${code} (${locale})`);
        expect(forStaff).not.toContain('English prose');
      }
    }
    expect(missing, 'add a catalogue message (lib/api-error-messages.ts or a feature map)').toEqual([]);
  });
});
