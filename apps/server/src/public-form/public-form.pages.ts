import type { Attachment, PublicRound, Question, RespondentView } from '@innspill/contracts';
import { actors, osloTimeZone, responses } from '@innspill/core';
import { describedBy, flag, html, SafeHtml } from './html.ts';
import { actorTypeName, type FormLocale, type MessageKey, type Translate } from './form-messages.ts';

/** What every page needs: the language, its texts, and how to keep `?lang=` on links. */
export interface PageContext {
  locale: FormLocale;
  t: Translate;
  /** The request path without the query (for the language switch). */
  path: string;
  /** True when the reader chose the language with `?lang=`: links and form actions keep it. */
  isLanguageExplicit: boolean;
}

/** A path with `?lang=` kept when the reader chose the language explicitly. */
export function localHref(ctx: PageContext, path: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ ...(ctx.isLanguageExplicit ? { lang: ctx.locale } : {}), ...extra });
  const text = query.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/** What the respondent has typed (or saved), as form control values. */
export interface FormValues {
  answers: Record<string, string | string[]>;
  submitterName: string;
  submitterEmail: string;
  organisationName: string;
  declaredActorType: string;
  publicationConsent: '' | 'yes' | 'no';
}

/** Field errors keyed like the core's (`answers.<questionId>`, `submitterEmail`, …) plus `file`. */
export type FieldErrors = Record<string, string>;

export function valuesFromView(view: RespondentView): FormValues {
  const answers: FormValues['answers'] = {};
  for (const answer of view.answers) {
    answers[answer.questionId] = Array.isArray(answer.value)
      ? answer.value
      : (answer.text ?? (answer.value === null ? '' : String(answer.value)));
  }
  return {
    answers,
    submitterName: view.submitterName ?? '',
    submitterEmail: view.submitterEmail ?? '',
    organisationName: view.organisationName ?? '',
    declaredActorType: view.declaredActorType ?? '',
    publicationConsent: view.publicationConsent === null ? '' : view.publicationConsent ? 'yes' : 'no',
  };
}

export function emptyValues(): FormValues {
  return {
    answers: {},
    submitterName: '',
    submitterEmail: '',
    organisationName: '',
    declaredActorType: '',
    publicationConsent: '',
  };
}

/** A deadline as the reader reads it, in Oslo time: "fredag 11. mai 2099 kl. 23:59". */
export function formatOsloTime(iso: string, locale: FormLocale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nb-NO', {
    timeZone: osloTimeZone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** The id of a question's first control: the error summary links there. */
export function questionFieldId(question: Pick<Question, 'id' | 'kind'>): string {
  return ['single_choice', 'multiple_choice', 'scale'].includes(question.kind)
    ? `q-${question.id}-0`
    : `q-${question.id}`;
}

const personFields: { key: string; id: string; label: MessageKey }[] = [
  { key: 'submitterName', id: 'f-name', label: 'name' },
  { key: 'submitterEmail', id: 'f-email', label: 'email' },
  { key: 'organisationName', id: 'f-organisation', label: 'organisation' },
  { key: 'declaredActorType', id: 'f-actor-type', label: 'actorType' },
  { key: 'publicationConsent', id: 'f-consent-yes', label: 'consent' },
  { key: 'file', id: 'f-file', label: 'attachChoose' },
];

/** The whole page: language, viewport, skip link, stylesheet; no scripts at all. */
export function renderPage(
  ctx: PageContext,
  options: { title: string; main: SafeHtml; hasErrors?: boolean },
): string {
  const { t } = ctx;
  const otherLocale = ctx.locale === 'en' ? 'nb' : 'en';
  const otherHref = `${ctx.path}?lang=${otherLocale}`;
  const title = `${options.hasErrors ? `${t('errorPrefix')} ` : ''}${options.title} – ${t('site.name')}`;
  return `<!doctype html>\n${html`<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/svar/skjema.css">
</head>
<body>
<a class="skip-link" href="#innhold">${t('skip')}</a>
<header class="site-header">
<p class="site-name">${t('site.name')}</p>
<nav aria-label="${t('language.nav')}"><a href="${otherHref}" lang="${otherLocale}" hreflang="${otherLocale}">${t('language.other')}</a></nav>
</header>
<main id="innhold" tabindex="-1">
${options.main}
</main>
</body>
</html>`}\n`;
}

/** Title, purpose, deadline and how the answers are used. */
export function renderRoundIntro(ctx: PageContext, round: PublicRound, headingOverride?: string): SafeHtml {
  const { t } = ctx;
  return html`<h1>${headingOverride ?? round.title}</h1>
${headingOverride ? html`<p class="lead">${round.title}</p>` : ''}
<p class="deadline">${t('deadline', { deadline: formatOsloTime(round.deadline, ctx.locale) })}</p>
${round.purpose ? html`<div class="purpose">${paragraphs(round.purpose)}</div>` : ''}
${
  round.publicationNote
    ? html`<section aria-labelledby="how-used"><h2 id="how-used">${t('howUsed')}</h2>${paragraphs(round.publicationNote)}</section>`
    : ''
}`;
}

function paragraphs(text: string): SafeHtml {
  return html`${text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => html`<p>${part}</p>`)}`;
}

/** A notice (success or information) shown at the top of the main content. */
export function renderNotice(text: string, kind: 'success' | 'info' | 'warning' = 'info'): SafeHtml {
  return html`<div class="notice notice-${kind}" role="status"><p>${text}</p></div>`;
}

/**
 * The GOV.UK/Designsystemet error summary: focused on load (the `autofocus` attribute, no script),
 * one link per field error in form order, and general messages as text.
 */
export function renderErrorSummary(
  ctx: PageContext,
  questions: Pick<Question, 'id' | 'kind' | 'text'>[],
  errors: FieldErrors,
  general: string[],
): SafeHtml {
  const links: SafeHtml[] = [];
  questions.forEach((question, index) => {
    const message = errors[`answers.${question.id}`];
    if (message) {
      links.push(
        html`<li><a href="#${questionFieldId(question)}">${index + 1}. ${question.text}: ${message}</a></li>`,
      );
    }
  });
  for (const field of personFields) {
    const message = errors[field.key];
    if (message) links.push(html`<li><a href="#${field.id}">${ctx.t(field.label)}: ${message}</a></li>`);
  }
  if (links.length === 0 && general.length === 0) return html``;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${ctx.t('errorSummary')}</h2>
${general.map((message) => html`<p>${message}</p>`)}
${links.length ? html`<ul>${links}</ul>` : ''}
</div>`;
}

function fieldError(ctx: PageContext, id: string, message: string | undefined): SafeHtml {
  if (!message) return html``;
  return html`<p class="field-error" id="${id}"><span class="visually-hidden">${ctx.t('errorPrefix')} </span>${message}</p>`;
}

function renderQuestion(
  ctx: PageContext,
  question: Question,
  index: number,
  values: FormValues,
  errors: FieldErrors,
): SafeHtml {
  const { t } = ctx;
  const base = `q-${question.id}`;
  const name = `q.${question.id}`;
  const error = errors[`answers.${question.id}`];
  const errorId = error ? `${base}-error` : undefined;
  const value = values.answers[question.id] ?? '';
  const text = typeof value === 'string' ? value : '';
  const label = html`<span class="question-number">${index + 1}.</span> ${question.text}${
    question.isRequired ? html` <span class="required">${t('required')}</span>` : ''
  }`;
  const invalid = flag('aria-invalid="true"', Boolean(error));
  switch (question.kind) {
    case 'long_text':
    case 'short_text':
    case 'number': {
      const hintId = question.kind === 'number' ? `${base}-hint` : undefined;
      const control =
        question.kind === 'long_text'
          ? html`<textarea id="${base}" name="${name}" rows="8"${flag('required', question.isRequired)}${invalid}${describedBy([hintId, errorId])}>${text}</textarea>`
          : html`<input id="${base}" name="${name}" type="text"${
              question.kind === 'number'
                ? html` inputmode="decimal"`
                : html` maxlength="${responses.maxShortTextChars}"`
            } value="${text}"${flag('required', question.isRequired)}${invalid}${describedBy([hintId, errorId])}>`;
      return html`<div class="field${error ? ' field-invalid' : ''}">
<label for="${base}">${label}</label>
${hintId ? html`<p class="hint" id="${hintId}">${t('number.hint')}</p>` : ''}
${fieldError(ctx, errorId ?? '', error)}
${control}
</div>`;
    }
    case 'single_choice':
    case 'scale':
    case 'multiple_choice': {
      const isMultiple = question.kind === 'multiple_choice';
      const options = question.kind === 'scale' ? ['1', '2', '3', '4', '5'] : question.options;
      const selected = Array.isArray(value) ? value : value ? [value] : [];
      const hint = question.kind === 'scale' ? t('scale.hint') : isMultiple ? t('multiple.hint') : undefined;
      const hintId = hint ? `${base}-hint` : undefined;
      return html`<fieldset class="field${error ? ' field-invalid' : ''}${question.kind === 'scale' ? ' scale' : ''}"${describedBy([hintId, errorId])}>
<legend>${label}</legend>
${hint ? html`<p class="hint" id="${hintId}">${hint}</p>` : ''}
${fieldError(ctx, errorId ?? '', error)}
<div class="choices">
${options.map(
  (option, optionIndex) => html`<div class="choice">
<input id="${base}-${optionIndex}" name="${name}" type="${isMultiple ? 'checkbox' : 'radio'}" value="${option}"${flag('checked', selected.includes(option))}${flag('required', question.isRequired && !isMultiple)}${invalid}>
<label for="${base}-${optionIndex}">${option}</label>
</div>`,
)}
</div>
</fieldset>`;
    }
  }
}

function textInput(
  ctx: PageContext,
  options: {
    id: string;
    name: string;
    label: string;
    value: string;
    error?: string | undefined;
    hint?: string;
    type?: string;
    autocomplete: string;
  },
): SafeHtml {
  const errorId = options.error ? `${options.id}-error` : undefined;
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  return html`<div class="field${options.error ? ' field-invalid' : ''}">
<label for="${options.id}">${options.label}</label>
${options.hint ? html`<p class="hint" id="${hintId}">${options.hint}</p>` : ''}
${fieldError(ctx, errorId ?? '', options.error)}
<input id="${options.id}" name="${options.name}" type="${options.type ?? 'text'}" autocomplete="${options.autocomplete}" value="${options.value}"${flag('aria-invalid="true"', Boolean(options.error))}${describedBy([hintId, errorId])}>
</div>`;
}

export interface AnswerFormOptions {
  round: PublicRound;
  values: FormValues;
  errors: FieldErrors;
  action: string;
  formToken: string;
  /** The public form's key against double-clicked submits (no link exists yet). */
  idempotencyKey?: string;
  /** Invited respondents answer for a registered organisation: no organisation fields. */
  isInvited: boolean;
  /** Undefined before a draft exists: files can be attached once there is a link. */
  attachments: Attachment[] | undefined;
  maxUploadMegabytes: number;
  /** `sent`: editing a response already submitted (one button, "Save changes"). */
  mode: 'new' | 'draft' | 'sent';
}

/**
 * The answer form. One form posts everything, so every button (attach, remove, save, submit) keeps
 * what was typed. The attach button comes before save/submit, so Enter in a text field attaches
 * (and saves) rather than sends; without a chosen file it simply saves.
 */
export function renderAnswerForm(ctx: PageContext, options: AnswerFormOptions): SafeHtml {
  const { t } = ctx;
  const { round, values, errors } = options;
  const consentError = errors.publicationConsent;
  const consentErrorId = consentError ? 'f-consent-error' : undefined;
  const fileError = errors.file;
  const fileErrorId = fileError ? 'f-file-error' : undefined;
  const actorTypeError = errors.declaredActorType;
  const actorTypeErrorId = actorTypeError ? 'f-actor-type-error' : undefined;
  const hasAttachments = options.attachments !== undefined;
  return html`<form method="post" action="${options.action}" enctype="multipart/form-data" novalidate>
<input type="hidden" name="formToken" value="${options.formToken}">
${options.idempotencyKey ? html`<input type="hidden" name="idempotencyKey" value="${options.idempotencyKey}">` : ''}
<h2>${t('questions')}</h2>
${round.questions.map((question, index) => renderQuestion(ctx, question, index, values, errors))}
<fieldset class="group">
<legend>${t('about')}</legend>
${textInput(ctx, { id: 'f-name', name: 'submitterName', label: t('name'), value: values.submitterName, error: errors.submitterName, autocomplete: 'name' })}
${textInput(ctx, { id: 'f-email', name: 'submitterEmail', label: t('email'), value: values.submitterEmail, error: errors.submitterEmail, hint: t('emailHint'), type: 'email', autocomplete: 'email' })}
${
  options.isInvited
    ? ''
    : html`${textInput(ctx, { id: 'f-organisation', name: 'organisationName', label: t('organisation'), value: values.organisationName, error: errors.organisationName, autocomplete: 'organization' })}
<div class="field${actorTypeError ? ' field-invalid' : ''}">
<label for="f-actor-type">${t('actorType')}</label>
${fieldError(ctx, actorTypeErrorId ?? '', actorTypeError)}
<select id="f-actor-type" name="declaredActorType"${describedBy([actorTypeErrorId])}>
<option value="">${t('choose')}</option>
${actors.actorTypes.map((type) => html`<option value="${type}"${flag('selected', values.declaredActorType === type)}>${actorTypeName(ctx.locale, type)}</option>`)}
</select>
</div>`
}
</fieldset>
<fieldset class="group${consentError ? ' field-invalid' : ''}"${describedBy([round.publicationNote ? 'f-consent-hint' : undefined, consentErrorId])}>
<legend>${t('consent')}</legend>
${round.publicationNote ? html`<p class="hint" id="f-consent-hint">${round.publicationNote}</p>` : ''}
${fieldError(ctx, consentErrorId ?? '', consentError)}
<div class="choices">
<div class="choice"><input id="f-consent-yes" name="publicationConsent" type="radio" value="yes"${flag('checked', values.publicationConsent === 'yes')}><label for="f-consent-yes">${t('consent.yes')}</label></div>
<div class="choice"><input id="f-consent-no" name="publicationConsent" type="radio" value="no"${flag('checked', values.publicationConsent === 'no')}><label for="f-consent-no">${t('consent.no')}</label></div>
</div>
</fieldset>
<section class="group" id="vedlegg" aria-labelledby="attachments-title">
<h2 id="attachments-title">${t('attachments')}</h2>
${
  hasAttachments
    ? html`${
        options.attachments!.length
          ? html`<ul class="attachments">${options.attachments!.map(
              (
                attachment,
              ) => html`<li><span class="file-name">${attachment.fileName}</span> <span class="file-meta">(${Math.max(1, Math.round(attachment.byteSize / 1024))} kB, ${t(`extraction.${attachment.extractionStatus}`)})</span>
<button type="submit" class="button-link" name="remove" value="${attachment.id}">${t('removeAttachment', { name: attachment.fileName })}</button></li>`,
            )}</ul>`
          : html`<p>${t('attachmentsNone')}</p>`
      }
<div class="field${fileError ? ' field-invalid' : ''}">
<label for="f-file">${t('attachChoose')}</label>
<p class="hint" id="f-file-hint">${t('attachHint', { max: options.maxUploadMegabytes })}</p>
${fieldError(ctx, fileErrorId ?? '', fileError)}
<input id="f-file" name="file" type="file" accept=".pdf,.docx,.odt,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/plain"${flag('aria-invalid="true"', Boolean(fileError))}${describedBy(['f-file-hint', fileErrorId])}>
</div>
<button type="submit" class="button-secondary" name="action" value="attach">${t('attach')}</button>`
    : html`<p>${t('attachAfterSave')}</p>`
}
</section>
<div class="actions">
${options.mode === 'sent' ? '' : html`<button type="submit" class="button-secondary" name="action" value="save">${t('saveDraft')}</button>`}
<button type="submit" class="button-primary" name="action" value="submit">${options.mode === 'sent' ? t('update') : t('submit')}</button>
</div>
</form>`;
}

/** The personal link, shown so a respondent without email can come back. */
export function renderPersonalLink(ctx: PageContext, link: string): SafeHtml {
  return html`<section class="personal-link" aria-labelledby="personal-link-title">
<h2 id="personal-link-title">${ctx.t('linkLabel')}</h2>
<p><a href="${link}">${link}</a></p>
<p class="hint">${ctx.t('linkHint')}</p>
</section>`;
}

/** A copy of the answers as a description list (question → answer). */
export function renderAnswerCopy(ctx: PageContext, view: RespondentView): SafeHtml {
  const byQuestion = new Map(view.answers.map((answer) => [answer.questionId, answer]));
  return html`<section aria-labelledby="copy-title">
<h2 id="copy-title">${ctx.t('copy')}</h2>
<dl class="answer-copy">
${view.round.questions.map((question, index) => {
  const answer = byQuestion.get(question.id);
  const text = answer ? responses.answerAsText(answer) : '';
  return html`<dt>${index + 1}. ${question.text}</dt><dd>${text ? paragraphs(text) : html`<p>${ctx.t('noAnswer')}</p>`}</dd>`;
})}
${view.submitterName ? html`<dt>${ctx.t('name')}</dt><dd><p>${view.submitterName}</p></dd>` : ''}
${view.submitterEmail ? html`<dt>${ctx.t('email')}</dt><dd><p>${view.submitterEmail}</p></dd>` : ''}
${view.organisationName ? html`<dt>${ctx.t('organisation')}</dt><dd><p>${view.organisationName}</p></dd>` : ''}
${view.declaredActorType ? html`<dt>${ctx.t('actorType')}</dt><dd><p>${actorTypeName(ctx.locale, view.declaredActorType)}</p></dd>` : ''}
${
  view.publicationConsent === null
    ? ''
    : html`<dt>${ctx.t('consent')}</dt><dd><p>${view.publicationConsent ? ctx.t('consent.yes') : ctx.t('consent.no')}</p></dd>`
}
${
  view.attachments.length
    ? html`<dt>${ctx.t('attachments')}</dt><dd><ul>${view.attachments.map((attachment) => html`<li>${attachment.fileName}</li>`)}</ul></dd>`
    : ''
}
</dl>
</section>`;
}

/** The receipt: code, time, late flag, a copy of the answers, and what the respondent may still do. */
export function renderReceipt(
  ctx: PageContext,
  view: RespondentView,
  options: { linkBase: string; personalLink: string; notices: SafeHtml[] },
): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('receiptTitle')}</h1>
${options.notices}
<p class="lead">${view.round.title}</p>
<div class="receipt">
<p>${t('receiptCode')}: <strong class="receipt-code" data-testid="receipt-code">${view.receiptCode ?? ''}</strong></p>
${view.submittedAt ? html`<p>${t('receiptSentAt', { at: formatOsloTime(view.submittedAt, ctx.locale) })}</p>` : ''}
${view.isLate ? html`<p>${t('receiptLate')}</p>` : ''}
</div>
${view.actorName ? html`<p>${t('invitedAs', { name: view.actorName })}</p>` : ''}
${
  view.canEdit
    ? html`<p>${t('canEditUntil')}</p>
<ul class="link-list">
<li><a href="${localHref(ctx, `${options.linkBase}/endre`)}">${t('editAnswers')}</a></li>
${view.canWithdraw ? html`<li><a href="${localHref(ctx, `${options.linkBase}/trekk-tilbake`)}">${t('withdraw')}</a></li>` : ''}
</ul>`
    : ''
}
${renderAnswerCopy(ctx, view)}
${renderPersonalLink(ctx, options.personalLink)}`;
}

/** A page with a heading and one message (errors, closed rounds, withdrawn answers). */
export function renderMessage(title: string, message: string, extra: SafeHtml = html``): SafeHtml {
  return html`<h1>${title}</h1>
<p>${message}</p>
${extra}`;
}

/** "Are you sure?" before withdrawing: a plain POST form, since there is no script for a dialog. */
export function renderWithdrawConfirm(
  ctx: PageContext,
  view: RespondentView,
  options: { action: string; back: string; formToken: string },
): SafeHtml {
  const { t } = ctx;
  return html`<h1>${t('withdrawConfirmTitle')}</h1>
<p class="lead">${view.round.title}</p>
<p>${t('withdrawConfirmText')}</p>
<form method="post" action="${options.action}">
<input type="hidden" name="formToken" value="${options.formToken}">
<div class="actions">
<button type="submit" class="button-danger">${t('withdrawConfirm')}</button>
<a class="button-link" href="${options.back}">${t('cancel')}</a>
</div>
</form>`;
}

export { SafeHtml };
