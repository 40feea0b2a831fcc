import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ActorImportReportSchema,
  ActorListResponseSchema,
  RegisteredActorSchema,
  SaveActorRequestSchema,
} from '@innspill/contracts';
import { actors, ValidationError } from '@innspill/core';
import type { AppDependencies } from '../../app-context.ts';
import { readUploadedFiles } from '../responses/read-uploaded-files.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(80) });
const tags = ['actors'];

type ActorRow = actors.RegisteredActor;

function presentActor(row: ActorRow, canSeeContacts: boolean) {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    organisationNumber: row.organisationNumber,
    contactEmails: canSeeContacts ? row.contactEmails : [],
  };
}

/** The actor registry: list, add, edit, import from CSV/XLSX (dry run first). */
export function actorRoutes(deps: AppDependencies): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/processes/:slug/actors',
      {
        config: { access: 'process' },
        schema: {
          summary: 'The actor registry',
          tags,
          params: SlugParams,
          response: { 200: ActorListResponseSchema },
        },
      },
      async (request) => {
        const result = await actors.listActors(deps.db, request.actor, request.params.slug);
        return {
          canManage: result.canManage,
          actors: result.actors.map((row) => presentActor(row, result.canManage)),
        };
      },
    );

    app.post(
      '/api/processes/:slug/actors',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Register an actor',
          tags,
          params: SlugParams,
          body: SaveActorRequestSchema,
          response: { 201: RegisteredActorSchema },
        },
      },
      async (request, reply) => {
        const saved = await actors.saveActor(deps.db, request.actor, request.params.slug, request.body);
        return reply.status(201).send(presentActor(saved, true));
      },
    );

    app.put(
      '/api/processes/:slug/actors/:actorId',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Edit an actor',
          tags,
          params: SlugParams.extend({ actorId: z.string().uuid() }),
          body: SaveActorRequestSchema,
          response: { 200: RegisteredActorSchema },
        },
      },
      async (request) =>
        presentActor(
          await actors.saveActor(deps.db, request.actor, request.params.slug, {
            ...request.body,
            actorId: request.params.actorId,
          }),
          true,
        ),
    );

    app.post(
      '/api/processes/:slug/actors/import',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Import actors from CSV/XLSX; dryRun=true previews with per-row errors',
          tags,
          params: SlugParams,
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
          response: { 200: ActorImportReportSchema },
        },
      },
      async (request) => {
        const [file] = await readUploadedFiles(request, 1);
        if (!file) throw new ValidationError('Choose a CSV or XLSX file.', { file: 'Required.' });
        const report = await actors.importActors(
          deps.db,
          request.actor,
          request.params.slug,
          file,
          request.query.dryRun !== 'false',
        );
        return {
          isCommitted: report.isCommitted,
          errorCount: report.errorCount,
          createCount: report.createCount,
          duplicateCount: report.duplicateCount,
          rows: report.rows.map((row) => ({
            line: row.line,
            ...row.actor,
            isDuplicate: row.isDuplicate,
            problems: row.problems,
            issues: row.issues,
          })),
        };
      },
    );
  };
}
