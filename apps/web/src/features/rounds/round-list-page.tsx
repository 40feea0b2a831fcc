import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import type { RoundDetailResponse, RoundListResponse } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadingState } from '../../components/page-states.tsx';
import { RoundsErrorState } from './rounds-error-state.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { localiseSecretariatError } from './secretariat-errors.ts';

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const color = status === 'open' ? 'success' : status === 'closed' ? 'neutral' : 'warning';
  return <Tag data-color={color}>{t(`rounds.status.${status}`)}</Tag>;
}

/** `/p/:slug/rounds`: the rounds of a process, and a form to create one. */
export function RoundListPage() {
  const { slug = '' } = useParams();
  const { t, locale, formatDateTime } = useI18n();
  const navigate = useNavigate();
  const deletedRoundTitle = (useLocation().state as { deletedRoundTitle?: string } | null)?.deletedRoundTitle;
  const state = useApi(
    () => api.get<RoundListResponse>(`/api/processes/${encodeURIComponent(slug)}/rounds?lang=${locale}`),
    `${slug}-${locale}`,
  );
  const [title, setTitle] = useState('');
  const [deadlineLocal, setDeadlineLocal] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <RoundsErrorState error={state.error} />;
  const data = state.data;
  if (!data) return null;

  async function create(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setFormError(undefined);
    try {
      const created = await api.post<RoundDetailResponse>(
        `/api/processes/${encodeURIComponent(slug)}/rounds`,
        { title, deadlineLocal },
      );
      await navigate(`/p/${slug}/rounds/${created.round.number}`);
    } catch (caught) {
      const localised = localiseSecretariatError(caught, t);
      setErrors(localised.fields);
      setFormError(localised.message);
    }
  }

  const summary = Object.entries(errors).map(([field, message]) => ({
    fieldId: field.includes('deadline') ? 'round-new-deadline' : 'round-new-title',
    message: `${t(field.includes('deadline') ? 'rounds.deadline' : 'rounds.field.title')}: ${message}`,
  }));
  return (
    <article>
      <Heading level={1} data-size="lg">
        {t('rounds.title')}
      </Heading>
      {deletedRoundTitle ? (
        <Alert data-color="success" role="status">
          {t('rounds.delete.done', { title: deletedRoundTitle })}
        </Alert>
      ) : null}
      {data.rounds.length === 0 ? (
        <Paragraph>{t('rounds.none')}</Paragraph>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('rounds.field.title')}</TableHeaderCell>
              <TableHeaderCell>{t('rounds.deadline')}</TableHeaderCell>
              <TableHeaderCell>{t('rounds.status')}</TableHeaderCell>
              <TableHeaderCell>{t('rounds.questions')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.rounds.map((round) => (
              <TableRow key={round.id}>
                <TableCell>
                  <RouterLink to={`/p/${slug}/rounds/${round.number}`}>{round.title}</RouterLink>
                </TableCell>
                <TableCell>{formatDateTime(round.deadline)}</TableCell>
                <TableCell>
                  <StatusTag status={round.effectiveStatus} />
                </TableCell>
                <TableCell>{round.questions.length}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {data.canManage ? (
        <section aria-labelledby="round-new-heading" className="narrow">
          <Heading level={2} data-size="md" id="round-new-heading">
            {t('rounds.create')}
          </Heading>
          <form onSubmit={(event) => void create(event)} className="form-stack" noValidate>
            <FormErrorSummary errors={summary} />
            {formError && summary.length === 0 ? <Alert data-color="danger">{formError}</Alert> : null}
            <Textfield
              id="round-new-title"
              label={t('rounds.field.title')}
              required
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              error={errors.title}
            />
            <Textfield
              id="round-new-deadline"
              label={t('rounds.deadline')}
              description={t('rounds.deadlineHint')}
              type="datetime-local"
              required
              value={deadlineLocal}
              onChange={(e) => setDeadlineLocal(e.target.value)}
              error={errors.deadlineLocal ?? errors.deadline}
            />
            <div>
              <Button type="submit">{t('rounds.create')}</Button>
            </div>
          </form>
        </section>
      ) : null}
    </article>
  );
}
