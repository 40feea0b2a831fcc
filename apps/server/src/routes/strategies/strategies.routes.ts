import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddCommentRequestSchema,
  AddDeliverableRequestSchema,
  AddStakeholderBodyRequestSchema,
  ProcessOverviewSchema,
  SaveDeliverableRequestSchema,
  UpdateProcessDetailsRequestSchema,
  UpdateStructureRequestSchema,
  AddStatementRequestSchema,
  CanvasResponseSchema,
  ChangeCanvasStatusRequestSchema,
  CreateThemeRequestSchema,
  MoveThemeRequestSchema,
  LogInvolvementEventRequestSchema,
  SaveMilestoneRequestSchema,
  UpdateStakeholderBodyRequestSchema,
  MoveStatementRequestSchema,
  RevisionListSchema,
  StrategyOverviewSchema,
  TimelineSchema,
  UpdateCanvasRequestSchema,
  UpdateGoalsLeadRequestSchema,
  UpdateStatementRequestSchema,
} from '@innspill/contracts';
import { processes, strategies } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';
import {
  presentCanvas,
  presentRevisions,
  presentStrategyOverview,
  presentTimeline,
} from '../../presenters/strategy-presenter.ts';
import { presentProcessOverview } from '../../presenters/process-presenter.ts';
import { requestLocale } from '../locale.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(80) });
const ThemeParams = SlugParams.extend({ number: z.coerce.number().int().positive() });
const StatementParams = ThemeParams.extend({ statementId: z.uuid() });
const GoalParams = SlugParams.extend({ statementId: z.uuid() });
const EventParams = SlugParams.extend({ eventId: z.uuid() });
const BodyParams = SlugParams.extend({ bodyId: z.uuid() });
const MilestoneParams = SlugParams.extend({ milestoneId: z.uuid() });
const DeliverableParams = SlugParams.extend({ deliverableId: z.uuid() });
const RevisionParams = SlugParams.extend({ revisionId: z.uuid() });
const LangQuery = z.object({ lang: z.enum(['nb', 'en']).optional() });
const tags = ['strategies'];

export function strategyRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const canvas = async (
      actor: Parameters<typeof strategies.getCanvas>[1],
      slug: string,
      themeNumber: number,
      locale: string,
    ) => presentCanvas(await strategies.getCanvas(deps.db, actor, { slug, themeNumber }), locale);
    const overview = async (
      actor: Parameters<typeof strategies.getStrategyOverview>[1],
      slug: string,
      locale: string,
    ) => presentStrategyOverview(await strategies.getStrategyOverview(deps.db, actor, slug), locale);

    app.get(
      '/api/processes/:slug/strategy',
      {
        config: { access: 'process' },
        schema: {
          summary: 'The strategy: structure, overarching goals and themes',
          tags,
          params: SlugParams,
          querystring: LangQuery,
          response: { 200: StrategyOverviewSchema },
        },
      },
      async (request) => overview(request.actor, request.params.slug, requestLocale(request)),
    );

    app.put(
      '/api/processes/:slug/strategy/structure',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Change the structure: dimensions, pillars, other areas',
          tags,
          params: SlugParams,
          querystring: LangQuery,
          body: UpdateStructureRequestSchema,
          response: { 200: StrategyOverviewSchema },
        },
      },
      async (request) => {
        await strategies.updateStrategyStructure(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
        return overview(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.put(
      '/api/processes/:slug/strategy/goals-lead',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Change the lead text of the overarching goals',
          tags,
          params: SlugParams,
          querystring: LangQuery,
          body: UpdateGoalsLeadRequestSchema,
          response: { 200: StrategyOverviewSchema },
        },
      },
      async (request) => {
        await strategies.updateGoalsLead(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
        return overview(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/strategy/goals',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Add an overarching goal',
          tags,
          params: SlugParams,
          querystring: LangQuery,
          body: AddStatementRequestSchema.omit({ section: true }),
          response: { 201: StrategyOverviewSchema },
        },
      },
      async (request, reply) => {
        await strategies.addStatement(deps.db, request.actor, {
          slug: request.params.slug,
          themeNumber: null,
          section: 'overarching_goal',
          ...request.body,
        });
        return reply
          .status(201)
          .send(await overview(request.actor, request.params.slug, requestLocale(request)));
      },
    );

    app.patch(
      '/api/processes/:slug/strategy/goals/:statementId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Edit an overarching goal',
          tags,
          params: GoalParams,
          querystring: LangQuery,
          body: UpdateStatementRequestSchema,
          response: { 200: StrategyOverviewSchema },
        },
      },
      async (request) => {
        await strategies.updateStatement(deps.db, request.actor, {
          slug: request.params.slug,
          statementId: request.params.statementId,
          ...request.body,
        });
        return overview(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.delete(
      '/api/processes/:slug/strategy/goals/:statementId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Delete an overarching goal',
          tags,
          params: GoalParams,
          querystring: LangQuery,
          response: { 200: StrategyOverviewSchema },
        },
      },
      async (request) => {
        await strategies.deleteStatement(deps.db, request.actor, {
          slug: request.params.slug,
          statementId: request.params.statementId,
        });
        return overview(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/strategy/goals/:statementId/move',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Reorder an overarching goal',
          tags,
          params: GoalParams,
          querystring: LangQuery,
          body: MoveStatementRequestSchema.omit({ section: true }),
          response: { 200: StrategyOverviewSchema },
        },
      },
      async (request) => {
        await strategies.moveStatement(deps.db, request.actor, {
          slug: request.params.slug,
          statementId: request.params.statementId,
          position: request.body.position,
        });
        return overview(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.get(
      '/api/processes/:slug/strategy/history',
      {
        config: { access: 'process' },
        schema: {
          summary: 'History of the goals and their lead text',
          tags,
          params: SlugParams,
          response: { 200: RevisionListSchema },
        },
      },
      async (request) =>
        presentRevisions(
          await strategies.listRevisions(deps.db, request.actor, {
            slug: request.params.slug,
            themeNumber: null,
          }),
        ),
    );

    app.get(
      '/api/processes/:slug/themes/:number',
      {
        config: { access: 'process' },
        schema: {
          summary: 'A theme canvas with every statement, comments and permissions',
          tags,
          params: ThemeParams,
          querystring: LangQuery,
          response: { 200: CanvasResponseSchema },
        },
      },
      async (request) =>
        canvas(request.actor, request.params.slug, request.params.number, requestLocale(request)),
    );

    app.patch(
      '/api/processes/:slug/themes/:number',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Edit the title, summary or main goal of a canvas',
          tags,
          params: ThemeParams,
          querystring: LangQuery,
          body: UpdateCanvasRequestSchema,
          response: { 200: CanvasResponseSchema },
        },
      },
      async (request) => {
        const { slug, number } = request.params;
        await strategies.updateCanvas(deps.db, request.actor, { slug, themeNumber: number, ...request.body });
        return canvas(request.actor, slug, number, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:number/status',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Move a canvas through draft → in review → approved',
          tags,
          params: ThemeParams,
          querystring: LangQuery,
          body: ChangeCanvasStatusRequestSchema,
          response: { 200: CanvasResponseSchema },
        },
      },
      async (request) => {
        const { slug, number } = request.params;
        await strategies.changeCanvasStatus(deps.db, request.actor, {
          slug,
          themeNumber: number,
          status: request.body.status,
        });
        return canvas(request.actor, slug, number, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:number/statements',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Add a statement to a section of the canvas',
          tags,
          params: ThemeParams,
          querystring: LangQuery,
          body: AddStatementRequestSchema,
          response: { 201: CanvasResponseSchema },
        },
      },
      async (request, reply) => {
        const { slug, number } = request.params;
        await strategies.addStatement(deps.db, request.actor, { slug, themeNumber: number, ...request.body });
        return reply.status(201).send(await canvas(request.actor, slug, number, requestLocale(request)));
      },
    );

    app.patch(
      '/api/processes/:slug/themes/:number/statements/:statementId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Edit a statement (or its translation)',
          tags,
          params: StatementParams,
          querystring: LangQuery,
          body: UpdateStatementRequestSchema,
          response: { 200: CanvasResponseSchema },
        },
      },
      async (request) => {
        const { slug, number, statementId } = request.params;
        await strategies.updateStatement(deps.db, request.actor, { slug, statementId, ...request.body });
        return canvas(request.actor, slug, number, requestLocale(request));
      },
    );

    app.delete(
      '/api/processes/:slug/themes/:number/statements/:statementId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Delete a statement (it can be restored from the history)',
          tags,
          params: StatementParams,
          querystring: LangQuery,
          response: { 200: CanvasResponseSchema },
        },
      },
      async (request) => {
        const { slug, number, statementId } = request.params;
        await strategies.deleteStatement(deps.db, request.actor, { slug, statementId });
        return canvas(request.actor, slug, number, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:number/statements/:statementId/move',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Move a statement to a position (and optionally another section)',
          tags,
          params: StatementParams,
          querystring: LangQuery,
          body: MoveStatementRequestSchema,
          response: { 200: CanvasResponseSchema },
        },
      },
      async (request) => {
        const { slug, number, statementId } = request.params;
        await strategies.moveStatement(deps.db, request.actor, { slug, statementId, ...request.body });
        return canvas(request.actor, slug, number, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:number/comments',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Comment on a canvas or one of its statements',
          tags,
          params: ThemeParams,
          querystring: LangQuery,
          body: AddCommentRequestSchema,
          response: { 201: CanvasResponseSchema },
        },
      },
      async (request, reply) => {
        const { slug, number } = request.params;
        await strategies.addComment(deps.db, request.actor, { slug, themeNumber: number, ...request.body });
        return reply.status(201).send(await canvas(request.actor, slug, number, requestLocale(request)));
      },
    );

    app.get(
      '/api/processes/:slug/themes/:number/history',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Every change to the canvas and its statements, newest first',
          tags,
          params: ThemeParams,
          response: { 200: RevisionListSchema },
        },
      },
      async (request) =>
        presentRevisions(
          await strategies.listRevisions(deps.db, request.actor, {
            slug: request.params.slug,
            themeNumber: request.params.number,
          }),
        ),
    );

    app.post(
      '/api/processes/:slug/revisions/:revisionId/restore',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Restore the state a revision recorded (a new revision)',
          tags,
          params: RevisionParams,
          response: { 200: z.object({ entityType: z.string(), entityId: z.string(), version: z.number() }) },
        },
      },
      async (request) => strategies.restoreRevision(deps.db, request.actor, request.params),
    );

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
          await strategies.getProcessTimeline(deps.db, request.actor, request.params.slug, deps.clock),
          requestLocale(request),
        ),
    );

    const timeline = async (
      actor: Parameters<typeof strategies.getProcessTimeline>[1],
      slug: string,
      locale: string,
    ) => presentTimeline(await strategies.getProcessTimeline(deps.db, actor, slug, deps.clock), locale);

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
        await strategies.logInvolvementEvent(deps.db, request.actor, {
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
        await strategies.deleteInvolvementEvent(deps.db, request.actor, request.params);
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
        const overview = await processes.getProcessOverview(deps.db, request.actor, request.params.slug);
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
        await strategies.saveDeliverable(deps.db, request.actor, {
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
        await strategies.saveDeliverable(deps.db, request.actor, { ...request.params, ...request.body });
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
        await strategies.deleteDeliverable(deps.db, request.actor, request.params);
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
        await strategies.addStakeholderBody(deps.db, request.actor, {
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
        await strategies.deleteStakeholderBody(deps.db, request.actor, request.params);
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
        await strategies.updateStakeholderBody(deps.db, request.actor, {
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
        await strategies.saveMilestone(deps.db, request.actor, {
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
        await strategies.saveMilestone(deps.db, request.actor, { ...request.params, ...request.body });
        return timeline(request.actor, request.params.slug, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/themes',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Add a strategic theme with an empty canvas',
          tags,
          params: SlugParams,
          querystring: LangQuery,
          body: CreateThemeRequestSchema,
          response: { 201: StrategyOverviewSchema },
        },
      },
      async (request, reply) => {
        await strategies.createStrategicTheme(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
        return reply
          .status(201)
          .send(await overview(request.actor, request.params.slug, requestLocale(request)));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:number/move',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Reorder a strategic theme (themes are renumbered in order)',
          tags,
          params: ThemeParams,
          querystring: LangQuery,
          body: MoveThemeRequestSchema,
          response: { 200: StrategyOverviewSchema },
        },
      },
      async (request) => {
        await strategies.moveStrategicTheme(deps.db, request.actor, {
          slug: request.params.slug,
          themeNumber: request.params.number,
          position: request.body.position,
        });
        return overview(request.actor, request.params.slug, requestLocale(request));
      },
    );
  };
}
