import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import {
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from '@digdir/designsystemet-react';
import type { AuditEvent } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';

const areas = [
  'process',
  'membership',
  'round',
  'submission',
  'actor',
  'invitation',
  'statement',
  'canvas',
  'comment',
  'user',
];

function describeDetail(detail: Record<string, unknown>, t: (key: string) => string): string {
  const parts: string[] = [];
  if ('before' in detail || 'after' in detail) {
    parts.push(
      `${t('audit.before')}: ${JSON.stringify(detail.before ?? null)}`,
      `${t('audit.after')}: ${JSON.stringify(detail.after ?? null)}`,
    );
  }
  for (const [key, value] of Object.entries(detail)) {
    if (key !== 'before' && key !== 'after') {
      parts.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    }
  }
  return parts.join(' · ');
}

/** The process's audit log for the secretariat: filter by area and dates. */
export function AuditLogPage() {
  const { slug = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const [area, setArea] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState('');
  const state = useApi(
    () => api.get<{ events: AuditEvent[] }>(`/api/processes/${encodeURIComponent(slug)}/audit${query}`),
    `${slug}${query}`,
  );

  function apply(event: FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (area) params.set('actionPrefix', `${area}.`);
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    const text = params.toString();
    setQuery(text ? `?${text}` : '');
  }

  // no access (or no such process): one clear page, not the filter form above an error
  if (state.error && [401, 403, 404].includes(state.error.status)) return <ErrorState error={state.error} />;

  return (
    <section>
      <Heading level={1} data-size="lg">
        {t('audit.title')}
      </Heading>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <form onSubmit={apply} className="filter-row" aria-label={t('audit.filter')}>
        <Field>
          <Label>{t('audit.filter.area')}</Label>
          <Select value={area} onChange={(event) => setArea(event.target.value)}>
            <Select.Option value="">{t('audit.filter.all')}</Select.Option>
            {areas.map((name) => (
              <Select.Option key={name} value={name}>
                {name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t('audit.filter.from')}</Label>
          <Input type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
        </Field>
        <Field>
          <Label>{t('audit.filter.to')}</Label>
          <Input type="date" value={to} onChange={(event) => setTo(event.target.value)} />
        </Field>
        <Button type="submit" variant="secondary">
          {t('audit.filter.apply')}
        </Button>
      </form>
      {state.isLoading && !state.data ? <LoadingState /> : null}
      {state.error ? <ErrorState error={state.error} /> : null}
      {state.data ? (
        state.data.events.length === 0 ? (
          <Paragraph>{t('audit.empty')}</Paragraph>
        ) : (
          <>
            <Paragraph data-size="sm" role="status">
              {t('audit.count', { count: state.data.events.length })}
            </Paragraph>
            <Table>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>{t('audit.when')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.who')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.what')}</TableHeaderCell>
                  <TableHeaderCell>{t('audit.details')}</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {state.data.events.map((event) => (
                  <TableRow key={event.id}>
                    <TableCell>{formatDateTime(event.at)}</TableCell>
                    <TableCell>{event.user?.name ?? t('audit.system')}</TableCell>
                    <TableCell>
                      <code>{event.action}</code>
                    </TableCell>
                    <TableCell className="audit-detail">{describeDetail(event.detail, t)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )
      ) : null}
    </section>
  );
}
