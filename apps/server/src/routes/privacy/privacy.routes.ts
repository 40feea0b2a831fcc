import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DeleteRespondentDataRequestSchema,
  DeletionSummarySchema,
  RespondentDataExportSchema,
  RespondentDataSchema,
  RespondentLookupSchema,
  RetentionResponseSchema,
  RetentionSchema,
} from '@innspill/contracts';
import { privacy, systemClock, ValidationError } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(80) });
const tags = ['privacy'];

function presentRetention(setting: privacy.RetentionSetting) {
  return { retentionDays: setting.retentionDays, expiresAt: setting.expiresAt?.toISOString() ?? null };
}

/**
 * Respondents' personal data for the secretariat and owners of a process (and administrators):
 * find, export (subject access) and delete one respondent's data, and the retention setting.
 * The address travels in the body, never in the URL, so it stays out of access logs; answers are
 * never cached.
 */
export function privacyRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  const clock = deps.clock ?? systemClock;
  return async (app) => {
    app.post(
      '/api/processes/:slug/privacy/find',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Everything the process holds about one respondent, by email',
          tags,
          params: SlugParams,
          body: RespondentLookupSchema,
          response: { 200: RespondentDataSchema },
        },
      },
      async (request, reply) => {
        const data = await privacy.findRespondentData(deps.db, request.actor, {
          slug: request.params.slug,
          email: request.body.email,
        });
        return reply.header('cache-control', 'no-store').send(data);
      },
    );

    app.post(
      '/api/processes/:slug/privacy/export',
      {
        config: { access: 'process' },
        schema: {
          summary: 'One respondent’s data as a JSON document (subject-access request); audited',
          tags,
          params: SlugParams,
          body: RespondentLookupSchema,
          response: { 200: RespondentDataExportSchema },
        },
      },
      async (request, reply) => {
        const exported = await privacy.exportRespondentData(
          deps.db,
          request.actor,
          { slug: request.params.slug, email: request.body.email },
          clock,
        );
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${exported.fileName}"`)
          .send(exported.document);
      },
    );

    app.post(
      '/api/processes/:slug/privacy/delete',
      {
        config: { access: 'process' },
        schema: {
          summary:
            'Delete one respondent’s personal data (anonymised text kept only with publication consent); audited',
          tags,
          params: SlugParams,
          body: DeleteRespondentDataRequestSchema,
          response: { 200: DeletionSummarySchema },
        },
      },
      async (request) => {
        const { email, confirmEmail } = request.body;
        if (email.trim().toLowerCase() !== confirmEmail.trim().toLowerCase()) {
          throw new ValidationError('Type the same address twice to delete.', {
            confirmEmail: 'Does not match.',
          });
        }
        return privacy.deleteRespondentData(
          { db: deps.db, clock, filesFolder: deps.config.filesFolder },
          request.actor,
          { slug: request.params.slug, email },
        );
      },
    );

    app.get(
      '/api/processes/:slug/privacy/retention',
      {
        config: { access: 'process' },
        schema: {
          summary: 'How long submitter names and emails are kept after the process closes',
          tags,
          params: SlugParams,
          response: { 200: RetentionResponseSchema },
        },
      },
      async (request) =>
        presentRetention(
          await privacy.getProcessRetention(deps.db, request.actor, request.params.slug, clock),
        ),
    );

    app.put(
      '/api/processes/:slug/privacy/retention',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Set (or clear) the retention period; audited',
          tags,
          params: SlugParams,
          body: RetentionSchema,
          response: { 200: RetentionResponseSchema },
        },
      },
      async (request) =>
        presentRetention(
          await privacy.setProcessRetention(
            deps.db,
            request.actor,
            { slug: request.params.slug, retentionDays: request.body.retentionDays },
            clock,
          ),
        ),
    );
  };
}
