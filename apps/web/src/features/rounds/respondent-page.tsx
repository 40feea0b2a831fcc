import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation, useParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { Attachment, RespondentInput, RespondentView } from '@innspill/contracts';
import { api, ApiError } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n, type Locale } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import {
  RespondentFields,
  draftFromAnswers,
  draftToInput,
  formatAnswerNumber,
  type RespondentDraft,
} from './respondent-form.tsx';
import { RoundIntro, RoundStateAlert } from './round-intro.tsx';
import { localiseRespondentError, summaryEntries } from './form-errors.ts';
import { uploadFiles } from './rounds.api.ts';

function draftFromView(view: RespondentView, locale: Locale): RespondentDraft {
  return draftFromAnswers(
    view.answers,
    {
      submitterName: view.submitterName ?? '',
      submitterEmail: view.submitterEmail ?? '',
      organisationName: view.organisationName ?? '',
      declaredActorType: view.declaredActorType ?? '',
      publicationConsent: view.publicationConsent === null ? '' : view.publicationConsent ? 'yes' : 'no',
    },
    locale,
  );
}

/** An answer on the receipt: the text, the choices, or the number as the reader writes it. */
function answerCopyText(answer: RespondentView['answers'][number] | undefined, locale: Locale): string {
  if (!answer) return '';
  if (answer.text) return answer.text;
  if (Array.isArray(answer.value)) return answer.value.join(', ');
  if (typeof answer.value === 'number') return formatAnswerNumber(answer.value, locale);
  return answer.value ?? '';
}

/** The receipt: code, time, late flag and a copy of the answers (also sent by email). */
function Receipt({ view }: { view: RespondentView }) {
  const { t, locale, formatDateTime } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="receipt-title" className="receipt">
      <Heading level={2} data-size="md" id="receipt-title" ref={headingRef} tabIndex={-1}>
        {t('respond.receiptTitle')}
      </Heading>
      <dl className="facts">
        <div>
          <dt>{t('respond.receiptCode')}</dt>
          <dd className="receipt-code" data-testid="receipt-code">
            {view.receiptCode}
          </dd>
        </div>
        {view.submittedAt ? (
          <div>
            <dt>{t('participation.submittedAt')}</dt>
            <dd>{formatDateTime(view.submittedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {view.isLate ? <Alert data-color="warning">{t('respond.receiptLate')}</Alert> : null}
      <Heading level={3} data-size="sm">
        {t('respond.copy')}
      </Heading>
      <dl className="answer-copy">
        {view.round.questions.map((question) => {
          const answer = view.answers.find((candidate) => candidate.questionId === question.id);
          const text = answerCopyText(answer, locale);
          return (
            <div key={question.id}>
              <dt>{`${question.position}. ${question.text}`}</dt>
              <dd className="pre-line">{text || t('respond.noAnswer')}</dd>
            </div>
          );
        })}
      </dl>
      {view.attachments.length ? (
        <ul>
          {view.attachments.map((attachment) => (
            <li key={attachment.id}>{attachment.fileName}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function AttachmentList({
  attachments,
  onRemove,
  isDisabled,
}: {
  attachments: Attachment[];
  onRemove: (id: string) => void;
  isDisabled: boolean;
}) {
  const { t } = useI18n();
  if (attachments.length === 0) return null;
  return (
    <ul className="attachment-list">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <span>
            {attachment.fileName} ({Math.max(1, Math.round(attachment.byteSize / 1024))} kB,{' '}
            {t(`respond.extraction.${attachment.extractionStatus}`)})
          </span>
          {isDisabled ? null : (
            <Button type="button" variant="tertiary" data-size="sm" onClick={() => onRemove(attachment.id)}>
              {t('respond.removeAttachment', { name: attachment.fileName })}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Are you sure?" before withdrawing, inline under the button: what withdrawing means, and whether
 * the respondent can answer again (a public round takes a new answer; an invitation link does not).
 * Focus moves to its heading; Escape or "No" closes it and the caller puts focus back on the button.
 */
function WithdrawConfirmation({
  isInvited,
  isBusy,
  onConfirm,
  onCancel,
}: {
  isInvited: boolean;
  isBusy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section
      id="withdraw-confirm"
      aria-labelledby="withdraw-confirm-title"
      className="withdraw-confirm"
      data-testid="withdraw-confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <Heading level={2} data-size="xs" id="withdraw-confirm-title" ref={headingRef} tabIndex={-1}>
        {t('respond.withdrawConfirmTitle')}
      </Heading>
      <Paragraph>{t('respond.withdrawConfirmText')}</Paragraph>
      <Paragraph>
        {isInvited ? t('respond.withdrawConfirmAgainInvited') : t('respond.withdrawConfirmAgainPublic')}
      </Paragraph>
      <div className="button-row">
        <Button type="button" data-color="danger" disabled={isBusy} aria-busy={isBusy} onClick={onConfirm}>
          {t('respond.withdrawConfirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('respond.withdrawCancel')}
        </Button>
      </div>
    </section>
  );
}

/** `/i/:token`: a respondent's own response through their secret link (invitation or saved draft). */
export function RespondentPage() {
  const { token = '' } = useParams();
  const location = useLocation();
  const { t, locale } = useI18n();
  const { session } = useSession();
  const path = `/api/public/responses/${encodeURIComponent(token)}`;
  const state = useApi(() => api.get<RespondentView>(`${path}?lang=${locale}`), `${token}-${locale}`);
  const [view, setView] = useState<RespondentView>();
  const [draft, setDraft] = useState<RespondentDraft>();
  const [isEditing, setIsEditing] = useState(false);
  const [isConfirmingWithdraw, setIsConfirmingWithdraw] = useState(false);
  const withdrawButtonRef = useRef<HTMLButtonElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string }>();
  const [isBusy, setIsBusy] = useState(false);
  const [file, setFile] = useState<File>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const justSaved = (location.state as { justSaved?: boolean } | null)?.justSaved === true;

  useEffect(() => {
    if (state.data) {
      setView(state.data);
      setDraft(draftFromView(state.data, locale));
    }
  }, [state.data, locale]);

  if (state.isLoading && !view) return <LoadingState />;
  if (state.error && !view) return <ErrorState error={state.error} />;
  if (!view || !draft) return null;
  const current = view;

  /** Runs a request; the form keeps what the respondent typed unless the server returned a saved state for it. */
  async function run(
    work: () => Promise<RespondentView | undefined>,
    success?: string,
    shouldKeepDraft = false,
    sent?: RespondentInput,
  ) {
    setIsBusy(true);
    setErrors({});
    setMessage(undefined);
    try {
      const next = await work();
      if (next) {
        setView(next);
        if (!shouldKeepDraft) setDraft(draftFromView(next, locale));
      }
      if (success) setMessage({ tone: 'success', text: success });
      return true;
    } catch (caught) {
      if (caught instanceof ApiError) {
        const localised = localiseRespondentError(caught, current.round, t, { sent, locale });
        setErrors(localised.fields);
        setMessage({ tone: 'danger', text: localised.message });
      } else setMessage({ tone: 'danger', text: t('app.error.generic') });
      summaryRef.current?.focus();
      return false;
    } finally {
      setIsBusy(false);
    }
  }

  const input = () => draftToInput(current.round, draft, current.actorName !== null);
  const save = () => {
    const sent = input();
    void run(
      () => api.put<RespondentView>(path, sent),
      current.status === 'submitted' ? t('rounds.saved') : t('respond.draftSaved'),
      false,
      sent,
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sent = input();
    void run(() => api.post<RespondentView>(`${path}/submit`, sent), undefined, false, sent).then((isOk) => {
      if (isOk) setIsEditing(false);
    });
  };
  const attach = () => {
    if (!file) return;
    void run(
      async () => {
        await uploadFiles(`${path}/attachments`, [file], session?.csrfToken);
        setFile(undefined);
        if (fileInputRef.current) fileInputRef.current.value = '';
        return api.get<RespondentView>(`${path}?lang=${locale}`);
      },
      undefined,
      true,
    );
  };
  const remove = (attachmentId: string) =>
    void run(
      async () => {
        await api.delete(`${path}/attachments/${attachmentId}`);
        return api.get<RespondentView>(`${path}?lang=${locale}`);
      },
      undefined,
      true,
    );
  const withdraw = () =>
    void run(() => api.post<RespondentView>(`${path}/withdraw`)).then((isOk) => {
      if (isOk) setIsConfirmingWithdraw(false);
    });
  const cancelWithdraw = () => {
    setIsConfirmingWithdraw(false);
    withdrawButtonRef.current?.focus();
  };

  const showForm =
    current.status === 'draft'
      ? current.canEdit
      : current.status === 'submitted' && isEditing && current.canEdit;
  return (
    <article className="respond">
      <RoundIntro round={current.round} />
      {current.actorName ? (
        <Paragraph>{t('respond.invitedAs', { name: current.actorName })}</Paragraph>
      ) : null}
      {current.status === 'draft' ? (
        <RoundStateAlert round={current.round} isLate={current.isLateIfSubmittedNow} />
      ) : null}
      <div ref={summaryRef} tabIndex={-1} aria-live="polite">
        <FormErrorSummary errors={summaryEntries(current.round, errors)} />
        {message && !(message.tone === 'danger' && Object.keys(errors).length) ? (
          <Alert data-color={message.tone}>{message.text}</Alert>
        ) : null}
        {justSaved && current.status === 'draft' && !message ? (
          <Alert data-color="success">{t('respond.draftSaved')}</Alert>
        ) : null}
      </div>
      {current.status === 'draft' ? (
        <Textfield
          id="respond-link"
          label={t('respond.linkLabel')}
          readOnly
          value={window.location.href}
          onFocus={(event) => event.target.select()}
        />
      ) : null}
      {current.status === 'withdrawn' ? <Alert data-color="info">{t('respond.withdrawn')}</Alert> : null}
      {current.status === 'submitted' && !isEditing ? (
        <>
          <Receipt view={current} />
          {current.canEdit ? (
            <>
              <Paragraph>{t('respond.canEditUntil')}</Paragraph>
              <div className="button-row">
                <Button type="button" variant="secondary" onClick={() => setIsEditing(true)}>
                  {t('respond.editAnswers')}
                </Button>
                {current.canWithdraw ? (
                  <Button
                    ref={withdrawButtonRef}
                    type="button"
                    variant="tertiary"
                    data-color="danger"
                    disabled={isBusy}
                    aria-expanded={isConfirmingWithdraw}
                    aria-controls={isConfirmingWithdraw ? 'withdraw-confirm' : undefined}
                    onClick={() => setIsConfirmingWithdraw(true)}
                  >
                    {t('respond.withdraw')}
                  </Button>
                ) : null}
              </div>
              {current.canWithdraw && isConfirmingWithdraw ? (
                <WithdrawConfirmation
                  isInvited={current.actorName !== null}
                  isBusy={isBusy}
                  onConfirm={withdraw}
                  onCancel={cancelWithdraw}
                />
              ) : null}
            </>
          ) : null}
        </>
      ) : null}
      {showForm ? (
        <form id="respond-form" onSubmit={submit} className="form-stack" noValidate>
          <RespondentFields
            round={current.round}
            draft={draft}
            onChange={setDraft}
            errors={errors}
            isInvited={current.actorName !== null}
            isDisabled={isBusy}
          />
          <section aria-labelledby="attachments-title" className="form-stack">
            <Heading level={2} data-size="sm" id="attachments-title">
              {t('respond.attachments')}
            </Heading>
            <AttachmentList attachments={current.attachments} onRemove={remove} isDisabled={isBusy} />
            <div className="field">
              <label htmlFor="respond-file">{t('respond.attachChoose')}</label>
              <p className="field-description" id="respond-file-hint">
                {t('respond.attachHint')}
              </p>
              <input
                ref={fileInputRef}
                id="respond-file"
                type="file"
                aria-describedby="respond-file-hint"
                accept=".pdf,.docx,.odt,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text,text/plain"
                onChange={(event) => setFile(event.target.files?.[0])}
              />
            </div>
            <div>
              <Button type="button" variant="secondary" disabled={!file || isBusy} onClick={attach}>
                {t('respond.attach')}
              </Button>
            </div>
          </section>
          <div className="button-row">
            <Button type="button" variant="secondary" disabled={isBusy} onClick={save}>
              {current.status === 'submitted' ? t('respond.update') : t('respond.saveDraft')}
            </Button>
            {current.status === 'draft' ? (
              <Button type="submit" disabled={isBusy || !current.canSubmit} aria-busy={isBusy}>
                {isBusy ? t('respond.sending') : t('respond.submit')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </article>
  );
}
