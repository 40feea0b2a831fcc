import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { roundLatePolicies, roundVisibilities } from '@innspill/vocabulary';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Radio,
  Fieldset,
  FieldsetLegend,
  Textfield,
} from '@digdir/designsystemet-react';
import type { Round, RoundDetailResponse, UpdateRoundRequest } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadingState } from '../../components/page-states.tsx';
import { RoundsErrorState } from './rounds-error-state.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { localiseSecretariatError } from './secretariat-errors.ts';
import { StatusTag } from './round-list-page.tsx';
import { QuestionsEditor } from './questions-editor.tsx';
import { ParticipationPanel } from './participation-panel.tsx';
import { InvitePanel } from './invite-panel.tsx';
import { ImportPanel } from './import-panel.tsx';
import { DeleteRoundPanel } from './delete-round-panel.tsx';

/** Settings fields (as the server names them) and their labels, for the error summary. */
const fieldLabelKeys: Record<string, string> = {
  title: 'rounds.field.title',
  purpose: 'rounds.field.purpose',
  publicationNote: 'rounds.field.publicationNote',
  deadline: 'rounds.deadline',
  visibility: 'rounds.visibility',
  latePolicy: 'rounds.latePolicy',
  reminderDaysBefore: 'rounds.reminderDays',
};

function RoundSettings({
  round,
  path,
  onSaved,
}: {
  round: Round;
  path: string;
  onSaved: (round: Round) => void;
}) {
  const { t } = useI18n();
  const [fields, setFields] = useState({
    title: round.title,
    purpose: round.purpose,
    publicationNote: round.publicationNote,
    deadlineLocal: round.deadlineLocal,
    visibility: round.visibility,
    latePolicy: round.latePolicy,
    reminderDaysBefore: round.reminderDaysBefore?.toString() ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string }>();
  const send = async (body: UpdateRoundRequest) => {
    setErrors({});
    setMessage(undefined);
    try {
      const result = await api.patch<RoundDetailResponse>(path, body);
      onSaved(result.round);
      setMessage({ tone: 'success', text: t('rounds.saved') });
    } catch (caught) {
      const localised = localiseSecretariatError(caught, t);
      setErrors(localised.fields);
      setMessage({ tone: 'danger', text: localised.message });
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({
      title: fields.title,
      purpose: fields.purpose,
      publicationNote: fields.publicationNote,
      deadlineLocal: fields.deadlineLocal,
      visibility: fields.visibility,
      latePolicy: fields.latePolicy,
      reminderDaysBefore: fields.reminderDaysBefore ? Number(fields.reminderDaysBefore) : null,
    });
  };
  const summary = Object.entries(errors).map(([field, text]) => {
    const name = field.replace(/Local$/, '');
    const label = fieldLabelKeys[name];
    return { fieldId: `round-${name}`, message: label ? `${t(label)}: ${text}` : text };
  });
  const publicUrl = `${window.location.origin}/r/${round.id}`;
  return (
    <form onSubmit={submit} className="form-stack narrow" noValidate>
      <FormErrorSummary errors={summary} />
      {message && summary.length === 0 ? <Alert data-color={message.tone}>{message.text}</Alert> : null}
      <Paragraph>
        {t('rounds.status')}: <StatusTag status={round.effectiveStatus} />
      </Paragraph>
      <div className="button-row">
        {round.status !== 'open' ? (
          <Button type="button" onClick={() => void send({ status: 'open' })}>
            {round.status === 'closed' ? t('rounds.reopen') : t('rounds.open')}
          </Button>
        ) : (
          <Button type="button" variant="secondary" onClick={() => void send({ status: 'closed' })}>
            {t('rounds.close')}
          </Button>
        )}
      </div>
      {round.status !== 'draft' ? (
        <Paragraph>
          {t('rounds.publicLink')}: <a href={publicUrl}>{publicUrl}</a>
        </Paragraph>
      ) : null}
      <Textfield
        id="round-title"
        label={t('rounds.field.title')}
        value={fields.title}
        onChange={(e) => setFields({ ...fields, title: e.target.value })}
        error={errors.title}
      />
      <Textfield
        id="round-purpose"
        label={t('rounds.field.purpose')}
        multiline
        rows={4}
        value={fields.purpose}
        onChange={(e) => setFields({ ...fields, purpose: e.target.value })}
      />
      <Textfield
        id="round-publicationNote"
        label={t('rounds.field.publicationNote')}
        multiline
        rows={3}
        value={fields.publicationNote}
        onChange={(e) => setFields({ ...fields, publicationNote: e.target.value })}
      />
      <Textfield
        id="round-deadline"
        label={t('rounds.deadline')}
        description={t('rounds.deadlineHint')}
        type="datetime-local"
        value={fields.deadlineLocal}
        onChange={(e) => setFields({ ...fields, deadlineLocal: e.target.value })}
        error={errors.deadlineLocal ?? errors.deadline}
      />
      <Fieldset>
        <FieldsetLegend>{t('rounds.visibility')}</FieldsetLegend>
        {roundVisibilities.map((value) => (
          <Radio
            key={value}
            id={`round-visibility-${value}`}
            name="visibility"
            value={value}
            label={t(`rounds.visibility.${value}`)}
            checked={fields.visibility === value}
            onChange={() => setFields({ ...fields, visibility: value })}
          />
        ))}
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('rounds.latePolicy')}</FieldsetLegend>
        {roundLatePolicies.map((value) => (
          <Radio
            key={value}
            id={`round-late-${value}`}
            name="latePolicy"
            value={value}
            label={t(`rounds.latePolicy.${value}`)}
            checked={fields.latePolicy === value}
            onChange={() => setFields({ ...fields, latePolicy: value })}
          />
        ))}
      </Fieldset>
      <Textfield
        id="round-reminderDaysBefore"
        label={t('rounds.reminderDays')}
        inputMode="numeric"
        value={fields.reminderDaysBefore}
        onChange={(e) => setFields({ ...fields, reminderDaysBefore: e.target.value })}
        error={errors.reminderDaysBefore}
      />
      <div>
        <Button type="submit">{t('rounds.save')}</Button>
      </div>
    </form>
  );
}

/** `/p/:slug/rounds/:number`: settings, questions, participation, invitations and import of one round. */
export function RoundDetailPage() {
  const { slug = '', number = '' } = useParams();
  const { t, locale } = useI18n();
  const path = `/api/processes/${encodeURIComponent(slug)}/rounds/${encodeURIComponent(number)}`;
  const state = useApi(() => api.get<RoundDetailResponse>(`${path}?lang=${locale}`), `${path}-${locale}`);
  const [round, setRound] = useState<Round>();
  const [refreshKey, setRefreshKey] = useState(0);
  useEffect(() => setRound(state.data?.round), [state.data]);
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <RoundsErrorState error={state.error} />;
  if (!state.data || !round) return null;
  const canManage = state.data.canManage;
  return (
    <article className="round-detail">
      <Heading level={1} data-size="lg">
        {round.title}
      </Heading>
      <Paragraph>{t('rounds.number', { number: round.number })}</Paragraph>
      <Paragraph>
        <RouterLink to={`/p/${slug}/rounds/${round.number}/submissions`}>{t('submissions.link')}</RouterLink>
      </Paragraph>
      {canManage ? <RoundSettings key={round.id} round={round} path={path} onSaved={setRound} /> : null}
      {canManage ? (
        <QuestionsEditor
          key={`q-${round.id}`}
          path={path}
          questions={round.questions}
          onSaved={state.reload}
        />
      ) : null}
      <ParticipationPanel path={path} canManage={canManage} refreshKey={refreshKey} />
      {canManage ? (
        <InvitePanel slug={slug} path={path} onInvited={() => setRefreshKey((value) => value + 1)} />
      ) : null}
      {canManage ? (
        <ImportPanel
          slug={slug}
          path={path}
          questions={round.questions}
          onImported={() => setRefreshKey((value) => value + 1)}
        />
      ) : null}
      {canManage && round.status === 'draft' ? (
        <DeleteRoundPanel round={round} path={path} slug={slug} />
      ) : null}
    </article>
  );
}
