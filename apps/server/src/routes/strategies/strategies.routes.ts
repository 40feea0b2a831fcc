import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddCommentRequestSchema,
  UpdateStructureRequestSchema,
  AddStatementRequestSchema,
  CanvasResponseSchema,
  ChangeCanvasStatusRequestSchema,
  CreateThemeRequestSchema,
  MoveThemeRequestSchema,
  MoveStatementRequestSchema,
  RevisionListSchema,
  StrategyOverviewSchema,
  UpdateCanvasRequestSchema,
  UpdateGoalsLeadRequestSchema,
  UpdateStatementRequestSchema,
} from '@innspill/contracts';
import { strategies, themes } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';
import {
  presentCanvas,
  presentRevisions,
  presentStrategyOverview,
} from '../../presenters/strategy-presenter.ts';
import { requestLocale } from '../locale.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(80) });
const ThemeParams = SlugParams.extend({ themeId: z.uuid() });
const StatementParams = ThemeParams.extend({ statementId: z.uuid() });
const GoalParams = SlugParams.extend({ statementId: z.uuid() });
const RevisionParams = SlugParams.extend({ revisionId: z.uuid() });
const LangQuery = z.object({ lang: z.enum(['nb', 'en']).optional() });
const tags = ['strategies'];

export function strategyRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    const canvas = async (
      actor: Parameters<typeof strategies.getCanvas>[1],
      slug: string,
      themeId: string,
      locale: string,
    ) => presentCanvas(await strategies.getCanvas(deps.db, actor, { slug, themeId }), locale);
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
          themeId: null,
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
            themeId: null,
          }),
        ),
    );

    app.get(
      '/api/processes/:slug/themes/:themeId',
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
        canvas(request.actor, request.params.slug, request.params.themeId, requestLocale(request)),
    );

    app.patch(
      '/api/processes/:slug/themes/:themeId',
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
        const { slug, themeId } = request.params;
        await strategies.updateCanvas(deps.db, request.actor, { slug, themeId, ...request.body });
        return canvas(request.actor, slug, themeId, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:themeId/status',
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
        const { slug, themeId } = request.params;
        await strategies.changeCanvasStatus(deps.db, request.actor, {
          slug,
          themeId,
          status: request.body.status,
        });
        return canvas(request.actor, slug, themeId, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:themeId/statements',
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
        const { slug, themeId } = request.params;
        await strategies.addStatement(deps.db, request.actor, { slug, themeId, ...request.body });
        return reply.status(201).send(await canvas(request.actor, slug, themeId, requestLocale(request)));
      },
    );

    app.patch(
      '/api/processes/:slug/themes/:themeId/statements/:statementId',
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
        const { slug, themeId, statementId } = request.params;
        await strategies.updateStatement(deps.db, request.actor, { slug, statementId, ...request.body });
        return canvas(request.actor, slug, themeId, requestLocale(request));
      },
    );

    app.delete(
      '/api/processes/:slug/themes/:themeId/statements/:statementId',
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
        const { slug, themeId, statementId } = request.params;
        await strategies.deleteStatement(deps.db, request.actor, { slug, statementId });
        return canvas(request.actor, slug, themeId, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:themeId/statements/:statementId/move',
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
        const { slug, themeId, statementId } = request.params;
        await strategies.moveStatement(deps.db, request.actor, { slug, statementId, ...request.body });
        return canvas(request.actor, slug, themeId, requestLocale(request));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:themeId/comments',
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
        const { slug, themeId } = request.params;
        await strategies.addComment(deps.db, request.actor, { slug, themeId, ...request.body });
        return reply.status(201).send(await canvas(request.actor, slug, themeId, requestLocale(request)));
      },
    );

    app.get(
      '/api/processes/:slug/themes/:themeId/history',
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
            themeId: request.params.themeId,
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
        await strategies.addStrategicTheme(deps.db, request.actor, {
          slug: request.params.slug,
          ...request.body,
        });
        return reply
          .status(201)
          .send(await overview(request.actor, request.params.slug, requestLocale(request)));
      },
    );

    app.post(
      '/api/processes/:slug/themes/:themeId/move',
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
        await themes.moveStrategicTheme(deps.db, request.actor, {
          slug: request.params.slug,
          themeId: request.params.themeId,
          position: request.body.position,
        });
        return overview(request.actor, request.params.slug, requestLocale(request));
      },
    );
  };
}
