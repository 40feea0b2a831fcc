import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AddUserRequestSchema, AddUserResponseSchema } from '@innspill/contracts';
import { accounts } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';

export function adminUserRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/admin/users',
      {
        config: { access: 'admin' },
        schema: {
          summary: 'Create a user and get their one-time link to set a password',
          tags: ['admin'],
          body: AddUserRequestSchema,
          response: { 201: AddUserResponseSchema },
        },
      },
      async (request, reply) => {
        const { user, setupToken } = await accounts.addUser(deps.db, request.actor, request.body, deps.clock);
        return reply.status(201).send({ user, setupUrl: `${deps.config.publicUrl}/setup/${setupToken}` });
      },
    );
  };
}
