import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { responses, systemClock } from '@innspill/core';
import { buildCanvas, buildProcess, buildRound, buildUser, createTestDatabase } from '@innspill/core/testing';
import { buildApp } from '../app.ts';
import { loadConfig } from '@innspill/config';
import { sessionCookieName } from '../plugins/authentication.ts';
import { buildTestApp, type TestApp, type TestSession } from '../testing/build-test-app.ts';

let sut: TestApp;
let slug: string;
let admin: TestSession;
let roundId: string;
let questionId: string;
let draftToken: string;
let fuzzCases = 0;
let addressCounter = 0;
/** A new client address per request, so the per-IP rate limits never hide what a body does. */
const nextAddress = () => {
  addressCounter += 1;
  return `10.77.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
};
const runs = (numRuns: number) => {
  fuzzCases += numRuns;
  return { numRuns };
};

beforeAll(async () => {
  sut = await buildTestApp({ env: { INNSPILL_DATA: mkdtempSync(join(tmpdir(), 'innspill-hostile-')) } });
  const strategyProcess = await buildProcess(sut.db);
  slug = strategyProcess.slug;
  await buildCanvas(sut.db, { processId: strategyProcess.id });
  admin = await sut.signInNewUser({ isInstanceAdmin: true });
  const { round, questions } = await buildRound(sut.db, { processId: strategyProcess.id, number: 3 });
  roundId = round.id;
  questionId = questions[0]!.id;
  const started = await responses.startResponse(
    {
      db: sut.db,
      clock: systemClock,
      publicUrl: 'http://localhost:3000',
    },
    round.id,
    { answers: [{ questionId, text: 'Et utkast.' }] },
  );
  draftToken = started.token!;
}, 120_000);

afterAll(async () => {
  console.log(`hostile-input fuzz: ${fuzzCases} cases`);
  await sut?.close();
});

function expectErrorShape(body: string, code?: string) {
  const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof parsed.error?.code).toBe('string');
  expect(typeof parsed.error?.message).toBe('string');
  if (code) expect(parsed.error?.code).toBe(code);
}

describe('request bodies', () => {
  it('refuses a JSON body over 1 MiB with 413 and the error shape', async () => {
    for (const [method, url] of [
      ['POST', '/api/auth/sign-in'],
      ['PUT', `/api/public/responses/${draftToken}`],
      ['POST', `/api/public/rounds/${roundId}/responses`],
    ] as const) {
      const response = await sut.app.inject({
        method,
        url,
        remoteAddress: nextAddress(),
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ answers: [{ questionId, text: 'x'.repeat(1024 * 1024 + 10) }] }),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(413);
      expectErrorShape(response.body, 'payload_too_large');
    }
  });

  it('refuses a body that is not JSON with 415 and the error shape', async () => {
    for (const contentType of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      const response = await sut.app.inject({
        method: 'PUT',
        url: `/api/public/responses/${draftToken}`,
        remoteAddress: nextAddress(),
        headers: { 'content-type': contentType },
        payload: 'answers=1',
      });
      expect(response.statusCode, contentType).toBe(415);
      expectErrorShape(response.body, 'unsupported_media_type');
    }
  });

  it('answers NUL characters in JSON strings with 4xx, not 500 (the database cannot store them)', async () => {
    for (const [method, url, payload] of [
      ['PUT', `/api/public/responses/${draftToken}`, { answers: [{ questionId, text: 'før\u0000etter' }] }],
      ['PUT', `/api/public/responses/${draftToken}`, { submitterName: '\u0000' }],
      ['POST', `/api/public/rounds/${roundId}/responses`, { organisationName: 'a\u0000b' }],
      ['POST', '/api/auth/sign-in', { email: 'x\u0000@example.test', password: 'a\u0000' }],
      ['PUT', `/api/processes/${slug}/strategy/goals-lead`, { lead: 'ingress\u0000' }],
    ] as const) {
      const response = await sut.app.inject({
        method,
        url,
        remoteAddress: nextAddress(),
        headers: url.startsWith('/api/processes') ? admin.headers : {},
        payload,
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(500);
      expectErrorShape(response.body);
    }
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: nextAddress(),
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", "password": ',
    });
    expect(response.statusCode).toBe(400);
    expectErrorShape(response.body);
  });
});

describe('path parameters', () => {
  const hostileValues = [
    '..%2F..%2F..%2Fetc%2Fpasswd',
    '..%5C..%5C..%5Cwindows%5Cwin.ini',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..',
    '%00',
    "1'%20OR%20'1'%3D'1",
    '%E2%80%AE%F0%9F%92%A5'.repeat(3),
    'x'.repeat(500),
  ];

  it('answers traversal and junk in every id parameter of every route with 4xx, never 500', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const route of sut.routes.filter((entry) => entry.url.includes(':'))) {
      const params = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
      for (const param of params) {
        for (const value of hostileValues) {
          const url = route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
            if (name === param) return value;
            if (name === 'slug') return slug;
            if (name === 'number') return '1';
            return '00000000-0000-4000-8000-000000000000';
          });
          const response = await sut.app.inject({
            method: route.method as 'GET',
            url,
            remoteAddress: nextAddress(),
            headers: admin.headers,
          });
          checked += 1;
          // The setup-link status route answers any token with "not valid" (by design, no 404 oracle).
          const isStatusAnswer =
            route.url.startsWith('/api/auth/setup-links/') && response.body.includes('"isValid":false');
          if (isStatusAnswer) continue;
          if (response.statusCode >= 500 || response.statusCode < 400) {
            problems.push(`${route.method} ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
          } else if (!response.headers['content-type']?.toString().includes('json')) {
            problems.push(`${route.method} ${url}: ${response.statusCode} without a JSON error body`);
          }
          expect(response.body).not.toContain('root:');
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  }, 300_000);
});

describe('fuzzed request bodies', () => {
  const respondentKeys = [
    'answers',
    'submitterName',
    'submitterEmail',
    'organisationName',
    'declaredActorType',
    'publicationConsent',
    'shouldSubmit',
    'idempotencyKey',
    'linkToken',
  ];
  const answerLike = fc.record(
    {
      questionId: fc.oneof(fc.constant(questionId), fc.uuid(), fc.string()),
      text: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constant(null), fc.jsonValue()),
      value: fc.jsonValue(),
    },
    { requiredKeys: [] },
  );
  const respondentBody = fc.oneof(
    fc.jsonValue(),
    fc.dictionary(
      fc.constantFrom(...respondentKeys),
      fc.oneof(fc.jsonValue(), fc.array(answerLike, { maxLength: 3 })),
    ),
    fc.record({ answers: fc.array(answerLike, { maxLength: 5 }) }),
  );

  /** 2xx for a body that happens to be valid; otherwise 4xx with the error shape (400 lists fields). */
  function expectHandled(response: { statusCode: number; body: string }, what: string) {
    expect(response.statusCode, `${what}: ${response.body}`).toBeLessThan(500);
    if (response.statusCode >= 400) {
      expectErrorShape(response.body);
      const parsed = JSON.parse(response.body) as {
        error: { code: string; fields?: Record<string, string> };
      };
      if (parsed.error.code === 'validation_failed') {
        expect(Object.keys(parsed.error.fields ?? {})).not.toEqual([]);
      }
    }
  }

  it('answers random bodies to PUT /api/public/responses/:token with 2xx or 4xx field errors, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(respondentBody, async (body) => {
        const response = await sut.app.inject({
          method: 'PUT',
          url: `/api/public/responses/${draftToken}`,
          remoteAddress: nextAddress(),
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expectHandled(response, JSON.stringify(body).slice(0, 200));
      }),
      runs(200),
    );
  }, 300_000);

  it('answers random bodies to POST /api/public/rounds/:roundId/responses without 500', async () => {
    await fc.assert(
      fc.asyncProperty(respondentBody, async (body) => {
        const response = await sut.app.inject({
          method: 'POST',
          url: `/api/public/rounds/${roundId}/responses`,
          remoteAddress: nextAddress(),
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expectHandled(response, JSON.stringify(body).slice(0, 200));
      }),
      runs(100),
    );
  }, 300_000);

  it('answers random sign-in and setup bodies with 400/401, never 500', async () => {
    const authBody = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          email: fc.oneof(fc.emailAddress(), fc.string(), fc.jsonValue()),
          password: fc.oneof(fc.string(), fc.jsonValue()),
        },
        { requiredKeys: [] },
      ),
      fc.record(
        {
          token: fc.oneof(fc.string({ minLength: 10, maxLength: 60 }), fc.jsonValue()),
          password: fc.oneof(fc.string(), fc.jsonValue()),
          email: fc.oneof(fc.emailAddress(), fc.string()),
          name: fc.string(),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        authBody,
        fc.constantFrom('/api/auth/sign-in', '/api/auth/setup'),
        async (body, url) => {
          const response = await sut.app.inject({
            method: 'POST',
            url,
            remoteAddress: nextAddress(),
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(body),
          });
          expect([400, 401, 404, 409], `${url} ${JSON.stringify(body)}: ${response.body}`).toContain(
            response.statusCode,
          );
          expectErrorShape(response.body);
        },
      ),
      runs(80),
    );
  }, 300_000);
});

describe('rate limits', () => {
  it('answers a flood of public submissions from one address with 429 and the error shape', async () => {
    const statuses: number[] = [];
    let last = '';
    for (let attempt = 0; attempt < 62; attempt += 1) {
      const response = await sut.app.inject({
        method: 'POST',
        url: `/api/public/rounds/${roundId}/responses`,
        remoteAddress: '10.78.0.1',
        payload: { answers: [{ questionId, text: 'Flom' }] },
      });
      statuses.push(response.statusCode);
      last = response.body;
    }
    expect(statuses.slice(0, 60).every((status) => status === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expectErrorShape(last, 'rate_limited');
  }, 120_000);
});

describe('cookies and headers', () => {
  async function signInOn(testApp: TestApp) {
    const password = 'a long test password 1';
    const { user } = await buildUser(testApp.db, { password });
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: nextAddress(),
      payload: { email: user.email, password },
    });
    expect(response.statusCode).toBe(200);
    return response;
  }

  it('sets the session cookie httpOnly and SameSite=Lax, without Secure over http', async () => {
    const response = await signInOn(sut);
    const cookie = response.cookies.find((entry) => entry.name === sessionCookieName)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('marks the cookie Secure and sends HSTS when the public URL is https', async () => {
    const secure = await buildTestApp({ env: { INNSPILL_PUBLIC_URL: 'https://innspill.example.no' } });
    try {
      const response = await signInOn(secure);
      const cookie = response.cookies.find((entry) => entry.name === sessionCookieName)!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      const signOut = await secure.app.inject({ method: 'POST', url: '/api/auth/sign-out' });
      const cleared = signOut.cookies.find((entry) => entry.name === sessionCookieName)!;
      expect(cleared).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true });
    } finally {
      await secure.close();
    }
  });

  it('sends the strict security headers on HTML pages of the web app too', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'innspill-web-'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><html><body><div id="root"></div></body></html>',
    );
    const database = await createTestDatabase();
    const { app } = await buildApp({
      config: loadConfig({
        INNSPILL_LOG_LEVEL: 'silent',
        INNSPILL_DATA: mkdtempSync(join(tmpdir(), 'innspill-web-data-')),
      }),
      db: database.db,
      databaseKind: database.kind,
      version: 'test',
      cookieSecret: 'test-cookie-secret-that-is-long-enough',
      webRoot,
    });
    try {
      for (const url of ['/', '/p/uh-digitalisering-2021/strategy', '/r/some-round']) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(200);
        expect(response.headers['content-type']).toContain('text/html');
        const csp = String(response.headers['content-security-policy']);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain('unsafe-inline');
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['x-frame-options']).toBeDefined();
        expect(response.headers['referrer-policy']).toBeDefined();
      }
    } finally {
      await app.close();
      await database.close();
    }
  });
});
