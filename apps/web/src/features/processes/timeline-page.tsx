import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
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
} from '@digdir/designsystemet-react';
import type { Timeline } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { apiErrorMessage } from '../../lib/api-error-messages.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';
import { DeleteWithConfirmation } from './delete-with-confirmation.tsx';
import { ProcessPlanEditor } from './process-plan-editor.tsx';
import { timelineAxis } from './timeline-axis.ts';

type Item = Timeline['items'][number];

function itemLabel(item: Item, t: (key: string) => string): string {
  return item.kind === 'involvement' && item.subKind
    ? `${t(`timeline.kind.${item.kind}`)}: ${t(`plan.eventKind.${item.subKind}`)}`
    : t(`timeline.kind.${item.kind}`);
}

function isRoundItem(item: Item): boolean {
  return item.kind === 'round_deadline' || item.kind === 'round_opens';
}

/** Done or upcoming; a draft round is neither (it is not published), and says so. */
function ItemStatus({ item, t }: { item: Item; t: (key: string) => string }) {
  if (isRoundItem(item) && item.subKind === 'draft') {
    return <Tag data-color="neutral">{t('timeline.notPublished')}</Tag>;
  }
  return (
    <Tag data-color={item.isDone ? 'success' : 'info'}>
      {item.isDone ? t('timeline.done') : t('timeline.upcoming')}
    </Tag>
  );
}

/**
 * Milestones, input-round deadlines and involvement events on a month axis with today marked
 * (like "Plan for arbeid … H2 2020"), and the same data as a table for keyboard and screen readers.
 */
export function TimelinePage() {
  const { slug = '' } = useParams();
  const { t, locale, formatDate } = useI18n();
  const key = `${slug}-${locale}`;
  const state = useApi(
    () => api.get<Timeline>(`/api/processes/${encodeURIComponent(slug)}/timeline?lang=${locale}`),
    key,
  );
  const [current, setCurrent] = useState<Timeline>();
  // The table's row actions: what a refused one says, and what a screen reader hears after one.
  const [rowError, setRowError] = useState('');
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => setCurrent(undefined), [key]);
  const rowAction = async (work: () => Promise<Timeline>, done: string): Promise<boolean> => {
    setRowError('');
    setAnnouncement('');
    try {
      setCurrent(await work());
      setAnnouncement(done);
      return true;
    } catch (caught) {
      setRowError(apiErrorMessage(caught, t));
      return false;
    }
  };
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <ErrorState error={state.error} />;
  const data = current ?? state.data;
  if (!data) return null;
  const todayMonth = data.today.slice(0, 7);
  // A bounded stretch of months, whatever dates are stored; today is named beside it when outside.
  const axis = timelineAxis(
    data.items.map((item) => item.date),
    data.today,
  );
  const { months } = axis;
  const isTodayOnAxis = months.includes(todayMonth);
  const itemsByMonth = new Map<string, Item[]>();
  for (const item of data.items) {
    const month = item.date.slice(0, 7);
    itemsByMonth.set(month, [...(itemsByMonth.get(month) ?? []), item]);
  }
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${month}-01T00:00:00Z`));

  return (
    <article className="timeline-page">
      <Heading level={1} data-size="lg">
        {t('timeline.title')}
      </Heading>
      <Paragraph>
        {t('timeline.today')}: <strong>{formatDate(data.today)}</strong>
      </Paragraph>
      <section aria-labelledby="axis-heading">
        <Heading level={2} data-size="sm" id="axis-heading">
          {t('timeline.axis')}
        </Heading>
        <div className="timeline-axis" role="region" aria-labelledby="axis-heading" tabIndex={0}>
          <ol className="timeline-axis__months">
            {months.map((month) => {
              const items = itemsByMonth.get(month) ?? [];
              const isCurrent = month === todayMonth;
              return (
                <li
                  key={month}
                  className={`timeline-month${isCurrent ? ' timeline-month--today' : ''}`}
                  aria-current={isCurrent ? 'date' : undefined}
                >
                  <span className="timeline-month__name">{monthName(month)}</span>
                  {isCurrent ? <span className="timeline-month__today">{t('timeline.today')}</span> : null}
                  {items.length ? (
                    <ul className="timeline-month__items">
                      {items.map((item) => (
                        <li key={item.id} className={`timeline-item timeline-item--${item.kind}`}>
                          <span className="timeline-item__kind">{itemLabel(item, t)}</span>
                          <span className="timeline-item__date">{formatDate(item.date)}</span>
                          <span className="timeline-item__title">{item.title}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </div>
        {axis.itemsBefore || axis.itemsAfter ? (
          <Paragraph data-size="sm" className="timeline-axis__outside">
            {t('timeline.outsideAxis', {
              from: monthName(months[0]!),
              to: monthName(months.at(-1)!),
              before: axis.itemsBefore,
              after: axis.itemsAfter,
            })}
          </Paragraph>
        ) : null}
        {!isTodayOnAxis ? (
          <Paragraph data-size="sm">{t('timeline.todayOffAxis', { date: formatDate(data.today) })}</Paragraph>
        ) : null}
      </section>
      <section aria-labelledby="table-heading">
        <Heading level={2} data-size="sm" id="table-heading" tabIndex={-1}>
          {t('timeline.table')}
        </Heading>
        <div role="status" aria-live="polite" className="visually-hidden">
          {announcement}
        </div>
        {rowError ? (
          <Alert data-color="danger" role="alert">
            {rowError}
          </Alert>
        ) : null}
        <Table>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('timeline.date')}</TableHeaderCell>
              <TableHeaderCell>{t('timeline.type')}</TableHeaderCell>
              <TableHeaderCell>{t('timeline.what')}</TableHeaderCell>
              <TableHeaderCell>{t('timeline.detail')}</TableHeaderCell>
              <TableHeaderCell>{t('process.status')}</TableHeaderCell>
              {data.canEdit ? <TableHeaderCell>{t('plan.actions')}</TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {data.items.map((item) => (
              <TableRow key={item.id}>
                <TableCell>{formatDate(item.date)}</TableCell>
                <TableCell>{itemLabel(item, t)}</TableCell>
                <TableCell>{item.title}</TableCell>
                <TableCell>{item.detail ?? ''}</TableCell>
                <TableCell>
                  <ItemStatus item={item} t={t} />
                </TableCell>
                {data.canEdit ? (
                  <TableCell>
                    {item.kind === 'involvement' ? (
                      <DeleteWithConfirmation
                        name={`${item.title} (${formatDate(item.date)})`}
                        deleteLabel={t('plan.deleteEvent', {
                          date: formatDate(item.date),
                          title: item.title,
                        })}
                        onDelete={async () => {
                          const ok = await rowAction(
                            () =>
                              api.delete<Timeline>(
                                `/api/processes/${encodeURIComponent(slug)}/involvement-events/${item.id}?lang=${locale}`,
                              ),
                            t('processEdit.deletedNamed', { name: item.title }),
                          );
                          // the row is gone: focus goes to the table's heading
                          if (ok) {
                            requestAnimationFrame(() => document.getElementById('table-heading')?.focus());
                          }
                          return ok;
                        }}
                      />
                    ) : item.kind === 'milestone' ? (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t(item.isDone ? 'plan.markUndoneLabel' : 'plan.markDoneLabel', {
                          title: item.title,
                        })}
                        onClick={() =>
                          void rowAction(
                            () =>
                              api.patch<Timeline>(
                                `/api/processes/${encodeURIComponent(slug)}/milestones/${item.id}?lang=${locale}`,
                                { isDone: !item.isDone },
                              ),
                            t('statement.saved'),
                          )
                        }
                      >
                        {item.isDone ? t('plan.markUndone') : t('plan.markDone')}
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      {data.canEdit ? <ProcessPlanEditor slug={slug} timeline={data} onChange={setCurrent} /> : null}
    </article>
  );
}
