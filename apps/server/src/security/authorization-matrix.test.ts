import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responses } from '@innspill/core';
import {
  buildMatrixFixture,
  matrixRoles,
  type MatrixFixture,
  type MatrixRole,
} from './authorization-fixture.ts';
import { authorizationMatrix } from './authorization-matrix.ts';

let fixture: MatrixFixture;

beforeAll(async () => {
  fixture = await buildMatrixFixture();
}, 120_000);
afterAll(async () => fixture?.close());

const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;
const deniedStatuses = new Set([401, 403, 404]);

/** Each role calls from its own address, so per-route rate limits never mix roles up. */
const remoteAddressOf = (role: MatrixRole) => `10.66.0.${matrixRoles.indexOf(role) + 1}`;

function roleHeaders(role: MatrixRole): Record<string, string> {
  return fixture.sessions[role]?.headers ?? {};
}

describe('authorisation matrix', () => {
  it('has exactly one entry per registered /api route', () => {
    const registered = new Set(fixture.testApp.routes.map(routeKey));
    const missing = [...registered].filter((key) => !(key in authorizationMatrix));
    const stale = Object.keys(authorizationMatrix).filter((key) => !registered.has(key));
    expect(missing, 'routes without a matrix entry (add one to authorization-matrix.ts)').toEqual([]);
    expect(stale, 'matrix entries without a route').toEqual([]);
    expect(fixture.testApp.routes.length).toBe(registered.size);
  });

  it('allows exactly the expected roles on every route (allowed ⇔ 2xx, denied ⇔ 401/403/404; anonymous 401)', async () => {
    const failures: string[] = [];
    let allowedCount = 0;
    let deniedCount = 0;
    const routes = fixture.testApp.routes.filter((route) => routeKey(route) in authorizationMatrix);
    for (const route of routes) {
      const key = routeKey(route);
      const entry = authorizationMatrix[key]!;
      for (const role of matrixRoles) {
        const isAllowed = entry.allowed.includes(role);
        let request;
        try {
          request = await entry.request(fixture, role);
        } catch (error) {
          failures.push(`${key} as ${role}: the request factory failed: ${String(error)}`);
          continue;
        }
        const response = await fixture.testApp.app.inject({
          method: route.method as 'GET',
          url: request.url,
          remoteAddress: remoteAddressOf(role),
          headers: { ...roleHeaders(role), ...request.headers },
          ...(request.payload === undefined ? {} : { payload: request.payload as string }),
        });
        const status = response.statusCode;
        const isSuccess = status >= 200 && status < 300;
        if (isAllowed) allowedCount += 1;
        else deniedCount += 1;
        if (isAllowed && !isSuccess) {
          failures.push(`${key} as ${role}: expected 2xx, got ${status} ${response.body.slice(0, 300)}`);
        } else if (!isAllowed && !deniedStatuses.has(status)) {
          failures.push(
            `${key} as ${role}: expected 401/403/404, got ${status} ${response.body.slice(0, 300)}`,
          );
        } else if (!isAllowed && role === 'anonymous' && status !== 401) {
          // Not signed in is told to sign in, not that its role is not enough.
          failures.push(`${key} as anonymous: expected 401, got ${status} ${response.body.slice(0, 300)}`);
        }
      }
    }
    console.log(
      `authorisation matrix: ${routes.length} routes × ${matrixRoles.length} roles = ${
        routes.length * matrixRoles.length
      } requests (${allowedCount} allowed, ${deniedCount} denied)`,
    );
    expect(failures).toEqual([]);
  }, 600_000);
});

describe('respondent links', () => {
  const randomToken = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

  it("never lets a link holder (or a guessed token) read or change another respondent's response", async () => {
    const victim = await fixture.startPublicDraft({ submitterEmail: 'victim@example.test' });
    const victimSecret = 'Offer-svar som ingen andre skal se';
    await fixture.testApp.app.inject({
      method: 'PUT',
      url: `/api/public/responses/${victim.token}`,
      remoteAddress: '10.66.1.1',
      payload: { answers: [{ questionId: fixture.publicRound.requiredQuestionId, text: victimSecret }] },
    });
    const { token: invitedToken } = await fixture.inviteNewActor();
    const attachment = await responses.addAttachment(fixture.respondentDeps, victim.token, {
      fileName: 'offer.txt',
      bytes: new TextEncoder().encode('Vedlegg fra offeret.\n'),
    });
    const before = await fixture.testApp.app.inject({
      method: 'GET',
      url: `/api/public/responses/${victim.token}`,
      remoteAddress: '10.66.1.1',
    });
    expect(before.body).toContain(victimSecret);

    const foreign = fixture.foreignLink.token;
    const attempts: { method: 'GET' | 'PUT' | 'POST' | 'DELETE'; url: string; payload?: unknown }[] = [];
    for (const token of [
      randomToken(),
      `${victim.token[0] === 'A' ? 'B' : 'A'}${victim.token.slice(1)}`,
      victim.submissionId.padEnd(43, '0'),
    ]) {
      attempts.push(
        { method: 'GET', url: `/api/public/responses/${token}` },
        { method: 'PUT', url: `/api/public/responses/${token}`, payload: { organisationName: 'Kapret' } },
        { method: 'POST', url: `/api/public/responses/${token}/submit`, payload: {} },
        { method: 'POST', url: `/api/public/responses/${token}/withdraw` },
        { method: 'DELETE', url: `/api/public/responses/${token}/attachments/${attachment.id}` },
      );
    }
    // The foreign-link holder's own valid token cannot reach the victim's submission by id.
    attempts.push({ method: 'DELETE', url: `/api/public/responses/${foreign}/attachments/${attachment.id}` });
    for (const attempt of attempts) {
      const response = await fixture.testApp.app.inject({
        method: attempt.method,
        url: attempt.url,
        remoteAddress: '10.66.1.2',
        ...(attempt.payload === undefined ? {} : { payload: attempt.payload as string }),
      });
      expect(response.statusCode, `${attempt.method} ${attempt.url}: ${response.body}`).toBe(404);
      expect(response.body).not.toContain(victimSecret);
      expect(response.body).not.toContain('victim@example.test');
    }
    const foreignView = await fixture.testApp.app.inject({
      method: 'GET',
      url: `/api/public/responses/${foreign}`,
      remoteAddress: '10.66.1.2',
    });
    expect(foreignView.statusCode).toBe(200);
    expect(foreignView.body).not.toContain(victimSecret);
    expect(foreignView.body).not.toContain('victim@example.test');

    // An invitation link is also only its own organisation's: it shows no other answer.
    const invitedView = await fixture.testApp.app.inject({
      method: 'GET',
      url: `/api/public/responses/${invitedToken}`,
      remoteAddress: '10.66.1.2',
    });
    expect(invitedView.statusCode).toBe(200);
    expect(invitedView.body).not.toContain(victimSecret);

    // The victim's response is untouched.
    const after = await fixture.testApp.app.inject({
      method: 'GET',
      url: `/api/public/responses/${victim.token}`,
      remoteAddress: '10.66.1.1',
    });
    expect(after.body).toContain(victimSecret);
    expect(after.body).not.toContain('Kapret');
    expect(after.json<{ status: string; attachments: { id: string }[] }>()).toMatchObject({
      status: 'draft',
      attachments: [{ id: attachment.id }],
    });
  });
});

describe('personal data of respondents', () => {
  it('shows submitter names and emails to the secretariat only, in submissions and participation', async () => {
    const name = `Privatperson ${fixture.unique()}`;
    const email = `privat-${fixture.unique()}@example.test`;
    const { token } = await fixture.startPublicDraft({ submitterEmail: email });
    const saved = await fixture.testApp.app.inject({
      method: 'POST',
      url: `/api/public/responses/${token}/submit`,
      remoteAddress: '10.66.1.3',
      payload: { submitterName: name, submitterEmail: email, organisationName: null },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const base = `/api/processes/${fixture.slug}/rounds/${fixture.publicRound.number}`;
    for (const role of ['observer', 'reviewer', 'working_group', 'secretariat', 'owner'] as const) {
      const maySee = role === 'secretariat' || role === 'owner';
      for (const path of ['submissions', 'participation', 'participation.csv']) {
        const response = await fixture.testApp.app.inject({
          method: 'GET',
          url: `${base}/${path}`,
          headers: roleHeaders(role),
        });
        expect(response.statusCode).toBe(200);
        const what = `${role} GET ${path}`;
        if (path === 'submissions') expect(response.body.includes(email), what).toBe(maySee);
        else expect(response.body, what).not.toContain(email);
        if (maySee) expect(response.body, what).toContain(name);
        else expect(response.body, what).not.toContain(name);
      }
    }
  });
});
