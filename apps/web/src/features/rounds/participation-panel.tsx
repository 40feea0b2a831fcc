import { useState } from 'react';
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
} from '@digdir/designsystemet-react';
import type { Participation } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { LoadingState } from '../../components/page-states.tsx';
import { RoundsErrorState } from './rounds-error-state.tsx';

/** Invited vs answered, by actor type, late answers, and the organisations that took part. */
export function ParticipationPanel({
  path,
  canManage,
  refreshKey,
}: {
  path: string;
  canManage: boolean;
  refreshKey: number;
}) {
  const { t, formatDateTime } = useI18n();
  const state = useApi(() => api.get<Participation>(`${path}/participation`), `${path}-${refreshKey}`);
  const [notice, setNotice] = useState<string>();
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <RoundsErrorState error={state.error} />;
  const data = state.data;
  if (!data) return null;
  const remind = async () => {
    const result = await api.post<{ reminded: number }>(`${path}/reminders`);
    setNotice(t('participation.reminded', { count: result.reminded }));
    state.reload();
  };
  return (
    <section aria-labelledby="participation-heading" className="form-stack">
      <Heading level={2} data-size="md" id="participation-heading">
        {t('participation.title')}
      </Heading>
      <dl className="facts" data-testid="participation-totals">
        <div>
          <dt>{t('participation.invited')}</dt>
          <dd>{data.totals.invited}</dd>
        </div>
        <div>
          <dt>{t('participation.invitedAnswered')}</dt>
          <dd>{data.totals.invitedAnswered}</dd>
        </div>
        <div>
          <dt>{t('participation.answered')}</dt>
          <dd>{data.totals.answered}</dd>
        </div>
        <div>
          <dt>{t('participation.late')}</dt>
          <dd>{data.totals.late}</dd>
        </div>
      </dl>
      {data.byType.length ? (
        <Table>
          <caption>{t('participation.byType')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('participation.type')}</TableHeaderCell>
              <TableHeaderCell>{t('participation.invited')}</TableHeaderCell>
              <TableHeaderCell>{t('participation.answered')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.byType.map((row) => (
              <TableRow key={row.actorType}>
                <TableCell>{t(`actorType.${row.actorType}`)}</TableCell>
                <TableCell>{row.invited}</TableCell>
                <TableCell>{row.answered}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Heading level={3} data-size="sm">
        {t('participation.participants')}
      </Heading>
      {data.participants.length === 0 ? (
        <Paragraph>{t('participation.none')}</Paragraph>
      ) : (
        <Table data-testid="participants">
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('participation.name')}</TableHeaderCell>
              <TableHeaderCell>{t('participation.type')}</TableHeaderCell>
              <TableHeaderCell>{t('participation.submittedAt')}</TableHeaderCell>
              <TableHeaderCell>{t('participation.source')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.participants.map((row, index) => (
              <TableRow key={`${row.name}-${index}`}>
                <TableCell>{row.name}</TableCell>
                <TableCell>{t(`actorType.${row.actorType}`)}</TableCell>
                <TableCell>
                  {row.submittedAt ? formatDateTime(row.submittedAt) : ''}
                  {row.isLate ? ` (${t('participation.late').toLowerCase()})` : ''}
                </TableCell>
                <TableCell>{t(`participation.source.${row.source}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <p>
        <a href={`${path}/participation.csv`} download>
          {t('participation.csv')}
        </a>
      </p>
      {data.notAnswered.length ? (
        <>
          <Heading level={3} data-size="sm">
            {t('participation.notAnswered')}
          </Heading>
          <ul>
            {data.notAnswered.map((row) => (
              <li key={row.actorId}>{row.name}</li>
            ))}
          </ul>
          {canManage ? (
            <div>
              <Button type="button" variant="secondary" onClick={() => void remind()}>
                {t('participation.remind')}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
      {notice ? <Alert data-color="success">{notice}</Alert> : null}
    </section>
  );
}
