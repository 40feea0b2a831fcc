import { Link as RouterLink, useParams } from 'react-router';
import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { StrategyOverview } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';

const statusColor = { draft: 'neutral', in_review: 'warning', approved: 'success' } as const;

/** The strategy at a glance: overarching goals with their lead, the structure and the themes. */
export function StrategyOverviewPage() {
  const { slug = '' } = useParams();
  const { t, locale } = useI18n();
  const state = useApi(
    () => api.get<StrategyOverview>(`/api/processes/${encodeURIComponent(slug)}/strategy?lang=${locale}`),
    `${slug}-${locale}`,
  );
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <ErrorState error={state.error} />;
  const data = state.data;
  if (!data) return null;
  return (
    <article className="strategy-overview">
      <Heading level={1} data-size="lg">
        {t('strategy.title')}
      </Heading>
      <Paragraph data-size="lg">{data.process.title}</Paragraph>

      <section aria-labelledby="goals-heading">
        <Heading level={2} data-size="md" id="goals-heading">
          {t('strategy.goals')}
        </Heading>
        {data.goalsLead ? <Paragraph className="strategy-overview__lead">{data.goalsLead}</Paragraph> : null}
        <ol className="goal-list">
          {data.goals.map((goal) => (
            <li key={goal.id}>{goal.text}</li>
          ))}
        </ol>
        <Link asChild>
          <RouterLink to={`/p/${slug}/strategy/history`}>{t('strategy.goalsHistory')}</RouterLink>
        </Link>
      </section>

      <section aria-labelledby="themes-heading">
        <Heading level={2} data-size="md" id="themes-heading">
          {t('strategy.themes')}
        </Heading>
        <ol className="theme-cards">
          {data.themes.map((theme) => (
            <li key={theme.number}>
              <Card data-color="neutral" className="theme-card">
                <Heading level={3} data-size="sm">
                  <Link asChild>
                    <RouterLink to={`/p/${slug}/strategy/themes/${theme.number}`}>
                      <span className="visually-hidden">
                        {t('strategy.themeNumber', { number: theme.number })}:{' '}
                      </span>
                      <span aria-hidden="true" className="theme-card__number">
                        {theme.number}
                      </span>{' '}
                      {theme.title}
                    </RouterLink>
                  </Link>
                </Heading>
                <Tag data-color={statusColor[theme.status]}>{t(`canvas.status.${theme.status}`)}</Tag>
                <Paragraph data-size="sm">{theme.mainGoal}</Paragraph>
                <Paragraph data-size="xs" className="theme-card__counts">
                  {t('strategy.counts', theme.counts)}
                </Paragraph>
              </Card>
            </li>
          ))}
        </ol>
      </section>

      {data.structure.dimensions.length || data.structure.pillars.length ? (
        <section aria-labelledby="structure-heading">
          <Heading level={2} data-size="md" id="structure-heading">
            {t('strategy.structure')}
          </Heading>
          <div className="two-columns">
            <div>
              <Heading level={3} data-size="xs">
                {t('strategy.dimensions')}
              </Heading>
              <dl className="dimension-list">
                {data.structure.dimensions.map((dimension) => (
                  <div key={dimension.name}>
                    <dt>{dimension.name}</dt>
                    <dd>{dimension.description}</dd>
                  </div>
                ))}
              </dl>
            </div>
            <div>
              <Heading level={3} data-size="xs">
                {data.structure.pillarsLabel ?? t('strategy.pillars')}
              </Heading>
              <ul>
                {data.structure.pillars.map((pillar) => (
                  <li key={pillar}>{pillar}</li>
                ))}
              </ul>
              {data.structure.otherAreas.length ? (
                <>
                  <Heading level={3} data-size="xs">
                    {t('strategy.otherAreas')}
                  </Heading>
                  <ul>
                    {data.structure.otherAreas.map((area) => (
                      <li key={area}>{area}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          </div>
        </section>
      ) : null}
    </article>
  );
}
