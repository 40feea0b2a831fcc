import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateRoundRequestSchema,
  ImportReportSchema,
  InvitationListResponseSchema,
  InviteActorsRequestSchema,
  InviteActorsResponseSchema,
  MatchSubmissionRequestSchema,
  ParticipationSchema,
  QuestionListResponseSchema,
  RoundDetailResponseSchema,
  RoundListResponseSchema,
  SaveQuestionsRequestSchema,
  SubmissionDetailResponseSchema,
  SubmissionListResponseSchema,
  SubmissionSchema,
  UpdateRoundRequestSchema,
} from '@innspill/contracts';
import { responses, rounds, ValidationError } from '@innspill/core';
import type { RouteDependencies } from '../../app-context.ts';
import { presentQuestion, presentRound } from '../../presenters/round-presenter.ts';
import {
  presentParticipation,
  presentSubmissionDetail,
  presentSubmissions,
} from '../../presenters/submission-presenter.ts';
import { requestLocale } from '../locale.ts';
import { osloInputToDate } from '../responses/oslo-input-to-date.ts';
import { readUploadedFiles } from '../responses/read-uploaded-files.ts';

const SlugParams = z.object({ slug: z.string().min(1).max(80) });
const RoundParams = SlugParams.extend({ number: z.coerce.number().int().min(1).max(999) });
const SubmissionParams = RoundParams.extend({ submissionId: z.string().min(1).max(60) });
const tags = ['rounds'];

const columnTargetPattern = /^(actor|organisation_number|submitter_name|submitter_email|ignore|q\d{1,3})$/;

function isColumnMapping(value: unknown): value is Record<string, responses.ColumnTarget> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((target) => typeof target === 'string' && columnTargetPattern.test(target))
  );
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const invalidMapping = (field: string) =>
  new ValidationError('The column mapping is not valid.', {
    [field]:
      'Map headers to actor, organisation_number, submitter_name, submitter_email, q1, q2, … or ignore.',
  });

/** `?mapping={"Svar 1":"q1","Org":"actor"}`: header → target column, for CSV/XLSX imports. */
function parseMapping(raw: string | undefined): Record<string, responses.ColumnTarget> | undefined {
  if (!raw) return undefined;
  const parsed = parseJson(raw);
  if (isColumnMapping(parsed)) return parsed;
  throw invalidMapping('mapping');
}

/** `?fileMapping={"a.csv":{"Svar":"q1"},"b.xlsx":{"Svar":"q2"}}`: per file, for tables of different layouts. */
function parseFileMapping(
  raw: string | undefined,
): Record<string, Record<string, responses.ColumnTarget>> | undefined {
  if (!raw) return undefined;
  const parsed = parseJson(raw);
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every(isColumnMapping)
  ) {
    return parsed as Record<string, Record<string, responses.ColumnTarget>>;
  }
  throw invalidMapping('fileMapping');
}

/** Secretariat side of input rounds: rounds, questions, invitations, participation, import/export. */
export function roundRoutes(deps: RouteDependencies): FastifyPluginAsyncZod {
  const { clock, fileStore } = deps;
  const locator = (params: { slug: string; number: number }) => ({
    slug: params.slug,
    roundNumber: params.number,
  });
  const invitationDeps = { db: deps.db, clock, publicUrl: deps.config.publicUrl };

  return async (app) => {
    app.get(
      '/api/processes/:slug/rounds',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Input rounds of a process',
          tags,
          params: SlugParams,
          response: { 200: RoundListResponseSchema },
        },
      },
      async (request) => {
        const result = await rounds.listRounds(deps.db, request.actor, request.params.slug, clock);
        const locale = requestLocale(request);
        return {
          canManage: result.canManage,
          rounds: result.rounds.map((item) =>
            presentRound(item.round, item.questions, item.effectiveStatus, locale),
          ),
        };
      },
    );

    app.post(
      '/api/processes/:slug/rounds',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Create a draft round',
          tags,
          params: SlugParams,
          body: CreateRoundRequestSchema,
          response: { 201: RoundDetailResponseSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const round = await rounds.createRound(deps.db, request.actor, {
          slug: request.params.slug,
          number: body.number,
          title: body.title,
          purpose: body.purpose,
          publicationNote: body.publicationNote,
          opensAt: body.opensAtLocal ? osloInputToDate(body.opensAtLocal) : null,
          deadline: osloInputToDate(body.deadlineLocal),
          visibility: body.visibility,
          latePolicy: body.latePolicy,
          reminderDaysBefore: body.reminderDaysBefore,
        });
        return reply.status(201).send({
          canManage: true,
          round: presentRound(
            round,
            [],
            rounds.effectiveRoundStatus(round, clock.now()),
            requestLocale(request),
          ),
        });
      },
    );

    app.get(
      '/api/processes/:slug/rounds/:number',
      {
        config: { access: 'process' },
        schema: {
          summary: 'One round with its questions',
          tags,
          params: RoundParams,
          response: { 200: RoundDetailResponseSchema },
        },
      },
      async (request) => {
        const result = await rounds.getRound(deps.db, request.actor, locator(request.params), clock);
        return {
          canManage: result.canManage,
          round: presentRound(result.round, result.questions, result.effectiveStatus, requestLocale(request)),
        };
      },
    );

    app.patch(
      '/api/processes/:slug/rounds/:number',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Edit a round, open or close it',
          tags,
          params: RoundParams,
          body: UpdateRoundRequestSchema,
          response: { 200: RoundDetailResponseSchema },
        },
      },
      async (request) => {
        const body = request.body;
        await rounds.updateRound(
          deps.db,
          request.actor,
          locator(request.params),
          {
            title: body.title,
            purpose: body.purpose,
            publicationNote: body.publicationNote,
            opensAt:
              body.opensAtLocal === undefined
                ? undefined
                : body.opensAtLocal
                  ? osloInputToDate(body.opensAtLocal)
                  : null,
            deadline: body.deadlineLocal ? osloInputToDate(body.deadlineLocal) : undefined,
            visibility: body.visibility,
            latePolicy: body.latePolicy,
            reminderDaysBefore: body.reminderDaysBefore,
            status: body.status,
          },
          clock,
        );
        const result = await rounds.getRound(deps.db, request.actor, locator(request.params), clock);
        return {
          canManage: result.canManage,
          round: presentRound(result.round, result.questions, result.effectiveStatus, requestLocale(request)),
        };
      },
    );

    app.delete(
      '/api/processes/:slug/rounds/:number',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Delete a round made by mistake (a draft with no responses and no invitations)',
          tags,
          params: RoundParams,
        },
      },
      async (request, reply) => {
        await rounds.deleteRound(deps.db, request.actor, locator(request.params));
        return reply.status(204).send();
      },
    );

    app.put(
      '/api/processes/:slug/rounds/:number/questions',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Replace the question list (order = array order)',
          tags,
          params: RoundParams,
          body: SaveQuestionsRequestSchema,
          response: { 200: QuestionListResponseSchema },
        },
      },
      async (request) => {
        const saved = await rounds.saveQuestions(
          deps.db,
          request.actor,
          locator(request.params),
          request.body.questions,
        );
        const locale = requestLocale(request);
        return { questions: saved.map((question) => presentQuestion(question, locale)) };
      },
    );

    app.get(
      '/api/processes/:slug/rounds/:number/submissions',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Responses of a round',
          tags,
          params: RoundParams,
          response: { 200: SubmissionListResponseSchema },
        },
      },
      async (request) => {
        const result = await responses.listSubmissions(
          deps.db,
          request.actor,
          locator(request.params),
          clock,
        );
        return { canSeePersonalData: result.canSeePersonalData, submissions: presentSubmissions(result) };
      },
    );

    app.get(
      '/api/processes/:slug/rounds/:number/submissions/:submissionId',
      {
        config: { access: 'process' },
        schema: {
          summary:
            'One response in full: answers, attachments with extraction status, segments (secretariat)',
          tags,
          params: SubmissionParams,
          response: { 200: SubmissionDetailResponseSchema },
        },
      },
      async (request) => {
        const result = await responses.getSubmission(
          deps.db,
          request.actor,
          locator(request.params),
          request.params.submissionId,
        );
        return presentSubmissionDetail(result, requestLocale(request));
      },
    );

    app.put(
      '/api/processes/:slug/rounds/:number/submissions/:submissionId/actor',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Match a response (e.g. an unmatched imported letter) to a registered actor; null unlinks',
          tags,
          params: SubmissionParams,
          body: MatchSubmissionRequestSchema,
          response: { 200: SubmissionSchema },
        },
      },
      async (request) => {
        await responses.matchSubmissionActor(
          deps.db,
          request.actor,
          locator(request.params),
          request.params.submissionId,
          request.body.actorId,
        );
        const result = await responses.getSubmission(
          deps.db,
          request.actor,
          locator(request.params),
          request.params.submissionId,
        );
        const {
          organisationName: _name,
          declaredActorType: _type,
          organisationNumber: _number,
          ...submission
        } = presentSubmissionDetail(result, requestLocale(request)).submission;
        return submission;
      },
    );

    app.get(
      '/api/processes/:slug/rounds/:number/participation',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Invited vs answered, by actor type; participating organisations',
          tags,
          params: RoundParams,
          response: { 200: ParticipationSchema },
        },
      },
      async (request) =>
        presentParticipation(
          await responses.getParticipation(deps.db, request.actor, locator(request.params)),
        ),
    );

    app.get(
      '/api/processes/:slug/rounds/:number/participation.csv',
      {
        config: { access: 'process' },
        schema: { summary: 'Participating organisations as CSV', tags, params: RoundParams },
      },
      async (request, reply) => {
        const participation = await responses.getParticipation(
          deps.db,
          request.actor,
          locator(request.params),
        );
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="participation-round-${request.params.number}.csv"`,
          )
          .send(responses.participationCsv(participation));
      },
    );

    app.get(
      '/api/processes/:slug/rounds/:number/invitations',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Invitations and sent emails (outbox)',
          tags,
          params: RoundParams,
          response: { 200: InvitationListResponseSchema },
        },
      },
      async (request) => {
        const result = await responses.listInvitations(deps.db, request.actor, locator(request.params));
        return {
          invitations: result.invitations.map(({ invitation, actor }) => ({
            id: invitation.id,
            actorId: actor.id,
            actorName: actor.name,
            emails: invitation.emails,
            sentAt: invitation.sentAt?.toISOString() ?? null,
            remindedAt: invitation.remindedAt?.toISOString() ?? null,
          })),
          emails: result.emails.map((email) => ({
            id: email.id,
            kind: email.kind,
            recipient: email.recipient,
            subject: email.subject,
            transport: email.transport,
            outboxFile: email.outboxFile,
            sentAt: email.sentAt.toISOString(),
          })),
        };
      },
    );

    app.post(
      '/api/processes/:slug/rounds/:number/invitations',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Invite registered actors (one secret link each, emailed)',
          tags,
          params: RoundParams,
          body: InviteActorsRequestSchema,
          response: { 200: InviteActorsResponseSchema },
        },
      },
      async (request) => {
        const result = await responses.inviteActors(
          invitationDeps,
          request.actor,
          locator(request.params),
          request.body.actorIds,
        );
        return { issued: result.issued, skipped: result.skipped };
      },
    );

    app.post(
      '/api/processes/:slug/rounds/:number/reminders',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Remind invited actors who have not answered',
          tags,
          params: RoundParams,
          response: { 200: z.object({ reminded: z.number() }) },
        },
      },
      async (request) => {
        const reminded = await responses.sendReminders(
          invitationDeps,
          request.actor,
          locator(request.params),
        );
        return { reminded };
      },
    );

    app.post(
      '/api/processes/:slug/rounds/:number/imports',
      {
        config: { access: 'process' },
        schema: {
          summary:
            'Import responses from CSV/XLSX or PDF/DOCX/ODT/TXT letters (ZIP too); dryRun=true reports only',
          tags,
          params: RoundParams,
          querystring: z.object({
            dryRun: z.enum(['true', 'false']).default('true'),
            mapping: z.string().max(10_000).optional(),
            fileMapping: z.string().max(10_000).optional(),
          }),
          response: { 200: ImportReportSchema },
        },
      },
      async (request) => {
        const files = await readUploadedFiles(request, 200);
        const mapping = parseMapping(request.query.mapping);
        const mappingByFile = parseFileMapping(request.query.fileMapping);
        const report = await responses.importResponses(
          { db: deps.db, clock, fileStore, maxUploadBytes: deps.config.maxUploadBytes },
          request.actor,
          locator(request.params),
          files,
          {
            isDryRun: request.query.dryRun !== 'false',
            columnMapping: mapping,
            columnMappingByFile: mappingByFile,
          },
        );
        return {
          isDryRun: report.isDryRun,
          submissionCount: report.submissionCount,
          failedFileCount: report.failedFileCount,
          files: report.files,
        };
      },
    );

    app.get(
      '/api/processes/:slug/rounds/:number/export',
      {
        config: { access: 'process' },
        schema: {
          summary: 'Every response with answers, extracted text and segments',
          tags,
          params: RoundParams,
          querystring: z.object({ format: z.enum(['csv', 'jsonl']).default('csv') }),
        },
      },
      async (request, reply) => {
        const body = await responses.exportResponses(
          deps.db,
          request.actor,
          locator(request.params),
          request.query.format,
        );
        const isCsv = request.query.format === 'csv';
        return reply
          .type(isCsv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="responses-round-${request.params.number}.${request.query.format}"`,
          )
          .send(body);
      },
    );
  };
}
