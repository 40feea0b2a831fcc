import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import type { CanvasResponse, CanvasStatus, Statement } from '@innspill/contracts';
import { breakdownColumns } from '@innspill/vocabulary';
import { api } from '../../lib/api-client.ts';
import { apiErrorSummary, textLimitError, type FieldContext } from '../../lib/api-error-messages.ts';
import { textLimits } from '../../lib/text-limits.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';
import { StatementList, type StatementActions } from './statement-list.tsx';
import { sectionLabelKey } from './strategy.messages.ts';

const columns = breakdownColumns;
const statusColor: Record<CanvasStatus, 'neutral' | 'warning' | 'success'> = {
  draft: 'neutral',
  in_review: 'warning',
  approved: 'success',
};
const nextStatuses: Record<CanvasStatus, CanvasStatus[]> = {
  draft: ['in_review'],
  in_review: ['approved', 'draft'],
  approved: ['draft'],
};

/** One theme's canvas in the grid of the source slide; an edit mode; comments and workflow. */
export function CanvasPage() {
  const { slug = '', themeId = '' } = useParams();
  const { t, locale, formatDateTime } = useI18n();
  const base = `/api/processes/${encodeURIComponent(slug)}/themes/${encodeURIComponent(themeId)}`;
  const key = `${slug}-${themeId}-${locale}`;
  const state = useApi(() => api.get<CanvasResponse>(`${base}?lang=${locale}`), key);
  const [current, setCurrent] = useState<CanvasResponse>();
  const [isEditing, setIsEditing] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [commentTarget, setCommentTarget] = useState<Statement>();
  const [commentText, setCommentText] = useState('');
  const [commentError, setCommentError] = useState<string>();
  const [texts, setTexts] = useState<{ title: string; mainGoal: string; summary: string }>();
  const focusAfterRender = useRef<string[]>([]);

  useEffect(() => setCurrent(undefined), [key]);
  useEffect(() => {
    const ids = focusAfterRender.current;
    if (!ids.length) return;
    focusAfterRender.current = [];
    for (const id of ids) {
      const element = document.getElementById(id) as HTMLButtonElement | null;
      if (element && !element.disabled) {
        element.focus();
        break;
      }
    }
  });

  const data = current ?? state.data;
  if (state.isLoading && !data) return <LoadingState />;
  if (state.error && !data) return <ErrorState error={state.error} />;
  if (!data) return null;

  const run = async (
    work: () => Promise<CanvasResponse>,
    success: string,
    sent: FieldContext['values'] = {},
  ): Promise<boolean> => {
    setError('');
    try {
      const next = await work();
      setCurrent(next);
      setMessage(success);
      return true;
    } catch (caught) {
      setError(apiErrorSummary(caught, t, { labels: fieldLabels, limits: fieldLimits, values: sent }));
      return false;
    }
  };
  const fieldLabels = {
    text: t('statement.text'),
    body: t('comments.new'),
    title: t('canvas.title'),
    mainGoal: t('canvas.mainGoal'),
    summary: t('canvas.summary'),
  };
  const fieldLimits = {
    text: textLimits.statementText,
    body: textLimits.commentBody,
    title: textLimits.canvasTitle,
    mainGoal: textLimits.canvasMainGoal,
    summary: textLimits.canvasSummary,
  };
  const query = `?lang=${locale}`;
  const canvasTexts = {
    title: data.canvas.title,
    mainGoal: data.canvas.mainGoal,
    summary: data.canvas.summary,
  };
  const sectionOf = (section: string) => data.statements.filter((statement) => statement.section === section);

  const actions: StatementActions = {
    edit: (statement, text) =>
      run(
        () =>
          api.patch<CanvasResponse>(`${base}/statements/${statement.id}${query}`, {
            text,
            locale,
            // the version the editor opened: a change someone else saved since then is not overwritten
            baseVersion: statement.version,
          }),
        t('statement.saved'),
        { text },
      ),
    move: async (statement, position, section) => {
      const target = section ?? statement.section;
      const count = sectionOf(target).length + (section ? 1 : 0);
      const ok = await run(
        () =>
          api.post<CanvasResponse>(`${base}/statements/${statement.id}/move${query}`, {
            position,
            ...(section ? { section } : {}),
          }),
        t('statement.moved', { position: Math.min(position, count - 1) + 1, count }),
      );
      if (ok) {
        focusAfterRender.current = [
          position > statement.position ? `down-${statement.id}` : `up-${statement.id}`,
          `up-${statement.id}`,
          `down-${statement.id}`,
          `edit-${statement.id}`,
        ];
      }
    },
    remove: (statement) =>
      run(
        () => api.delete<CanvasResponse>(`${base}/statements/${statement.id}${query}`),
        t('statement.deleted'),
      ),
    add: (section, text) =>
      run(
        () => api.post<CanvasResponse>(`${base}/statements${query}`, { section, text }),
        t('statement.saved'),
        { text },
      ),
    comment: (statement) => {
      setCommentTarget(statement);
      requestAnimationFrame(() => document.getElementById('comment-text')?.focus());
    },
  };

  const changeStatus = async (status: CanvasStatus) => {
    const ok = await run(
      () => api.post<CanvasResponse>(`${base}/status${query}`, { status }),
      t(`canvas.status.${status}`),
    );
    // the button that was pressed is gone with the old status: focus the next step, else the status
    if (ok) {
      focusAfterRender.current = nextStatuses[status].map((next) => `status-${next}`).concat('canvas-status');
    }
  };

  const postComment = async (event: FormEvent) => {
    event.preventDefault();
    if (!commentText.trim()) {
      setCommentError(t('comments.empty'));
      document.getElementById('comment-text')?.focus();
      return;
    }
    const tooLong = textLimitError(commentText, textLimits.commentBody, t);
    if (tooLong) {
      setCommentError(tooLong);
      return;
    }
    setCommentError(undefined);
    const ok = await run(
      () =>
        api.post<CanvasResponse>(`${base}/comments${query}`, {
          body: commentText,
          statementId: commentTarget?.id ?? null,
        }),
      t('statement.saved'),
      { body: commentText },
    );
    if (ok) {
      setCommentText('');
      setCommentTarget(undefined);
    }
  };

  const list = (section: string, label: string, options: { single?: boolean; className?: string } = {}) => (
    <StatementList
      section={section}
      sectionLabel={label}
      statements={sectionOf(section)}
      isEditing={isEditing && data.permissions.canEdit}
      canComment={data.permissions.canComment}
      actions={actions}
      processLanguage={data.process.language}
      canAdd={locale === data.process.language}
      moveTargets={moveTargets}
      {...options}
    />
  );
  const statementById = new Map(data.statements.map((statement) => [statement.id, statement]));
  const sectionName = (section: string) => {
    const [first, second] = section.split('.');
    const name = t(sectionLabelKey[section] ?? section);
    if (!second) return name;
    return `${name} – ${t(`canvas.${first === 'headline' ? second : first}`)}`;
  };
  const shorten = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
  const moveTargets = [
    'challenge',
    ...columns.flatMap((column) => [`${column}.opportunity`, `${column}.prerequisite`]),
    'keyword',
    'deep_dive',
  ].map((section) => ({ section, label: sectionName(section), count: sectionOf(section).length }));
  const strategyPath = `/p/${slug}/strategy`;

  return (
    <article className="canvas-page">
      <nav aria-label={t('canvas.toStrategy')} className="canvas-page__nav no-print">
        <Link asChild>
          <RouterLink to={strategyPath}>{t('canvas.toStrategy')}</RouterLink>
        </Link>
        {data.previousThemeId !== null ? (
          <Link asChild>
            <RouterLink to={`${strategyPath}/themes/${data.previousThemeId}`}>
              {t('canvas.previous')}
            </RouterLink>
          </Link>
        ) : null}
        {data.nextThemeId !== null ? (
          <Link asChild>
            <RouterLink to={`${strategyPath}/themes/${data.nextThemeId}`}>{t('canvas.next')}</RouterLink>
          </Link>
        ) : null}
      </nav>
      <header className="canvas-page__header">
        <Heading level={1} data-size="lg">
          {data.theme.number !== null ? (
            <span className="canvas-page__number">
              {t('strategy.themeNumber', { number: data.theme.number })}:{' '}
            </span>
          ) : null}
          {data.canvas.title}
        </Heading>
        <p className="canvas-page__status" id="canvas-status" tabIndex={-1}>
          {t('canvas.status')}:{' '}
          <Tag data-color={statusColor[data.canvas.status]}>{t(`canvas.status.${data.canvas.status}`)}</Tag>
        </p>
        <div className="canvas-page__tools no-print">
          {data.permissions.canEdit ? (
            <Button
              variant={isEditing ? 'primary' : 'secondary'}
              aria-pressed={isEditing}
              onClick={() => setIsEditing((value) => !value)}
            >
              {isEditing ? t('canvas.doneEditing') : t('canvas.edit')}
            </Button>
          ) : null}
          <Button asChild variant="secondary">
            <RouterLink to={`${strategyPath}/themes/${data.theme.id}/history`}>
              {t('canvas.history')}
            </RouterLink>
          </Button>
          <Button variant="secondary" onClick={() => window.print()}>
            {t('canvas.print')}
          </Button>
        </div>
      </header>

      <div role="status" aria-live="polite" className="visually-hidden">
        {message}
      </div>
      {error ? (
        <Alert data-color="danger" role="alert" className="no-print">
          {error}
        </Alert>
      ) : null}
      {isEditing && locale !== data.process.language ? (
        <Alert data-color="info" className="no-print">
          {t('canvas.editingTranslation')} {t('canvas.addInProcessLanguage')}
        </Alert>
      ) : null}
      {data.canvas.status === 'approved' && !data.permissions.canEdit && data.permissions.canChangeStatus ? (
        <Alert data-color="info" className="no-print">
          {t(data.permissions.canApprove ? 'canvas.locked' : 'canvas.lockedNeedsRole')}
        </Alert>
      ) : null}

      {data.permissions.canChangeStatus &&
      (data.permissions.canApprove || data.canvas.status !== 'approved') ? (
        <section aria-labelledby="workflow-heading" className="canvas-page__workflow no-print">
          <Heading level={2} data-size="xs" id="workflow-heading">
            {t('canvas.workflow')}
          </Heading>
          <div className="canvas-page__tools">
            {nextStatuses[data.canvas.status].map((status) => {
              const needsApprover =
                status === 'approved' || (data.canvas.status === 'approved' && status === 'draft');
              if (needsApprover && !data.permissions.canApprove) return null;
              return (
                <Button
                  key={status}
                  id={`status-${status}`}
                  variant="secondary"
                  data-size="sm"
                  onClick={() => void changeStatus(status)}
                >
                  {t(`canvas.action.${status}`)}
                </Button>
              );
            })}
          </div>
          {data.canvas.status === 'in_review' && !data.permissions.canApprove ? (
            <Paragraph data-size="sm">{t('canvas.approveNeedsRole')}</Paragraph>
          ) : null}
        </section>
      ) : null}

      {isEditing && data.permissions.canEdit ? (
        <form
          className="canvas-texts no-print"
          aria-labelledby="canvas-texts-heading"
          onSubmit={(event) => {
            event.preventDefault();
            // only the fields that were changed: an untouched field must not overwrite the text (or,
            // in a translation, store the shown original as the translation)
            const changed = Object.fromEntries(
              Object.entries(texts ?? {}).filter(
                ([field, value]) => value !== canvasTexts[field as keyof typeof canvasTexts],
              ),
            );
            if (!Object.keys(changed).length) {
              setTexts(undefined);
              setMessage(t('canvas.noChanges'));
              return;
            }
            void run(
              () =>
                api.patch<CanvasResponse>(`${base}${query}`, {
                  ...changed,
                  locale,
                  baseVersion: data.canvas.version,
                }),
              t('statement.saved'),
              changed,
            ).then((ok) => ok && setTexts(undefined));
          }}
        >
          <Heading level={2} data-size="xs" id="canvas-texts-heading">
            {t('canvas.editTexts')}
          </Heading>
          <Textfield
            label={t('canvas.title')}
            maxLength={textLimits.canvasTitle}
            error={textLimitError(texts?.title ?? '', textLimits.canvasTitle, t)}
            value={texts?.title ?? data.canvas.title}
            onChange={(event) => setTexts({ ...(texts ?? canvasTexts), title: event.target.value })}
          />
          <Textfield
            multiline
            rows={3}
            label={t('canvas.mainGoal')}
            maxLength={textLimits.canvasMainGoal}
            error={textLimitError(texts?.mainGoal ?? '', textLimits.canvasMainGoal, t)}
            value={texts?.mainGoal ?? data.canvas.mainGoal}
            onChange={(event) => setTexts({ ...(texts ?? canvasTexts), mainGoal: event.target.value })}
          />
          <Textfield
            multiline
            rows={3}
            label={t('canvas.summary')}
            maxLength={textLimits.canvasSummary}
            error={textLimitError(texts?.summary ?? '', textLimits.canvasSummary, t)}
            value={texts?.summary ?? data.canvas.summary}
            onChange={(event) => setTexts({ ...(texts ?? canvasTexts), summary: event.target.value })}
          />
          <Button type="submit" data-size="sm" variant="secondary">
            {t('canvas.saveTexts')}
          </Button>
        </form>
      ) : null}

      <div className="canvas">
        <section className="canvas__main-goal" aria-labelledby="main-goal-heading">
          <Heading level={2} data-size="xs" id="main-goal-heading" className="canvas__row-label">
            {t('canvas.mainGoal')}
          </Heading>
          <p className="canvas__main-goal-text">{data.canvas.mainGoal}</p>
        </section>
        <section className="canvas__challenges" aria-labelledby="challenges-heading">
          <Heading level={2} data-size="xs" id="challenges-heading" className="canvas__row-label">
            {t('canvas.challenges')}
          </Heading>
          {list('challenge', t('canvas.challenges'))}
        </section>
        {/* A two-dimensional table: on a narrow screen it scrolls in its own region, the page does not. */}
        <div className="canvas__grid-scroll" role="region" aria-label={t('canvas.breakdown')} tabIndex={0}>
          <table className="canvas__grid">
            <caption className="canvas__row-label">{t('canvas.breakdown')}</caption>
            <thead>
              <tr>
                <td />
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {t(`canvas.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('canvas.headline')}</th>
                {columns.map((column) => (
                  <td key={column} className="canvas__headline">
                    {list(`headline.${column}`, `${t('canvas.headline')} – ${t(`canvas.${column}`)}`, {
                      single: true,
                      className: 'canvas__headline-text',
                    })}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('canvas.opportunities')}</th>
                {columns.map((column) => (
                  <td key={column}>
                    {list(`${column}.opportunity`, `${t('canvas.opportunities')} – ${t(`canvas.${column}`)}`)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('canvas.prerequisites')}</th>
                {columns.map((column) => (
                  <td key={column}>
                    {list(
                      `${column}.prerequisite`,
                      `${t('canvas.prerequisites')} – ${t(`canvas.${column}`)}`,
                    )}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <div className="canvas__bottom">
          <section aria-labelledby="keywords-heading">
            <Heading level={2} data-size="xs" id="keywords-heading" className="canvas__row-label">
              {t('canvas.keywords')}
            </Heading>
            {list('keyword', t('canvas.keywords'), { className: 'canvas__keywords' })}
          </section>
          <section aria-labelledby="deep-dive-heading">
            <Heading level={2} data-size="xs" id="deep-dive-heading" className="canvas__row-label">
              {t('canvas.deepDive')}
            </Heading>
            {list('deep_dive', t('canvas.deepDive'))}
          </section>
        </div>
        {data.canvas.summary ? (
          <section aria-labelledby="summary-heading" className="canvas__summary">
            <Heading level={2} data-size="xs" id="summary-heading" className="canvas__row-label">
              {t('canvas.summary')}
            </Heading>
            <p>{data.canvas.summary}</p>
          </section>
        ) : null}
      </div>

      <section aria-labelledby="comments-heading" className="canvas-page__comments no-print">
        <Heading level={2} data-size="sm" id="comments-heading">
          {t('comments.title')}
        </Heading>
        {data.comments.length === 0 ? <Paragraph>{t('comments.none')}</Paragraph> : null}
        <ul className="plain-list comment-list">
          {data.comments.map((comment) => {
            const about = comment.statementId ? statementById.get(comment.statementId) : undefined;
            return (
              <li key={comment.id} className="comment">
                <p className="comment__meta">
                  {comment.authorName ?? t('history.unknownAuthor')} · {formatDateTime(comment.createdAt)}
                </p>
                {about ? <p className="comment__about">{t('comments.about', { text: about.text })}</p> : null}
                <p>{comment.body}</p>
              </li>
            );
          })}
        </ul>
        {data.permissions.canComment ? (
          <form onSubmit={(event) => void postComment(event)} className="comment-form" noValidate>
            {/* a reviewer has no edit mode (and so no per-bullet comment buttons): the choice is here */}
            <Field>
              <Label>{t('comments.target')}</Label>
              <Select
                value={commentTarget?.id ?? ''}
                onChange={(event) => setCommentTarget(statementById.get(event.target.value))}
              >
                <Select.Option value="">{t('comments.whole')}</Select.Option>
                {data.statements.map((statement) => (
                  <Select.Option key={statement.id} value={statement.id}>
                    {sectionName(statement.section)}: {shorten(statement.text)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Textfield
              id="comment-text"
              multiline
              rows={3}
              label={t('comments.new')}
              maxLength={textLimits.commentBody}
              error={commentError}
              value={commentText}
              onChange={(event) => {
                setCommentText(event.target.value);
                setCommentError(textLimitError(event.target.value, textLimits.commentBody, t));
              }}
            />
            <Button type="submit" data-size="sm">
              {t('comments.post')}
            </Button>
          </form>
        ) : null}
      </section>
    </article>
  );
}
