import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import type { PublicRoundResponse, StartResponseResponse } from '@innspill/contracts';
import { api, ApiError } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { RespondentFields, draftToInput, emptyDraft, type RespondentDraft } from './respondent-form.tsx';
import { RoundIntro, RoundStateAlert } from './round-intro.tsx';
import { localiseRespondentError, summaryEntries } from './form-errors.ts';

/** 256 random bits in base64url: the secret link this page asks the server to give the response. */
function newLinkToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * `/r/:roundId`: a round's public page and answer form. Both buttons send the page's idempotency
 * key and link token, so a save or submit retried after its answer was lost (a dropped connection)
 * returns the response the first request made, with its link, instead of making a second one.
 */
export function PublicRoundPage() {
  const { roundId = '' } = useParams();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const state = useApi(
    () => api.get<PublicRoundResponse>(`/api/public/rounds/${encodeURIComponent(roundId)}?lang=${locale}`),
    `${roundId}-${locale}`,
  );
  const [draft, setDraft] = useState<RespondentDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const requestKeys = useMemo(() => ({ idempotencyKey: crypto.randomUUID(), linkToken: newLinkToken() }), []);
  const summaryRef = useRef<HTMLDivElement>(null);

  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <ErrorState error={state.error} />;
  const data = state.data;
  if (!data) return null;
  const round = data.round;

  async function send(shouldSubmit: boolean) {
    setIsBusy(true);
    setErrors({});
    setFormError(undefined);
    const body = { ...draftToInput(round, draft, false), shouldSubmit, ...requestKeys };
    try {
      const result = await api.post<StartResponseResponse>(
        `/api/public/rounds/${encodeURIComponent(round.id)}/responses`,
        body,
      );
      // A repeat answers with what the first request made, which may be a draft or a sent response.
      if (result.token) {
        await navigate(`/i/${result.token}`, { state: { justSaved: result.status === 'draft' } });
      } else {
        setFormError(t('respond.receiptCode') + ': ' + (result.receiptCode ?? ''));
      }
    } catch (caught) {
      if (caught instanceof ApiError) {
        const localised = localiseRespondentError(caught, round, t, { sent: body, locale });
        setErrors(localised.fields);
        setFormError(localised.message);
      } else setFormError(t('app.error.generic'));
      summaryRef.current?.focus();
    } finally {
      setIsBusy(false);
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void send(true);
  };

  return (
    <article className="respond">
      <RoundIntro round={round} />
      <RoundStateAlert round={round} isLate={data.isLateIfAnsweredNow} />
      {round.visibility === 'invitation' ? (
        <Alert data-color="info">{t('respond.invitationOnly')}</Alert>
      ) : null}
      {data.canAnswerPublicly ? (
        <form id="respond-form" onSubmit={onSubmit} className="form-stack" noValidate>
          <div ref={summaryRef} tabIndex={-1} aria-live="polite">
            <FormErrorSummary errors={summaryEntries(round, errors)} />
            {formError && Object.keys(errors).length === 0 ? (
              <Alert data-color="danger">{formError}</Alert>
            ) : null}
          </div>
          <RespondentFields
            round={round}
            draft={draft}
            onChange={setDraft}
            errors={errors}
            isInvited={false}
            isDisabled={isBusy}
          />
          <Paragraph data-size="sm">{t('respond.attachAfterSave')}</Paragraph>
          <div className="button-row">
            <Button type="button" variant="secondary" disabled={isBusy} onClick={() => void send(false)}>
              {t('respond.saveDraft')}
            </Button>
            <Button type="submit" disabled={isBusy} aria-busy={isBusy}>
              {isBusy ? t('respond.sending') : t('respond.submit')}
            </Button>
          </div>
        </form>
      ) : null}
    </article>
  );
}
