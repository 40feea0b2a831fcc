import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttachmentSchema,
  PublicRoundResponseSchema,
  RespondentInputSchema,
  RespondentViewSchema,
  StartResponseRequestSchema,
  StartResponseResponseSchema,
} from '@innspill/contracts';
import { responses, ValidationError } from '@innspill/core';
import type { RouteDependencies } from '../../app-context.ts';
import { presentPublicRound } from '../../presenters/round-presenter.ts';
import { presentAttachment, presentRespondentView } from '../../presenters/submission-presenter.ts';
import { requestLocale } from '../locale.ts';
import { readUploadedFiles } from '../responses/read-uploaded-files.ts';

const RoundParams = z.object({ roundId: z.string().max(60) });
const TokenParams = z.object({ token: z.string().min(20).max(200) });
const tags = ['public'];

/**
 * Unauthenticated respondent endpoints. The secret link token is the only credential; it is
 * never stored (only its hash). Each route has its own rate limit.
 */
export function publicRoundRoutes(deps: RouteDependencies): FastifyPluginAsyncZod {
  const { clock, respondent: respondentDeps } = deps;
  // Per client address; the defaults are 300 reads, 60 writes and 20 uploads a minute.
  const { read: readLimit, write: writeLimit, upload: uploadLimit } = deps.publicRateLimits;
  const view = async (token: string, locale: string) =>
    presentRespondentView(await responses.openRespondentLink(deps.db, token, clock), locale);

  return async (app) => {
    app.get(
      '/api/public/rounds/:roundId',
      {
        config: { access: 'public', rateLimit: readLimit },
        schema: {
          summary: 'A round’s public page',
          tags,
          params: RoundParams,
          response: { 200: PublicRoundResponseSchema },
        },
      },
      async (request) => {
        const result = await responses.getPublicRound(deps.db, request.params.roundId, clock);
        return {
          round: presentPublicRound(
            result.round,
            result.questions,
            result.effectiveStatus,
            requestLocale(request),
          ),
          canAnswerPublicly: result.canAnswerPublicly,
          isLateIfAnsweredNow: result.isLateIfAnsweredNow,
        };
      },
    );

    app.post(
      '/api/public/rounds/:roundId/responses',
      {
        config: { access: 'public', rateLimit: writeLimit },
        schema: {
          summary: 'Start a response (draft) or send it at once; returns the secret edit link token',
          tags,
          params: RoundParams,
          body: StartResponseRequestSchema,
          response: { 201: StartResponseResponseSchema },
        },
      },
      async (request, reply) => {
        const headerKey = request.headers['idempotency-key'];
        const idempotencyKey =
          request.body.idempotencyKey ?? (typeof headerKey === 'string' ? headerKey : undefined);
        const result = await responses.startResponse(respondentDeps, request.params.roundId, {
          ...request.body,
          idempotencyKey,
        });
        return reply.status(201).send({
          token: result.token ?? null,
          status: result.submission.status,
          receiptCode: result.submission.receiptCode,
          isRepeat: result.isRepeat,
        });
      },
    );

    app.get(
      '/api/public/responses/:token',
      {
        config: { access: 'public', rateLimit: readLimit },
        schema: {
          summary: 'Open a response through its secret link',
          tags,
          params: TokenParams,
          response: { 200: RespondentViewSchema },
        },
      },
      async (request) => view(request.params.token, requestLocale(request)),
    );

    app.put(
      '/api/public/responses/:token',
      {
        config: { access: 'public', rateLimit: writeLimit },
        schema: {
          summary: 'Save a draft (or edit a sent response before the deadline)',
          tags,
          params: TokenParams,
          body: RespondentInputSchema,
          response: { 200: RespondentViewSchema },
        },
      },
      async (request) => {
        await responses.saveResponse(respondentDeps, request.params.token, request.body);
        return view(request.params.token, requestLocale(request));
      },
    );

    app.post(
      '/api/public/responses/:token/submit',
      {
        config: { access: 'public', rateLimit: writeLimit },
        schema: {
          summary: 'Send the response (idempotent); the receipt is committed before this answers',
          tags,
          params: TokenParams,
          body: RespondentInputSchema,
          response: { 200: RespondentViewSchema },
        },
      },
      async (request) => {
        const result = await responses.submitResponse(respondentDeps, request.params.token, request.body);
        return presentRespondentView(result.view, requestLocale(request));
      },
    );

    app.post(
      '/api/public/responses/:token/withdraw',
      {
        config: { access: 'public', rateLimit: writeLimit },
        schema: {
          summary: 'Withdraw a sent response (until the deadline)',
          tags,
          params: TokenParams,
          response: { 200: RespondentViewSchema },
        },
      },
      async (request) => {
        await responses.withdrawResponse(respondentDeps, request.params.token);
        return view(request.params.token, requestLocale(request));
      },
    );

    app.post(
      '/api/public/responses/:token/attachments',
      {
        config: { access: 'public', rateLimit: uploadLimit },
        schema: {
          summary: 'Attach a PDF, DOCX, ODT or TXT file (multipart field "file")',
          tags,
          params: TokenParams,
          response: { 201: AttachmentSchema },
        },
      },
      async (request, reply) => {
        const [file] = await readUploadedFiles(request, 1);
        if (!file) throw new ValidationError('Choose a file to attach.', { file: 'Required.' });
        const attachment = await responses.addAttachment(respondentDeps, request.params.token, file);
        return reply.status(201).send(presentAttachment(attachment));
      },
    );

    app.delete(
      '/api/public/responses/:token/attachments/:attachmentId',
      {
        config: { access: 'public', rateLimit: writeLimit },
        schema: {
          summary: 'Remove an attachment',
          tags,
          params: TokenParams.extend({ attachmentId: z.string().max(60) }),
        },
      },
      async (request, reply) => {
        await responses.removeAttachment(respondentDeps, request.params.token, request.params.attachmentId);
        return reply.status(204).send();
      },
    );
  };
}
