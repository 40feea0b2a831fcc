import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { Alert, Button, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { CanvasResponse, Revision, RevisionList } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { apiErrorMessage } from '../../lib/api-error-messages.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';
import { diffWords } from './text-diff.ts';
import { sectionLabelKey } from './strategy.messages.ts';

type Snapshot = Record<string, unknown> | null;

/** A structure snapshot as lines a person can diff: dimensions, pillars, other areas. */
function structureText(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const structure = value as Record<string, unknown>;
  const list = (key: string) => (Array.isArray(structure[key]) ? (structure[key] as unknown[]) : []);
  return [
    ...list('dimensions').map((entry) => {
      const dimension = (entry ?? {}) as Record<string, unknown>;
      return `${String(dimension.name ?? '')}: ${String(dimension.description ?? '')}`;
    }),
    ...(typeof structure.pillarsLabel === 'string' ? [structure.pillarsLabel] : []),
    ...list('pillars').map(String),
    ...list('otherAreas').map(String),
  ].join('\n');
}

function str(value: unknown): string {
  if (Array.isArray(value)) return value.filter((item) => typeof item === 'string').join('\n');
  return typeof value === 'string' ? value : '';
}

function translationsOf(snapshot: Snapshot): Record<string, Record<string, unknown>> {
  const value = snapshot?.translations;
  return value && typeof value === 'object' ? (value as Record<string, Record<string, unknown>>) : {};
}

/** What a revision is of: a strategy revision holds either the goals' lead or the structure. */
function entityKind(revision: Revision): string {
  const isStructure = revision.before?.structure !== undefined || revision.after?.structure !== undefined;
  return revision.entityType === 'strategy' && isStructure ? 'structure' : revision.entityType;
}

/** Before/after of one text as an inline diff: removed words struck through, added words underlined. */
function TextDiff({ before, after }: { before: string; after: string }) {
  const { t } = useI18n();
  return (
    <p className="text-diff">
      {diffWords(before, after).map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'removed' ? (
          <del key={index}>
            <span className="visually-hidden">[{t('history.removed')}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <ins key={index}>
            <span className="visually-hidden">[{t('history.added')}: </span>
            {part.text}
            <span className="visually-hidden">]</span>
          </ins>
        ),
      )}
    </p>
  );
}

/** What a revision changed, in words a person reads. */
function RevisionChange({ revision, language }: { revision: Revision; language: string }) {
  const { t, locale } = useI18n();
  const { before, after } = revision;
  const fields =
    revision.entityType === 'statement'
      ? ['text']
      : revision.entityType === 'canvas'
        ? ['title', 'summary', 'mainGoal']
        : revision.entityType === 'process'
          ? ['title', 'subtitle', 'commissionedBy', 'commissionedByFullName', 'mandate', 'principles']
          : before?.structure !== undefined || after?.structure !== undefined
            ? ['structure']
            : ['goalsLead'];
  const parts = [];
  if (
    revision.action === 'moved' ||
    (before &&
      after &&
      (before.section !== after.section || before.position !== after.position) &&
      revision.entityType === 'statement')
  ) {
    const section = str(after?.section);
    parts.push(
      <p key="position">
        {t('history.position', {
          from: Number(before?.position ?? 0) + 1,
          to: Number(after?.position ?? 0) + 1,
          section: t(sectionLabelKey[section] ?? section),
        })}
      </p>,
    );
  }
  if (revision.action === 'status_changed') {
    parts.push(
      <p key="status">
        {t('history.statusChange', {
          from: t(`canvas.status.${str(before?.status)}`),
          to: t(`canvas.status.${str(after?.status)}`),
        })}
      </p>,
    );
  }
  for (const field of fields) {
    const from = field === 'structure' ? structureText(before?.structure) : str(before?.[field]);
    const to = field === 'structure' ? structureText(after?.structure) : str(after?.[field]);
    if (from === to && revision.action !== 'created' && revision.action !== 'deleted') continue;
    if (revision.action === 'moved' || revision.action === 'status_changed') continue;
    parts.push(
      <div key={field}>
        {fields.length > 1 || field !== 'text' ? (
          <p className="revision__field">{t(`history.field.${field}`)}</p>
        ) : null}
        {/* the original text is in the process language, whatever the page's (WCAG 3.1.2) */}
        <div lang={language !== locale ? language : undefined}>
          <TextDiff
            before={revision.action === 'created' ? '' : from}
            after={revision.action === 'deleted' ? '' : to}
          />
        </div>
      </div>,
    );
  }
  const beforeTranslations = translationsOf(before);
  const afterTranslations = translationsOf(after);
  for (const locale of new Set([...Object.keys(beforeTranslations), ...Object.keys(afterTranslations)])) {
    for (const field of fields) {
      const from = str(beforeTranslations[locale]?.[field]);
      const to = str(afterTranslations[locale]?.[field]);
      if (from === to || revision.action === 'created') continue;
      parts.push(
        <div key={`${locale}-${field}`} lang={locale}>
          <p className="revision__field">{t('history.translation', { locale })}</p>
          <TextDiff before={from} after={to} />
        </div>,
      );
    }
  }
  return <>{parts}</>;
}

/** Every change to a canvas and its bullets (or to the goals), newest first, with restore. */
export function HistoryPage({ scope }: { scope: 'theme' | 'goals' }) {
  const { slug = '', themeId = '' } = useParams();
  const { t, formatDateTime, locale } = useI18n();
  const processBase = `/api/processes/${encodeURIComponent(slug)}`;
  const historyUrl =
    scope === 'theme'
      ? `${processBase}/themes/${encodeURIComponent(themeId)}/history`
      : `${processBase}/strategy/history`;
  const history = useApi(() => api.get<RevisionList>(historyUrl), historyUrl);
  const canvas = useApi(
    () =>
      scope === 'theme'
        ? api.get<CanvasResponse>(`${processBase}/themes/${encodeURIComponent(themeId)}?lang=${locale}`)
        : Promise.resolve(undefined),
    `${historyUrl}-${locale}`,
  );
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  if (history.isLoading && !history.data) return <LoadingState />;
  if (history.error) return <ErrorState error={history.error} />;
  if (!history.data) return null;
  const title =
    scope === 'theme'
      ? // the link holds the theme's id only: its title shows once the canvas has loaded
        t('history.title', { title: canvas.data?.canvas.title ?? '…' })
      : t('history.goalsTitle');
  const back = scope === 'theme' ? `/p/${slug}/strategy/themes/${themeId}` : `/p/${slug}/strategy`;

  const restore = async (revision: Revision) => {
    setError('');
    try {
      await api.post(`${processBase}/revisions/${revision.id}/restore`);
      setMessage(t('history.restored'));
      history.reload();
      canvas.reload();
    } catch (caught) {
      setError(apiErrorMessage(caught, t));
    }
  };

  return (
    <article className="history-page">
      <Link asChild>
        <RouterLink to={back}>
          {scope === 'theme' ? (canvas.data?.canvas.title ?? t('canvas.toStrategy')) : t('canvas.toStrategy')}
        </RouterLink>
      </Link>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <div role="status" aria-live="polite">
        {message ? <Alert data-color="success">{message}</Alert> : null}
      </div>
      {error ? (
        <Alert data-color="danger" role="alert">
          {error}
        </Alert>
      ) : null}
      {history.data.revisions.length === 0 ? <Paragraph>{t('history.none')}</Paragraph> : null}
      <ol className="revision-list">
        {history.data.revisions.map((revision) => (
          <li key={revision.id} className="revision">
            <Heading level={2} data-size="2xs" className="revision__title">
              <Tag data-color="neutral">{t(`history.entity.${entityKind(revision)}`)}</Tag>{' '}
              {t(`history.action.${revision.action}`)} · {t('history.version', { version: revision.version })}
            </Heading>
            <p className="revision__meta">
              {t('history.by', {
                who: revision.authorName ?? t('history.unknownAuthor'),
                when: formatDateTime(revision.at),
              })}
            </p>
            <RevisionChange revision={revision} language={history.data?.language ?? locale} />
            {history.data?.canRestore &&
            (revision.entityType !== 'process' || history.data.canRestoreProcess) &&
            revision.after &&
            revision.action !== 'status_changed' &&
            revision.action !== 'moved' ? (
              <Button
                variant="secondary"
                data-size="sm"
                aria-label={t('history.restoreLabel', {
                  version: revision.version,
                  text: str(revision.after.text ?? revision.after.title ?? revision.after.goalsLead).slice(
                    0,
                    80,
                  ),
                })}
                onClick={() => void restore(revision)}
              >
                {t('history.restore')}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
    </article>
  );
}
