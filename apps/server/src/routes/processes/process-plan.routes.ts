import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddDeliverableRequestSchema,
  AddStakeholderBodyRequestSchema,
  LogInvolvementEventRequestSchema,
  ProcessOverviewSchema,
  SaveDeliverableRequestSchema,
  SaveMilestoneRequestSchema,
  TimelineSchema,
  UpdateProcessDetailsRequestSchema,
  UpdateStakeholderBodyRequestSchema,
} from '@innspill/contracts';
import { plan, processes, strategies } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';
import { presentTimeline } from '../../presenters/strategy-presenter.ts';
import { presentProcessOverview } from '../../presenters/process-presenter.ts';
import { requestLocale } from '../locale.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(80) });
const EventParams = SlugParams.extend({ eventId: z.uuid() });
const BodyParams = SlugParams.extend({ bodyId: z.uuid() });
const MilestoneParams = SlugParams.extend({ milestoneId: z.uuid() });
const DeliverableParams = SlugParams.extend({ deliverableId: z.uuid() });
const LangQuery = z.object({ lang: z.enum(['nb', 'en']).optional() });

/**
 * The process plan the secretariat keeps: the timeline, the involvement log, the process text,
 * deliverables, stakeholder bodies and milestones. Registered in `routes/index.ts`.
 */
export function processPlanRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/processes/:slug/timeline',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Milestones, round deadlines and involvement events; where the process stands',
          tags: ['processes'],
          params: SlugParams,
          querystring: LangQuery,
          response: { 200: TimelineSchema },
        },
      },
      async (request) =>
        presentTimeline(
          await plan.getProcessTimeline(deps.db, request.actor, request.params.slug, deps.clock),
          requestLocale(request),
        ),
    );

    const timeline = async (
      actor: Parameters<typeof plan.getProcessTimeline>[1],
      slug: string,
      locale: string,
    ) => presentTimeline(await plan.getProcessTimeline(deps.db, actor, slug, deps.clock), locale);

    app.post(
      '/api/processes/:slug/involvement-events',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Log a meeting, status report, presentation or hearing',
          tags: ['processes'],
          params: SlugParams,
          querystring: LangQuery,
          body: LogInvolvementEventRequestSchema,
          response: { 201: TimelineSchema },
        },
      },
      async (request, reply) => {
        await plan.logInvolvementEvent(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
        return reply
          .status(201)
          .send(await timeline(request.actor, request.params.slug, requestLocale(request)));
      },
    );

    app.delete(
      '/api/processes/:slug/involvement-events/:eventId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Remove an entry from the involvement log',
          tags: ['processes'],
          params: EventParams,
          querystring: LangQuery,
          response: { 200: TimelineSchema },
        },
      },
      async (request) => {
        await plan.deleteInvolvementEvent(deps.db, request.actor, request.params);
        return timeline(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.patch(
      '/api/processes/:slug/details',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Change the process text: title, subtitle, commissioned by, mandate, principles',
          tags: ['processes'],
          params: SlugParams,
          querystring: LangQuery,
          body: UpdateProcessDetailsRequestSchema,
          response: { 200: ProcessOverviewSchema },
        },
      },
      async (request) => {
        await strategies.updateProcessDetails(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
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

    app.post(
      '/api/processes/:slug/deliverables',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Add a deliverable (what is handed over, to whom, when)',
          tags: ['processes'],
          params: SlugParams,
          querystring: LangQuery,
          body: AddDeliverableRequestSchema,
          response: { 200: TimelineSchema },
        },
      },
      async (request) => {
        await plan.saveDeliverable(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
        return timeline(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.patch(
      '/api/processes/:slug/deliverables/:deliverableId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Change a deliverable',
          tags: ['processes'],
          params: DeliverableParams,
          querystring: LangQuery,
          body: SaveDeliverableRequestSchema,
          response: { 200: TimelineSchema },
        },
      },
      async (request) => {
        await plan.saveDeliverable(deps.db, request.actor, { ...request.params, ...request.body });
        return timeline(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.delete(
      '/api/processes/:slug/deliverables/:deliverableId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Remove a deliverable',
          tags: ['processes'],
          params: DeliverableParams,
          querystring: LangQuery,
          response: { 200: TimelineSchema },
        },
      },
      async (request) => {
        await plan.deleteDeliverable(deps.db, request.actor, request.params);
        return timeline(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/bodies',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Add a stakeholder body',
          tags: ['processes'],
          params: SlugParams,
          querystring: LangQuery,
          body: AddStakeholderBodyRequestSchema,
          response: { 200: TimelineSchema },
        },
      },
      async (request) => {
        await plan.addStakeholderBody(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
        return timeline(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.delete(
      '/api/processes/:slug/bodies/:bodyId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Remove a stakeholder body',
          tags: ['processes'],
          params: BodyParams,
          querystring: LangQuery,
          response: { 200: TimelineSchema },
        },
      },
      async (request) => {
        await plan.deleteStakeholderBody(deps.db, request.actor, request.params);
        return timeline(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.patch(
      '/api/processes/:slug/bodies/:bodyId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Rename a stakeholder body or change its role and members',
          tags: ['processes'],
          params: BodyParams,
          querystring: LangQuery,
          body: UpdateStakeholderBodyRequestSchema,
          response: { 200: TimelineSchema },
        },
      },
      async (request) => {
        await plan.updateStakeholderBody(deps.db, request.actor, {
          ...request.params,
          ...request.body,
        });
        return timeline(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/milestones',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Add a milestone',
          tags: ['processes'],
          params: SlugParams,
          querystring: LangQuery,
          body: SaveMilestoneRequestSchema,
          response: { 201: TimelineSchema },
        },
      },
      async (request, reply) => {
        await plan.saveMilestone(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
        return reply
          .status(201)
          .send(await timeline(request.actor, request.params.slug, requestLocale(request)));
      },
    );

    app.patch(
      '/api/processes/:slug/milestones/:milestoneId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Change a milestone (title, date, kind, done)',
          tags: ['processes'],
          params: MilestoneParams,
          querystring: LangQuery,
          body: SaveMilestoneRequestSchema,
          response: { 200: TimelineSchema },
        },
      },
      async (request) => {
        await plan.saveMilestone(deps.db, request.actor, { ...request.params, ...request.body });
        return timeline(request.actor, request.params.slug, requestLocale(request));
      },
    );
  };
}
