import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponseSchema } from '@innspill/contracts';
import { pingDatabase } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';

export function healthRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Liveness and database check',
          tags: ['system'],
          response: { 200: HealthResponseSchema },
        },
      },
      async () => {
        await pingDatabase(deps.db);
        return { status: 'ok' as const, database: deps.databaseKind, version: deps.version };
      },
    );
  };
}
