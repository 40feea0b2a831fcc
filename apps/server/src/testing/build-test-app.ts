import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '@innspill/config';
import type { Clock } from '@innspill/core';
import { createTestDatabase, buildUser, type TestDatabase } from '@innspill/core/testing';
import { buildApp } from '../app.ts';
import type { RegisteredRoute } from '../plugins/route-access.ts';
import { sessionCookieName } from '../plugins/authentication.ts';

/** A signed-in browser as far as the API can tell: its cookie and CSRF token. */
export interface TestSession {
  userId: string;
  email: string;
  cookie: string;
  csrfToken: string;
  /** Headers for a request as this user (cookie + CSRF token). */
  headers: Record<string, string>;
}

export interface TestApp {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  database: TestDatabase;
  db: TestDatabase['db'];
  /** Creates a user (optionally admin) and signs them in through the real sign-in route. */
  signInNewUser: (options?: { isInstanceAdmin?: boolean; email?: string }) => Promise<TestSession>;
  close: () => Promise<void>;
}

const testPassword = 'test password 123';

/** A full app on a fresh test database (PGlite or PostgreSQL), for `app.inject` tests. */
export async function buildTestApp(
  options: { clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    INNSPILL_LOG_LEVEL: 'silent',
    INNSPILL_DATA: '/tmp/innspill-test-unused',
    ...options.env,
  });
  const { app, routes } = await buildApp({
    config,
    db: database.db,
    databaseKind: database.kind,
    version: 'test',
    cookieSecret: 'test-cookie-secret-that-is-long-enough',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const signInNewUser = async (userOptions: { isInstanceAdmin?: boolean; email?: string } = {}) => {
    const { user } = await buildUser(database.db, { password: testPassword, ...userOptions });
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: user.email, password: testPassword },
    });
    if (response.statusCode !== 200) {
      throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    }
    return sessionFromResponse(response, user.id, user.email);
  };
  return {
    app,
    routes,
    database,
    db: database.db,
    signInNewUser,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Reads the session cookie and CSRF token from a sign-in or setup response. */
export function sessionFromResponse(
  response: LightMyRequestResponse,
  userId: string,
  email: string,
): TestSession {
  const cookie = response.cookies.find((c) => c.name === sessionCookieName);
  if (!cookie) throw new Error('no session cookie in response');
  const body = response.json<{ csrfToken: string }>();
  const cookieHeader = `${sessionCookieName}=${cookie.value}`;
  return {
    userId,
    email,
    cookie: cookieHeader,
    csrfToken: body.csrfToken,
    headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken },
  };
}
