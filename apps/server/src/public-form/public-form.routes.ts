import { readFileSync } from 'node:fs';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PublicRound, RespondentView } from '@innspill/contracts';
import { actors, DomainError, responses } from '@innspill/core';
import type { RouteDependencies } from '../app-context.ts';
import { statusForError } from '../plugins/error-handler.ts';
import { presentPublicRound } from '../presenters/round-presenter.ts';
import { presentRespondentView } from '../presenters/submission-presenter.ts';
import { requestLocale } from '../routes/locale.ts';
import { fieldMessage, translator, type Translate } from './form-messages.ts';
import {
  fieldValue,
  formTokenFor,
  isFormContentType,
  isFormTokenValid,
  isSameOriginRequest,
  newIdempotencyKey,
  parseUrlEncoded,
  readPostedForm,
  responseLinkTokenFor,
  type FormFields,
} from './form-request.ts';
import { html, type SafeHtml } from './html.ts';
import {
  emptyValues,
  localHref,
  renderAnswerCopy,
  renderAnswerForm,
  renderErrorSummary,
  renderMessage,
  renderNotice,
  renderPage,
  renderPersonalLink,
  renderReceipt,
  renderRoundIntro,
  renderWithdrawConfirm,
  valuesFromView,
  type FieldErrors,
  type FormValues,
  type PageContext,
} from './public-form.pages.ts';

const stylesheet = readFileSync(new URL('./public-form.css', import.meta.url), 'utf8');
const roundIdPattern = /^[0-9a-f-]{36}$/i;
const linkTokenPattern = /^[A-Za-z0-9_-]{20,200}$/;

/** Where the plain pages live; the SPA's `/r/:roundId` and `/i/:token` link here in `<noscript>`. */
export const plainFormPaths = {
  round: (roundId: string) => `/svar/r/${roundId}`,
  link: (token: string) => `/svar/i/${token}`,
};

function pageContext(request: FastifyRequest): PageContext {
  const query = request.query as Record<string, unknown> | undefined;
  const locale = requestLocale(request);
  return {
    locale,
    t: translator(locale),
    path: request.url.split('?')[0] ?? '/',
    isLanguageExplicit: query?.lang === 'en' || query?.lang === 'nb',
  };
}

function sendPage(reply: FastifyReply, status: number, page: string) {
  return reply.status(status).type('text/html; charset=utf-8').send(page);
}

/** Post/redirect/get: a 303 so reloading the next page never posts again. */
function redirect(reply: FastifyReply, location: string) {
  return reply.status(303).header('location', location).send();
}

/** The form's fields as the core's respondent input, plus what to show again if it is refused. */
function inputFromFields(
  round: PublicRound,
  fields: FormFields,
  isInvited: boolean,
  t: Translate,
): { input: responses.RespondentInput; values: FormValues; errors: FieldErrors } {
  const values = emptyValues();
  const errors: FieldErrors = {};
  const answers: NonNullable<responses.RespondentInput['answers']> = round.questions.map((question) => {
    const name = `q.${question.id}`;
    if (question.kind === 'multiple_choice') {
      const chosen = fields.get(name) ?? [];
      values.answers[question.id] = chosen;
      return { questionId: question.id, value: chosen };
    }
    const raw = fieldValue(fields, name);
    values.answers[question.id] = raw;
    switch (question.kind) {
      case 'long_text':
      case 'short_text':
        return { questionId: question.id, text: raw };
      case 'single_choice':
        return { questionId: question.id, value: raw || null };
      case 'scale':
      case 'number': {
        // Norwegian decimals use a comma; the core checks that what remains is a number.
        const trimmed = raw.trim().replace(',', '.');
        return { questionId: question.id, value: trimmed === '' ? null : trimmed };
      }
    }
  });
  values.submitterName = fieldValue(fields, 'submitterName');
  values.submitterEmail = fieldValue(fields, 'submitterEmail');
  values.organisationName = fieldValue(fields, 'organisationName');
  values.declaredActorType = fieldValue(fields, 'declaredActorType');
  const consent = fieldValue(fields, 'publicationConsent');
  values.publicationConsent = consent === 'yes' || consent === 'no' ? consent : '';
  const isKnownType = (actors.actorTypes as readonly string[]).includes(values.declaredActorType);
  if (values.declaredActorType && !isKnownType) errors.declaredActorType = t('error.field');
  const input: responses.RespondentInput = {
    answers,
    submitterName: values.submitterName,
    submitterEmail: values.submitterEmail,
    ...(isInvited
      ? {}
      : {
          organisationName: values.organisationName,
          declaredActorType: isKnownType ? (values.declaredActorType as actors.ActorType) : null,
        }),
    publicationConsent: values.publicationConsent === '' ? null : values.publicationConsent === 'yes',
  };
  return { input, values, errors };
}

/** Text the database cannot store (a NUL byte: SQLSTATE 22021, 22P05) is bad input, not a fault. */
function isInvalidTextError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (code === '22021' || code === '22P05') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

interface MappedError {
  status: number;
  fields: FieldErrors;
  general: string[];
}

/** Domain errors a respondent can act on, as field errors and summary lines; others are rethrown. */
function mapFormError(error: unknown, t: Translate, maxUploadMegabytes: number): MappedError | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const status = statusForError(error);
  const coreFields = (error.details?.fields ?? {}) as Record<string, string>;
  const fields: FieldErrors = {};
  for (const [key, message] of Object.entries(coreFields)) fields[key] = fieldMessage(t, message);
  switch (error.code) {
    case 'required_answers_missing':
      return { status, fields, general: [t('error.requiredMissing')] };
    case 'validation_failed':
      return { status, fields, general: Object.keys(fields).length ? [] : [t('error.invalid')] };
    case 'unsupported_file_type':
      return { status, fields: { file: t('error.fileType') }, general: [] };
    case 'empty_file':
      return { status, fields: { file: t('error.fileEmpty') }, general: [] };
    case 'payload_too_large':
      return { status, fields: { file: t('error.fileTooLarge', { max: maxUploadMegabytes }) }, general: [] };
    case 'unsafe_archive':
      return { status, fields: { file: t('error.unsafeFile') }, general: [] };
    case 'too_many_attachments':
      return { status, fields: { file: t('error.tooManyFiles') }, general: [] };
    case 'round_closed':
      return { status, fields: {}, general: [t('error.roundClosed')] };
    case 'round_not_open':
      return { status, fields: {}, general: [t('error.roundNotOpen')] };
    case 'submission_withdrawn':
      return { status, fields: {}, general: [t('error.withdrawn')] };
    case 'not_submitted':
      return { status, fields: {}, general: [t('error.notSubmitted')] };
    default:
      return undefined;
  }
}

/**
 * The plain respondent pages: server-rendered HTML forms that work with JavaScript turned off, a
 * progressive fallback for the SPA's `/r/:roundId` and `/i/:token`. They live outside /api, take
 * only `application/x-www-form-urlencoded` and `multipart/form-data`, and call the same core
 * use-cases as the JSON API. See docs/security.md ("Plain respondent forms") for the CSRF design.
 */
export function publicFormRoutes(deps: RouteDependencies) {
  const { clock, respondent: respondentDeps } = deps;
  const { read: readLimit, write: writeLimit } = deps.publicRateLimits;
  const maxUploadBytes = deps.config.maxUploadBytes;
  const maxUploadMegabytes = Math.round(maxUploadBytes / 1024 / 1024);
  const secret = deps.cookieSecret;
  const loadView = async (token: string, locale: string): Promise<RespondentView> =>
    presentRespondentView(await responses.openRespondentLink(deps.db, token, clock), locale);

  const errorPage = (reply: FastifyReply, ctx: PageContext, status: number, message: string) =>
    sendPage(
      reply,
      status,
      renderPage(ctx, { title: ctx.t('error.title'), main: renderMessage(ctx.t('error.title'), message) }),
    );

  /** The link's page with the answer form (a draft, or a sent answer being changed). */
  const linkFormPage = (
    ctx: PageContext,
    token: string,
    view: RespondentView,
    options: { values: FormValues; errors?: FieldErrors; general?: string[]; notices?: SafeHtml[] },
  ) => {
    const { t } = ctx;
    const linkBase = plainFormPaths.link(token);
    const isSent = view.status === 'submitted';
    const main = html`${renderErrorSummary(ctx, view.round.questions, options.errors ?? {}, options.general ?? [])}
${options.notices ?? []}
${renderRoundIntro(ctx, view.round, isSent ? t('editAnswers') : undefined)}
${view.actorName ? html`<p>${t('invitedAs', { name: view.actorName })}</p>` : ''}
${view.isLateIfSubmittedNow && !isSent ? renderNotice(t('late'), 'warning') : ''}
${renderAnswerForm(ctx, {
  round: view.round,
  values: options.values,
  errors: options.errors ?? {},
  action: localHref(ctx, linkBase),
  formToken: formTokenFor(secret, { linkToken: token }),
  isInvited: view.actorName !== null,
  attachments: view.attachments,
  maxUploadMegabytes,
  mode: isSent ? 'sent' : 'draft',
})}
${renderPersonalLink(ctx, `${deps.config.publicUrl}${linkBase}`)}`;
    const hasErrors = Object.keys(options.errors ?? {}).length > 0 || (options.general ?? []).length > 0;
    return renderPage(ctx, { title: view.round.title, main, hasErrors });
  };

  /** The public round's page: the blank form when it can be answered, else why not. */
  const roundPage = (
    ctx: PageContext,
    result: Awaited<ReturnType<typeof responses.getPublicRound>>,
    options: { values?: FormValues; errors?: FieldErrors; general?: string[]; idempotencyKey?: string } = {},
  ) => {
    const { t } = ctx;
    const round = presentPublicRound(result.round, result.questions, result.effectiveStatus, ctx.locale);
    const why =
      round.visibility === 'invitation'
        ? t('invitationOnly')
        : result.effectiveStatus === 'closed'
          ? t('closed')
          : t('notOpen');
    const body = result.canAnswerPublicly
      ? html`${result.isLateIfAnsweredNow ? renderNotice(t('late'), 'warning') : ''}
<p class="hint">${t('plain.intro')}</p>
${renderAnswerForm(ctx, {
  round,
  values: options.values ?? emptyValues(),
  errors: options.errors ?? {},
  action: localHref(ctx, plainFormPaths.round(round.id)),
  formToken: formTokenFor(secret, { roundId: round.id }),
  idempotencyKey: options.idempotencyKey ?? newIdempotencyKey(),
  isInvited: false,
  attachments: undefined,
  maxUploadMegabytes,
  mode: 'new',
})}`
      : html`${renderNotice(why, 'info')}
<h2>${t('questions')}</h2>
<ol class="question-list">${round.questions.map((question) => html`<li>${question.text}</li>`)}</ol>`;
    const main = html`${renderErrorSummary(ctx, round.questions, options.errors ?? {}, options.general ?? [])}
${renderRoundIntro(ctx, round)}
${body}`;
    const hasErrors = Object.keys(options.errors ?? {}).length > 0 || (options.general ?? []).length > 0;
    return renderPage(ctx, { title: round.title, main, hasErrors });
  };

  const noticesFromQuery = (ctx: PageContext, request: FastifyRequest): SafeHtml[] => {
    const query = request.query as Record<string, unknown>;
    const notices: SafeHtml[] = [];
    if (query.lagret) notices.push(renderNotice(ctx.t('draftSaved'), 'success'));
    if (query.endret) notices.push(renderNotice(ctx.t('changesSaved'), 'success'));
    if (query.lagtved) notices.push(renderNotice(ctx.t('attachmentAdded'), 'success'));
    if (query.fjernet) notices.push(renderNotice(ctx.t('attachmentRemoved'), 'success'));
    if (query.frist) notices.push(renderNotice(ctx.t('receiptLocked'), 'warning'));
    return notices;
  };

  return async (app: FastifyInstance) => {
    // Only the two form encodings are accepted here (the API scope refuses them; this scope
    // refuses JSON). Checked before the body is read.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 * 1024 },
      (_request, body, done) => done(null, parseUrlEncoded(String(body))),
    );
    app.addHook('onRequest', async (request, reply) => {
      if (request.method !== 'POST') return;
      const ctx = pageContext(request);
      if (!isFormContentType(request)) return errorPage(reply, ctx, 415, ctx.t('error.contentType'));
      if (!isSameOriginRequest(request, deps.config.publicUrl)) {
        return errorPage(reply, ctx, 403, ctx.t('error.forbidden'));
      }
    });
    app.addHook('onSend', async (request, reply) => {
      // The pages can hold a respondent's personal data and their secret link: never cache them.
      if (!request.url.startsWith('/svar/skjema.css')) reply.header('cache-control', 'no-store');
      // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on the form
      // posts, which the cross-site check must refuse. Other sites still get no referrer (so
      // never the secret link in it).
      reply.header('referrer-policy', 'same-origin');
    });
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const ctx = pageContext(request);
      const { t } = ctx;
      if (error instanceof DomainError && error.code === 'not_found') {
        const isRound = request.url.startsWith('/svar/r/');
        return errorPage(reply, ctx, 404, isRound ? t('error.roundNotFound') : t('error.invalidLink'));
      }
      const mapped = mapFormError(error, t, maxUploadMegabytes);
      if (mapped) {
        return errorPage(
          reply,
          ctx,
          mapped.status,
          [...mapped.general, ...Object.values(mapped.fields)].join(' '),
        );
      }
      if (error.statusCode === 429) return errorPage(reply, ctx, 429, t('error.rateLimited'));
      if (isInvalidTextError(error)) return errorPage(reply, ctx, 400, t('error.badRequest'));
      if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
        return errorPage(reply, ctx, 413, t('error.tooLarge'));
      }
      if (error.statusCode === 415) return errorPage(reply, ctx, 415, t('error.contentType'));
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return errorPage(reply, ctx, error.statusCode, t('error.badRequest'));
      }
      request.log.error({ err: error }, 'unhandled error on a plain respondent page');
      return errorPage(reply, ctx, 500, t('error.generic'));
    });

    app.get(
      '/svar/skjema.css',
      { config: { access: 'public', rateLimit: readLimit } },
      async (_request, reply) =>
        reply
          .type('text/css; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .send(stylesheet),
    );

    // ---- The public round: anyone with the link ----

    app.get<{ Params: { roundId: string } }>(
      '/svar/r/:roundId',
      { config: { access: 'public', rateLimit: readLimit } },
      async (request, reply) => {
        const ctx = pageContext(request);
        if (!roundIdPattern.test(request.params.roundId)) {
          return errorPage(reply, ctx, 404, ctx.t('error.roundNotFound'));
        }
        const result = await responses.getPublicRound(deps.db, request.params.roundId, clock);
        return sendPage(reply, 200, roundPage(ctx, result));
      },
    );

    app.post<{ Params: { roundId: string } }>(
      '/svar/r/:roundId',
      { config: { access: 'public', rateLimit: writeLimit } },
      async (request, reply) => {
        const ctx = pageContext(request);
        const { roundId } = request.params;
        if (!roundIdPattern.test(roundId)) return errorPage(reply, ctx, 404, ctx.t('error.roundNotFound'));
        const posted = await readPostedForm(request, maxUploadBytes);
        if (!isFormTokenValid(secret, { roundId }, fieldValue(posted.fields, 'formToken'))) {
          return errorPage(reply, ctx, 403, ctx.t('error.forbidden'));
        }
        const result = await responses.getPublicRound(deps.db, roundId, clock);
        const round = presentPublicRound(result.round, result.questions, result.effectiveStatus, ctx.locale);
        const { input, values, errors } = inputFromFields(round, posted.fields, false, ctx.t);
        const idempotencyKey = fieldValue(posted.fields, 'idempotencyKey') || newIdempotencyKey();
        const again = (status: number, fields: FieldErrors, general: string[]) =>
          sendPage(
            reply,
            status,
            roundPage(ctx, result, { values, errors: fields, general, idempotencyKey }),
          );
        if (Object.keys(errors).length) return again(400, errors, []);
        const shouldSubmit = fieldValue(posted.fields, 'action') === 'submit';
        try {
          // The page's key guards both buttons: a repeated post of the page (a double click) finds
          // the response the first post started instead of starting another, and the link derived
          // from the key (responseLinkTokenFor) takes the respondent to that same response.
          const linkToken = responseLinkTokenFor(secret, roundId, idempotencyKey);
          const started = await responses.startResponse(respondentDeps, roundId, {
            ...input,
            ...(shouldSubmit ? { shouldSubmit: true } : {}),
            idempotencyKey,
            linkToken,
          });
          if (!started.isRepeat && started.token) {
            const query: Record<string, string> = shouldSubmit ? {} : { lagret: '1' };
            return redirect(reply, localHref(ctx, plainFormPaths.link(started.token), query));
          }
          if (started.submission.status === 'draft') {
            // The first post saved a draft: this one's answers go to that draft, through its link.
            if (!started.token) {
              // Not a page of ours (its key does not give the draft's link): a fresh key, no draft.
              return sendPage(
                reply,
                409,
                roundPage(ctx, result, { values, general: [ctx.t('error.repeatWithoutLink')] }),
              );
            }
            if (shouldSubmit) {
              await responses.submitResponse(respondentDeps, started.token, input);
              return redirect(reply, localHref(ctx, plainFormPaths.link(started.token)));
            }
            await responses.saveResponse(respondentDeps, started.token, input);
            return redirect(reply, localHref(ctx, plainFormPaths.link(started.token), { lagret: '1' }));
          }
          // A repeated "Send inn": the first request's receipt, nothing changed.
          const submission = started.submission;
          const view: RespondentView = {
            round,
            actorName: null,
            status: submission.status,
            receiptCode: submission.receiptCode,
            submittedAt: submission.submittedAt?.toISOString() ?? null,
            isLate: submission.isLate,
            submitterName: submission.submitterName,
            submitterEmail: submission.submitterEmail,
            organisationName: submission.organisationName,
            declaredActorType: submission.declaredActorType,
            publicationConsent: submission.publicationConsent,
            answers: (input.answers ?? []).map((answer) => ({
              questionId: answer.questionId,
              text: answer.text ?? null,
              value: answer.text === undefined ? (answer.value ?? null) : null,
            })),
            attachments: [],
            canSubmit: false,
            canEdit: false,
            canWithdraw: false,
            isLateIfSubmittedNow: false,
          };
          const main = html`<h1>${ctx.t('receiptTitle')}</h1>
${renderNotice(ctx.t('receiptRepeat'), 'info')}
<p class="lead">${round.title}</p>
<div class="receipt"><p>${ctx.t('receiptCode')}: <strong class="receipt-code" data-testid="receipt-code">${submission.receiptCode ?? ''}</strong></p></div>
${renderAnswerCopy(ctx, view)}`;
          return sendPage(reply, 200, renderPage(ctx, { title: ctx.t('receiptTitle'), main }));
        } catch (error) {
          const mapped = mapFormError(error, ctx.t, maxUploadMegabytes);
          if (!mapped) throw error;
          return again(mapped.status, mapped.fields, mapped.general);
        }
      },
    );

    // ---- The secret link: a draft, a sent answer (receipt), or a withdrawn one ----

    const withToken = async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => {
      const ctx = pageContext(request);
      const { token } = request.params;
      if (!linkTokenPattern.test(token)) {
        await errorPage(reply, ctx, 404, ctx.t('error.invalidLink'));
        return undefined;
      }
      return { ctx, token, linkBase: plainFormPaths.link(token) };
    };

    app.get<{ Params: { token: string } }>(
      '/svar/i/:token',
      { config: { access: 'public', rateLimit: readLimit } },
      async (request, reply) => {
        const resolved = await withToken(request, reply);
        if (!resolved) return reply;
        const { ctx, token, linkBase } = resolved;
        const { t } = ctx;
        const view = await loadView(token, ctx.locale);
        const notices = noticesFromQuery(ctx, request);
        if (view.status === 'withdrawn') {
          const main = html`${renderRoundIntro(ctx, view.round)}${renderNotice(t('withdrawn'), 'info')}`;
          return sendPage(reply, 200, renderPage(ctx, { title: view.round.title, main }));
        }
        if (view.status === 'submitted') {
          const main = renderReceipt(ctx, view, {
            linkBase,
            personalLink: `${deps.config.publicUrl}${linkBase}`,
            notices,
          });
          return sendPage(reply, 200, renderPage(ctx, { title: t('receiptTitle'), main }));
        }
        if (!view.canEdit) {
          const why = view.round.effectiveStatus === 'closed' ? t('closed') : t('notOpen');
          const main = html`${renderRoundIntro(ctx, view.round)}${renderNotice(why, 'info')}${view.answers.length ? renderAnswerCopy(ctx, view) : ''}`;
          return sendPage(reply, 200, renderPage(ctx, { title: view.round.title, main }));
        }
        return sendPage(
          reply,
          200,
          linkFormPage(ctx, token, view, { values: valuesFromView(view), notices }),
        );
      },
    );

    app.get<{ Params: { token: string } }>(
      '/svar/i/:token/endre',
      { config: { access: 'public', rateLimit: readLimit } },
      async (request, reply) => {
        const resolved = await withToken(request, reply);
        if (!resolved) return reply;
        const { ctx, token, linkBase } = resolved;
        const view = await loadView(token, ctx.locale);
        if (view.status !== 'submitted' || !view.canEdit) return redirect(reply, localHref(ctx, linkBase));
        const notices = noticesFromQuery(ctx, request);
        return sendPage(
          reply,
          200,
          linkFormPage(ctx, token, view, { values: valuesFromView(view), notices }),
        );
      },
    );

    app.post<{ Params: { token: string } }>(
      '/svar/i/:token',
      { config: { access: 'public', rateLimit: writeLimit } },
      async (request, reply) => {
        const resolved = await withToken(request, reply);
        if (!resolved) return reply;
        const { ctx, token, linkBase } = resolved;
        const { t } = ctx;
        const posted = await readPostedForm(request, maxUploadBytes);
        if (!isFormTokenValid(secret, { linkToken: token }, fieldValue(posted.fields, 'formToken'))) {
          return errorPage(reply, ctx, 403, t('error.forbidden'));
        }
        const view = await loadView(token, ctx.locale);
        const { input, values, errors } = inputFromFields(
          view.round,
          posted.fields,
          view.actorName !== null,
          t,
        );
        const again = async (status: number, fields: FieldErrors, general: string[]) => {
          // Attachments may have changed (a save can commit before an attachment is refused).
          const fresh = await loadView(token, ctx.locale).catch(() => view);
          return sendPage(
            reply,
            status,
            linkFormPage(ctx, token, fresh, { values, errors: fields, general }),
          );
        };
        if (view.status === 'withdrawn') return again(409, {}, [t('error.withdrawn')]);
        const action = fieldValue(posted.fields, 'action');
        const removeId = fieldValue(posted.fields, 'remove');
        if (view.status === 'submitted' && !view.canEdit) {
          // After the deadline a sent answer is final: a repeated "Send inn" (double click) or a
          // stale edit form lands on the committed receipt, with a note that nothing changed.
          return redirect(reply, localHref(ctx, linkBase, { frist: '1' }));
        }
        if (posted.isFileTooLarge) {
          return again(413, { file: t('error.fileTooLarge', { max: maxUploadMegabytes }) }, []);
        }
        if (Object.keys(errors).length) return again(400, errors, []);
        const isSent = view.status === 'submitted';
        const pagePath = isSent ? `${linkBase}/endre` : linkBase;
        try {
          if (action === 'submit') {
            // Idempotent: a second "Send inn" updates the sent answer in place, same receipt code.
            await responses.submitResponse(respondentDeps, token, input);
            return redirect(reply, localHref(ctx, linkBase, isSent ? { endret: '1' } : {}));
          }
          // Every other button keeps what was typed first. A sent answer is saved through submit,
          // so its required answers stay answered; a draft is saved as it is.
          if (isSent) await responses.submitResponse(respondentDeps, token, input);
          else await responses.saveResponse(respondentDeps, token, input);
          if (removeId) {
            await responses.removeAttachment(respondentDeps, token, removeId);
            return redirect(reply, `${localHref(ctx, pagePath, { fjernet: '1' })}#vedlegg`);
          }
          if (action === 'attach' && posted.file) {
            await responses.addAttachment(respondentDeps, token, posted.file);
            return redirect(reply, `${localHref(ctx, pagePath, { lagtved: '1' })}#vedlegg`);
          }
          if (action === 'attach') return again(400, { file: t('error.noFileChosen') }, []);
          return redirect(
            reply,
            localHref(ctx, isSent ? linkBase : pagePath, isSent ? { endret: '1' } : { lagret: '1' }),
          );
        } catch (error) {
          const mapped = mapFormError(error, t, maxUploadMegabytes);
          if (!mapped) {
            if (error instanceof DomainError && error.code === 'not_found' && removeId) {
              return again(404, {}, [t('error.attachmentNotFound')]);
            }
            throw error;
          }
          return again(mapped.status, mapped.fields, mapped.general);
        }
      },
    );

    app.get<{ Params: { token: string } }>(
      '/svar/i/:token/trekk-tilbake',
      { config: { access: 'public', rateLimit: readLimit } },
      async (request, reply) => {
        const resolved = await withToken(request, reply);
        if (!resolved) return reply;
        const { ctx, token, linkBase } = resolved;
        const view = await loadView(token, ctx.locale);
        if (!view.canWithdraw) return redirect(reply, localHref(ctx, linkBase));
        const main = renderWithdrawConfirm(ctx, view, {
          action: localHref(ctx, `${linkBase}/trekk-tilbake`),
          back: localHref(ctx, linkBase),
          formToken: formTokenFor(secret, { linkToken: token }),
        });
        return sendPage(reply, 200, renderPage(ctx, { title: ctx.t('withdrawConfirmTitle'), main }));
      },
    );

    app.post<{ Params: { token: string } }>(
      '/svar/i/:token/trekk-tilbake',
      { config: { access: 'public', rateLimit: writeLimit } },
      async (request, reply) => {
        const resolved = await withToken(request, reply);
        if (!resolved) return reply;
        const { ctx, token, linkBase } = resolved;
        const posted = await readPostedForm(request, maxUploadBytes);
        if (!isFormTokenValid(secret, { linkToken: token }, fieldValue(posted.fields, 'formToken'))) {
          return errorPage(reply, ctx, 403, ctx.t('error.forbidden'));
        }
        try {
          await responses.withdrawResponse(respondentDeps, token);
        } catch (error) {
          const mapped = mapFormError(error, ctx.t, maxUploadMegabytes);
          if (!mapped) throw error;
          const back = html`<p><a href="${localHref(ctx, linkBase)}">${ctx.t('backToForm')}</a></p>`;
          return sendPage(
            reply,
            mapped.status,
            renderPage(ctx, {
              title: ctx.t('error.title'),
              main: renderMessage(ctx.t('error.title'), mapped.general.join(' '), back),
              hasErrors: true,
            }),
          );
        }
        return redirect(reply, localHref(ctx, linkBase));
      },
    );
  };
}
