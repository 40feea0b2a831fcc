import { Link as RouterLink } from 'react-router';
import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import type { Timeline } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** "Where does the process stand?": next milestone, open rounds and counts, for a first-time reader. */
export function ProcessStatusPanel({ slug }: { slug: string }) {
  const { t, locale, formatDate, formatDateTime } = useI18n();
  const { data } = useApi(
    () => api.get<Timeline>(`/api/processes/${encodeURIComponent(slug)}/timeline?lang=${locale}`),
    `status-${slug}-${locale}`,
  );
  if (!data) return null;
  const counts: [string, string | number][] = [
    ['status.count.rounds', data.counts.rounds],
    ['status.count.bodies', data.counts.bodies],
    ['status.count.strategicThemes', data.counts.strategicThemes],
    ['status.count.statements', data.counts.statements],
    [
      'status.count.milestones',
      t('status.milestonesDone', { done: data.counts.milestonesDone, total: data.counts.milestones }),
    ],
  ];
  return (
    <section aria-labelledby="status-heading" className="process-status">
      <Heading level={2} data-size="md" id="status-heading">
        {t('status.title')}
      </Heading>
      <div className="process-status__cards">
        <Card data-color="accent">
          <Heading level={3} data-size="xs">
            {t('status.nextMilestone')}
          </Heading>
          {data.nextMilestone ? (
            <Paragraph>
              <strong>{data.nextMilestone.title}</strong> – {formatDate(data.nextMilestone.date)}
            </Paragraph>
          ) : (
            <Paragraph>{t('status.noNextMilestone')}</Paragraph>
          )}
          <Link asChild>
            <RouterLink to={`/p/${slug}/timeline`}>{t('status.seeTimeline')}</RouterLink>
          </Link>
        </Card>
        <Card data-color="neutral">
          <Heading level={3} data-size="xs">
            {t('status.openRounds')}
          </Heading>
          {data.openRounds.length ? (
            <ul className="plain-list">
              {data.openRounds.map((round) => (
                <li key={round.id}>
                  {t('status.roundDeadline', {
                    title: round.title,
                    deadline: formatDateTime(round.deadline),
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('status.noOpenRounds')}</Paragraph>
          )}
        </Card>
        <Card data-color="neutral">
          <Heading level={3} data-size="xs">
            {t('status.counts')}
          </Heading>
          <dl className="status-counts">
            {counts.map(([key, value]) => (
              <div key={key}>
                <dt>{t(key)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <Link asChild>
            <RouterLink to={`/p/${slug}/strategy`}>{t('status.seeStrategy')}</RouterLink>
          </Link>
        </Card>
      </div>
      {data.deliverables.length ? (
        <>
          <Heading level={3} data-size="xs">
            {t('status.deliverables')}
          </Heading>
          <ul>
            {data.deliverables.map((deliverable) => (
              <li key={deliverable.id}>
                {deliverable.name}
                {deliverable.recipient ? ` (${deliverable.recipient})` : ''} – {formatDate(deliverable.date)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.involvement.length ? (
        <>
          <Heading level={3} data-size="xs">
            {t('status.involvement')}
          </Heading>
          <ul>
            {data.involvement.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
