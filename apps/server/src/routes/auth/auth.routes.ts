import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordRequestSchema,
  CompleteSetupRequestSchema,
  SessionResponseSchema,
  SetupLinkStatusSchema,
  SignInRequestSchema,
} from '@innspill/contracts';
import { accounts, UnauthenticatedError } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';
import { clearSessionCookie, setSessionCookie } from '../../plugins/authentication.ts';

const NoContent = z.null();

export function authRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const cookieSettings = { isSecure: deps.config.isSecureCookies };
  return async (app) => {
    app.get(
      '/api/auth/session',
      {
        config: { access: 'public' },
        schema: {
          summary: 'The signed-in user, their memberships and CSRF token',
          tags: ['auth'],
          response: { 200: SessionResponseSchema },
        },
      },
      async (request) => {
        if (!request.session) return { user: null, csrfToken: null, memberships: [] };
        const memberships = await accounts.findMembershipsOfUser(deps.db, request.session.user.id);
        return { user: request.session.user, csrfToken: request.session.csrfToken, memberships };
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          summary: 'Sign in with email and password',
          tags: ['auth'],
          body: SignInRequestSchema,
          response: { 200: SessionResponseSchema },
        },
      },
      async (request, reply) => {
        const { user, session } = await accounts.signIn(deps.db, request.body, deps.clock);
        setSessionCookie(reply, session.token, session.expiresAt, cookieSettings);
        const memberships = await accounts.findMembershipsOfUser(deps.db, user.id);
        return { user, csrfToken: session.csrfToken, memberships };
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { access: 'public' },
        schema: { summary: 'Sign out (revokes the session)', tags: ['auth'], response: { 204: NoContent } },
      },
      async (request, reply) => {
        if (request.session) await accounts.signOut(deps.db, request.session.token);
        clearSessionCookie(reply, cookieSettings);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/setup-links/:token',
      {
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          summary: 'Whether a one-time setup link can still be used',
          tags: ['auth'],
          params: z.object({ token: z.string().min(10).max(200) }),
          response: { 200: SetupLinkStatusSchema },
        },
      },
      async (request) => accounts.getSetupLinkStatus(deps.db, request.params.token, deps.clock),
    );

    app.post(
      '/api/auth/setup',
      {
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          summary: 'Use a one-time link: create the first administrator or set an invited user’s password',
          tags: ['auth'],
          body: CompleteSetupRequestSchema,
          response: { 200: SessionResponseSchema },
        },
      },
      async (request, reply) => {
        const { user, session } = await accounts.completeAccountSetup(deps.db, request.body, deps.clock);
        setSessionCookie(reply, session.token, session.expiresAt, cookieSettings);
        const memberships = await accounts.findMembershipsOfUser(deps.db, user.id);
        return { user, csrfToken: session.csrfToken, memberships };
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { access: 'authenticated', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          summary: 'Change your own password',
          tags: ['auth'],
          body: ChangePasswordRequestSchema,
          response: { 204: NoContent },
        },
      },
      async (request, reply) => {
        if (!request.session) throw new UnauthenticatedError();
        await accounts.changePassword(
          deps.db,
          request.actor,
          { ...request.body, keepSessionId: request.session.sessionId },
          deps.clock,
        );
        return reply.status(204).send(null);
      },
    );
  };
}
