import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditListResponseSchema,
  AuditQuerySchema,
  type AuditEvent,
  type AuditQuery,
} from '@innspill/contracts';
import { audit, osloLocalToUtc } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';

type AuditRow = Awaited<ReturnType<typeof audit.findAuditEvents>>[number];

function presentAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.event.id,
    at: row.event.at.toISOString(),
    action: row.event.action,
    entityType: row.event.entityType,
    entityId: row.event.entityId,
    user:
      row.event.userId && row.userName
        ? { id: row.event.userId, name: row.userName, email: row.userEmail ?? '' }
        : null,
    detail: row.event.detail,
  };
}

/** Dates in the filter are Oslo calendar days: from 00:00 to 23:59:59 local time. */
function toFilter(query: AuditQuery) {
  return {
    action: query.action,
    actionPrefix: query.actionPrefix,
    entityType: query.entityType,
    from: query.from ? osloLocalToUtc(query.from, '00:00') : undefined,
    to: query.to ? new Date(osloLocalToUtc(query.to, '23:59').getTime() + 59_999) : undefined,
    limit: query.limit,
  };
}

export function auditRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/processes/:slug/audit',
      {
        config: { access: 'process' },
        schema: {
          summary: 'The audit log of a process (secretariat and owners), newest first',
          tags: ['audit'],
          params: z.object({ slug: z.string().min(1).max(80) }),
          querystring: AuditQuerySchema,
          response: { 200: AuditListResponseSchema },
        },
      },
      async (request) => {
        const rows = await audit.listProcessAuditEvents(
          deps.db,
          request.actor,
          request.params.slug,
          toFilter(request.query),
        );
        return { events: rows.map(presentAuditEvent) };
      },
    );

    app.get(
      '/api/admin/audit',
      {
        config: { access: 'admin' },
        schema: {
          summary: 'The whole audit log (administrators)',
          tags: ['audit'],
          querystring: AuditQuerySchema,
          response: { 200: AuditListResponseSchema },
        },
      },
      async (request) => {
        const rows = await audit.listInstanceAuditEvents(deps.db, request.actor, toFilter(request.query));
        return { events: rows.map(presentAuditEvent) };
      },
    );
  };
}
