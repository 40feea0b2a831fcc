import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, systemActor } from '@innspill/core';
import { buildTestApp, sessionFromResponse, type TestApp } from '../../testing/build-test-app.ts';

let sut: TestApp;
beforeAll(async () => {
  sut = await buildTestApp();
});
afterAll(async () => {
  await sut.close();
});

describe('auth routes', () => {
  it('creates the first administrator through the one-time link, then refuses the link again', async () => {
    const token = await accounts.issueFirstAdminLink(sut.db);
    const status = await sut.app.inject({ method: 'GET', url: `/api/auth/setup-links/${token}` });
    expect(status.json()).toEqual({ isValid: true, purpose: 'first_admin', email: null });

    const created = await sut.app.inject({
      method: 'POST',
      url: '/api/auth/setup',
      payload: { token, name: 'Ada', email: 'ada@example.test', password: 'a good long password' },
    });
    expect(created.statusCode).toBe(200);
    const body = created.json<{ user: { email: string; isInstanceAdmin: boolean } }>();
    expect(body.user).toMatchObject({ email: 'ada@example.test', isInstanceAdmin: true });
    const cookie = created.cookies.find((c) => c.name === 'innspill_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const again = await sut.app.inject({
      method: 'POST',
      url: '/api/auth/setup',
      payload: { token, name: 'Eve', email: 'eve@example.test', password: 'a good long password' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: { code: 'invalid_setup_link' } });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const { user } = await accounts.addUser(sut.db, systemActor('test'), {
      email: 'known@example.test',
      isInstanceAdmin: false,
    });
    expect(user.email).toBe('known@example.test');
    const wrong = await sut.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'known@example.test', password: 'x' },
    });
    const unknown = await sut.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nobody@example.test', password: 'x' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
  });

  it('rejects an invalid body with field errors in the shared error shape', async () => {
    const response = await sut.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 42 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{
      error: { code: string; message: string; fields: Record<string, string> };
    }>();
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields)).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('requires the CSRF token for cookie-authenticated changes', async () => {
    const session = await sut.signInNewUser();
    const withoutToken = await sut.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: session.cookie },
      payload: { currentPassword: 'test password 123', newPassword: 'another password 1' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    const withToken = await sut.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: session.headers,
      payload: { currentPassword: 'test password 123', newPassword: 'another password 1' },
    });
    expect(withToken.statusCode).toBe(204);
  });

  it('revokes the session on sign-out', async () => {
    const session = await sut.signInNewUser();
    const before = await sut.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: session.cookie },
    });
    expect(before.json<{ user: { id: string } }>().user.id).toBe(session.userId);
    const out = await sut.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await sut.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: session.cookie },
    });
    expect(after.json()).toEqual({ user: null, csrfToken: null, memberships: [] });
  });

  it('rate-limits sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await sut.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '10.9.8.7',
        payload: { email: 'someone@example.test', password: 'guess' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('signs in through the setup link of a user added by an administrator', async () => {
    const admin = await sut.signInNewUser({ isInstanceAdmin: true });
    const added = await sut.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin.headers,
      payload: { email: 'invited@example.test', name: 'Invited Person' },
    });
    expect(added.statusCode).toBe(201);
    const token = added.json<{ setupUrl: string }>().setupUrl.split('/setup/')[1];
    const setup = await sut.app.inject({
      method: 'POST',
      url: '/api/auth/setup',
      payload: { token, password: 'invited password 1' },
    });
    expect(setup.statusCode).toBe(200);
    const session = sessionFromResponse(setup, 'unknown', 'invited@example.test');
    const me = await sut.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: session.cookie },
    });
    expect(me.json<{ user: { email: string } }>().user.email).toBe('invited@example.test');

    const nonAdmin = await sut.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: session.headers,
      payload: { email: 'sneaky@example.test' },
    });
    expect(nonAdmin.statusCode).toBe(403);
  });
});
