import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateProcessRequestSchema,
  MemberListResponseSchema,
  ProcessListResponseSchema,
  ProcessOverviewSchema,
  ProcessSummarySchema,
  SetMembershipRequestSchema,
} from '@innspill/contracts';
import { plan, processes } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';
import { presentProcessOverview, presentProcessSummary } from '../../presenters/process-presenter.ts';
import { requestLocale } from '../locale.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(80) });
const LangQuery = z.object({ lang: z.enum(['nb', 'en']).optional() });

export function processRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/processes',
      {
        config: { access: 'authenticated' },
        schema: {
          summary: 'Strategy processes you can open',
          tags: ['processes'],
          querystring: LangQuery,
          response: { 200: ProcessListResponseSchema },
        },
      },
      async (request) => {
        const rows = await processes.listProcesses(deps.db, request.actor);
        const locale = requestLocale(request);
        return { processes: rows.map((row) => presentProcessSummary(row, locale)) };
      },
    );

    app.post(
      '/api/processes',
      {
        config: { access: 'admin' },
        schema: {
          summary: 'Create a strategy process',
          tags: ['processes'],
          body: CreateProcessRequestSchema,
          response: { 201: ProcessSummarySchema },
        },
      },
      async (request, reply) => {
        const created = await processes.createProcess(deps.db, request.actor, request.body);
        return reply.status(201).send(presentProcessSummary(created, created.language));
      },
    );

    app.get(
      '/api/processes/:slug',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Process overview: mandate, milestones, bodies, rounds',
          tags: ['processes'],
          params: SlugParams,
          querystring: LangQuery,
          response: { 200: ProcessOverviewSchema },
        },
      },
      async (request) => {
        const overview = await plan.getProcessOverview(
          deps.db,
          request.actor,
          request.params.slug,
          deps.clock,
        );
        return presentProcessOverview(
          overview,
          requestLocale(request),
          processes.canEditProcess(overview.access),
        );
      },
    );

    app.get(
      '/api/processes/:slug/members',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Members and their roles',
          tags: ['processes'],
          params: SlugParams,
          response: { 200: MemberListResponseSchema },
        },
      },
      async (request) => ({
        members: await processes.listProcessMembers(deps.db, request.actor, request.params.slug),
      }),
    );

    app.put(
      '/api/processes/:slug/members',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Give a user a role in the process (role null removes them)',
          tags: ['processes'],
          params: SlugParams,
          body: SetMembershipRequestSchema,
          response: { 200: MemberListResponseSchema },
        },
      },
      async (request) => {
        await processes.setProcessMembership(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
        return { members: await processes.listProcessMembers(deps.db, request.actor, request.params.slug) };
      },
    );
  };
}
