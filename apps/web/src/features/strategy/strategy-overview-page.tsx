import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Card, Heading, Link, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import type { StrategyOverview } from '@innspill/contracts';
import type { CanvasStatus } from '@innspill/vocabulary';
import { api } from '../../lib/api-client.ts';
import { apiErrorSummary, textLimitError } from '../../lib/api-error-messages.ts';
import { textLimits } from '../../lib/text-limits.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';
import { StatementList, type StatementActions } from './statement-list.tsx';
import { StructureEditor } from './structure-editor.tsx';

const statusColor = { draft: 'neutral', in_review: 'warning', approved: 'success' } as const satisfies Record<
  CanvasStatus,
  string
>;

/** The strategy at a glance: overarching goals with their lead, the structure and the themes. */
export function StrategyOverviewPage() {
  const { slug = '' } = useParams();
  const { t, locale } = useI18n();
  const key = `${slug}-${locale}`;
  const base = `/api/processes/${encodeURIComponent(slug)}/strategy`;
  const state = useApi(() => api.get<StrategyOverview>(`${base}?lang=${locale}`), key);
  const [current, setCurrent] = useState<StrategyOverview>();
  const [isEditing, setIsEditing] = useState(false);
  const [lead, setLead] = useState<string>();
  const [newTheme, setNewTheme] = useState('');
  const [newThemeError, setNewThemeError] = useState<string>();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  useEffect(() => setCurrent(undefined), [key]);
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <ErrorState error={state.error} />;
  const data = current ?? state.data;
  if (!data) return null;
  const query = `?lang=${locale}`;
  const run = async (
    work: () => Promise<StrategyOverview>,
    success: string,
    sent: Record<string, string | undefined> = {},
  ) => {
    setError('');
    try {
      setCurrent(await work());
      setMessage(success);
      return true;
    } catch (caught) {
      setError(
        apiErrorSummary(caught, t, {
          labels: { text: t('statement.text'), lead: t('strategy.lead'), title: t('strategy.newTheme') },
          limits: {
            text: textLimits.statementText,
            lead: textLimits.goalsLead,
            title: textLimits.themeTitle,
          },
          values: sent,
        }),
      );
      return false;
    }
  };
  const moveTheme = async (themeId: string, position: number, direction: 'up' | 'down') => {
    const ok = await run(
      () =>
        api.post<StrategyOverview>(
          `/api/processes/${encodeURIComponent(slug)}/themes/${encodeURIComponent(themeId)}/move${query}`,
          { position },
        ),
      t('statement.moved', { position: position + 1, count: data.themes.length }),
    );
    if (ok) {
      requestAnimationFrame(() => {
        const preferred = document.getElementById(
          `theme-${direction}-${position + 1}`,
        ) as HTMLButtonElement | null;
        const other = document.getElementById(`theme-${direction === 'up' ? 'down' : 'up'}-${position + 1}`);
        (preferred && !preferred.disabled ? preferred : other)?.focus();
      });
    }
  };
  const actions: StatementActions = {
    edit: (goal, text) =>
      run(
        () =>
          api.patch<StrategyOverview>(`${base}/goals/${goal.id}${query}`, {
            text,
            locale,
            baseVersion: goal.version,
          }),
        t('statement.saved'),
        { text },
      ),
    move: async (goal, position) => {
      const ok = await run(
        () => api.post<StrategyOverview>(`${base}/goals/${goal.id}/move${query}`, { position }),
        t('statement.moved', { position: position + 1, count: data.goals.length }),
      );
      if (ok) {
        requestAnimationFrame(() =>
          document.getElementById(position > goal.position ? `down-${goal.id}` : `up-${goal.id}`)?.focus(),
        );
      }
    },
    remove: (goal) =>
      run(() => api.delete<StrategyOverview>(`${base}/goals/${goal.id}${query}`), t('statement.deleted')),
    add: (_section, text) =>
      run(() => api.post<StrategyOverview>(`${base}/goals${query}`, { text }), t('statement.saved'), {
        text,
      }),
    comment: () => undefined,
  };
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
        <div role="status" aria-live="polite" className="visually-hidden">
          {message}
        </div>
        {error ? (
          <Alert data-color="danger" role="alert">
            {error}
          </Alert>
        ) : null}
        {data.canEdit ? (
          <Button
            variant={isEditing ? 'primary' : 'secondary'}
            data-size="sm"
            aria-pressed={isEditing}
            onClick={() => setIsEditing((value) => !value)}
          >
            {isEditing ? t('canvas.doneEditing') : t('strategy.edit')}
          </Button>
        ) : null}
        {isEditing ? (
          <form
            className="statement__form"
            onSubmit={(event) => {
              event.preventDefault();
              if (lead === undefined || lead === data.goalsLead) {
                setLead(undefined);
                setMessage(t('canvas.noChanges'));
                return;
              }
              void run(
                () =>
                  api.put<StrategyOverview>(`${base}/goals-lead${query}`, {
                    lead,
                    locale,
                    baseVersion: data.strategyVersion,
                  }),
                t('statement.saved'),
                { lead },
              ).then((ok) => ok && setLead(undefined));
            }}
          >
            <Textfield
              multiline
              rows={3}
              label={t('strategy.lead')}
              maxLength={textLimits.goalsLead}
              error={textLimitError(lead ?? '', textLimits.goalsLead, t)}
              value={lead ?? data.goalsLead}
              onChange={(event) => setLead(event.target.value)}
            />
            <Button type="submit" data-size="sm" variant="secondary">
              {t('strategy.saveLead')}
            </Button>
          </form>
        ) : data.goalsLead ? (
          <Paragraph className="strategy-overview__lead">{data.goalsLead}</Paragraph>
        ) : null}
        {isEditing && locale !== data.process.language ? (
          <Paragraph data-size="sm">
            {t('canvas.editingTranslation')} {t('canvas.addInProcessLanguage')}
          </Paragraph>
        ) : null}
        {isEditing ? (
          <StatementList
            section="overarching_goal"
            sectionLabel={t('strategy.goals')}
            statements={data.goals}
            isEditing
            canComment={false}
            actions={actions}
            processLanguage={data.process.language}
            canAdd={locale === data.process.language}
          />
        ) : (
          <ol className="goal-list">
            {data.goals.map((goal) => (
              <li
                key={goal.id}
                lang={
                  goal.originalText === null && data.process.language !== locale
                    ? data.process.language
                    : undefined
                }
              >
                {goal.text}
              </li>
            ))}
          </ol>
        )}
        <Link asChild>
          <RouterLink to={`/p/${slug}/strategy/history`}>{t('strategy.goalsHistory')}</RouterLink>
        </Link>
      </section>

      <section aria-labelledby="themes-heading">
        <Heading level={2} data-size="md" id="themes-heading">
          {t('strategy.themes')}
        </Heading>
        <ol className="theme-cards">
          {data.themes.map((theme, index) => (
            <li key={theme.id}>
              <Card data-color="neutral" className="theme-card">
                <Heading level={3} data-size="sm">
                  <Link asChild>
                    <RouterLink to={`/p/${slug}/strategy/themes/${theme.id}`}>
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
                {isEditing && data.canApprove ? (
                  <div className="statement__buttons">
                    <Button
                      id={`theme-up-${theme.number}`}
                      variant="tertiary"
                      data-size="sm"
                      disabled={index === 0}
                      aria-label={t('statement.moveUpLabel', { text: theme.title })}
                      onClick={() => void moveTheme(theme.id, index - 1, 'up')}
                    >
                      {t('statement.moveUp')}
                    </Button>
                    <Button
                      id={`theme-down-${theme.number}`}
                      variant="tertiary"
                      data-size="sm"
                      disabled={index === data.themes.length - 1}
                      aria-label={t('statement.moveDownLabel', { text: theme.title })}
                      onClick={() => void moveTheme(theme.id, index + 1, 'down')}
                    >
                      {t('statement.moveDown')}
                    </Button>
                  </div>
                ) : null}
              </Card>
            </li>
          ))}
        </ol>
        {isEditing && data.canApprove && locale === data.process.language ? (
          <form
            className="statement__add"
            onSubmit={(event) => {
              event.preventDefault();
              if (!newTheme.trim()) {
                setNewThemeError(t('strategy.newThemeEmpty'));
                document.getElementById('new-theme-title')?.focus();
                return;
              }
              setNewThemeError(undefined);
              void run(
                () =>
                  api.post<StrategyOverview>(`/api/processes/${encodeURIComponent(slug)}/themes${query}`, {
                    title: newTheme,
                  }),
                t('statement.saved'),
                { title: newTheme },
              ).then((ok) => ok && setNewTheme(''));
            }}
          >
            <Textfield
              id="new-theme-title"
              label={t('strategy.newTheme')}
              maxLength={textLimits.themeTitle}
              error={newThemeError ?? textLimitError(newTheme, textLimits.themeTitle, t)}
              value={newTheme}
              onChange={(event) => {
                setNewTheme(event.target.value);
                setNewThemeError(undefined);
              }}
            />
            <Button type="submit" variant="secondary" data-size="sm">
              {t('strategy.addTheme')}
            </Button>
          </form>
        ) : null}
      </section>

      {data.structure.dimensions.length || data.structure.pillars.length || isEditing ? (
        <section aria-labelledby="structure-heading">
          <Heading level={2} data-size="md" id="structure-heading">
            {t('strategy.structure')}
          </Heading>
          {isEditing && locale === data.process.language ? (
            <StructureEditor
              key={JSON.stringify(data.structure)}
              structure={data.structure}
              onSave={(body) =>
                run(
                  () =>
                    api.put<StrategyOverview>(`${base}/structure${query}`, {
                      ...body,
                      baseVersion: data.strategyVersion,
                    }),
                  t('statement.saved'),
                )
              }
            />
          ) : isEditing ? (
            <Paragraph>{t('structureEdit.otherLanguage')}</Paragraph>
          ) : null}
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
