import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@innspill/core/testing';
import { buildApp } from '../app.ts';
import { loadConfig } from '@innspill/config';
import { plainFormPathFor, withNoscriptLink } from './spa-fallback.ts';

const roundId = '0b4f9c2e-1111-4222-8333-444455556666';

describe(withNoscriptLink.name, () => {
  it('maps only the respondent paths of the SPA to their plain pages', () => {
    expect(plainFormPathFor('/r/0b4f9c2e-1111-4222-8333-444455556666?lang=en')).toBe(
      '/svar/r/0b4f9c2e-1111-4222-8333-444455556666',
    );
    expect(plainFormPathFor('/i/abcdefghijklmnopqrstuvwxyz_-0123')).toBe(
      '/svar/i/abcdefghijklmnopqrstuvwxyz_-0123',
    );
    expect(plainFormPathFor('/i/"><script>')).toBeUndefined();
    expect(plainFormPathFor('/p/some-process/rounds')).toBeUndefined();
  });

  it('serves the SPA for /r/ and /i/ with a <noscript> link to the plain form, and no script added', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'innspill-web-noscript-'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><html lang="nb"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
    );
    const database = await createTestDatabase();
    const { app } = await buildApp({
      config: loadConfig({
        INNSPILL_LOG_LEVEL: 'silent',
        INNSPILL_DATA: mkdtempSync(join(tmpdir(), 'innspill-noscript-data-')),
      }),
      db: database.db,
      databaseKind: database.kind,
      version: 'test',
      cookieSecret: 'test-cookie-secret-that-is-long-enough',
      webRoot,
    });
    try {
      const roundPage = await app.inject({ method: 'GET', url: `/r/${roundId}` });
      expect(roundPage.statusCode).toBe(200);
      expect(roundPage.body).toContain(
        `<noscript><div class="noscript-fallback"><p>Denne siden trenger JavaScript. <a href="/svar/r/${roundId}">`,
      );
      expect(roundPage.body).toContain('<div id="root"></div>');
      expect(roundPage.body.match(/<script/g)).toHaveLength(1);
      const token = 'a'.repeat(43);
      const linkPage = await app.inject({ method: 'GET', url: `/i/${token}` });
      expect(linkPage.body).toContain(`<a href="/svar/i/${token}?lang=en">`);
      const other = await app.inject({ method: 'GET', url: '/p/some-process' });
      expect(other.statusCode).toBe(200);
      expect(other.body).not.toContain('<noscript>');
    } finally {
      await app.close();
      await database.close();
    }
  });
});
