import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  accounts,
  anonymousActor,
  DomainError,
  secretsEqual,
  type Actor,
  type Database,
} from '@innspill/core';

export const sessionCookieName = 'innspill_session';

export interface RequestSession {
  token: string;
  sessionId: string;
  csrfToken: string;
  user: accounts.SessionUser;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    session: RequestSession | undefined;
  }
}

class CsrfError extends DomainError {
  constructor() {
    super(
      'forbidden',
      'csrf_failed',
      'The request is missing a valid CSRF token. Reload the page and try again.',
    );
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie into `request.actor` for every request, and enforces CSRF
 * protection on cookie-authenticated changes: the `x-csrf-token` header must match the token
 * stored with the session (given to the web app by `GET /api/auth/session`).
 */
export function registerAuthentication(app: FastifyInstance, db: Database): void {
  // Decorated with null first (Fastify's advice for reference types); the hook below always sets both.
  const decorate = app.decorateRequest.bind(app) as (name: string, value: null) => void;
  decorate('actor', null);
  decorate('session', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.actor = anonymousActor;
    request.session = undefined;
    const raw = request.cookies[sessionCookieName];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    const resolved = await accounts.resolveSession(db, unsigned.value);
    if (!resolved) return;
    request.session = { token: unsigned.value, ...resolved };
    request.actor = {
      kind: 'user',
      userId: resolved.user.id,
      isInstanceAdmin: resolved.user.isInstanceAdmin,
    };
    if (!safeMethods.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !secretsEqual(header, resolved.csrfToken)) throw new CsrfError();
    }
  });
}

export interface CookieSettings {
  isSecure: boolean;
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
  settings: CookieSettings,
): void {
  reply.setCookie(sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.isSecure,
    signed: true,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, settings: CookieSettings): void {
  reply.clearCookie(sessionCookieName, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.isSecure,
  });
}
