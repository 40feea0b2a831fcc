import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ActorListResponse, Submission, SubmissionListResponse } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { secretariatErrorMessage } from './secretariat-errors.ts';

/** What an imported submission came from: its letter's file name, else the name it gave. */
function importedLabel(submission: Submission): string {
  return submission.attachments[0]?.fileName ?? submission.actorName ?? submission.submitterName ?? '—';
}

/**
 * Manual matching: imported letters and rows whose organisation was not found in the registry,
 * each with a choice of registered actor; and the imported ones that are linked to an actor (by
 * the import or by hand), each of which can be unlinked to undo a wrong match. Shows nothing when
 * the round has no imported submissions.
 */
export function UnmatchedSubmissions({
  slug,
  path,
  refreshKey,
}: {
  slug: string;
  path: string;
  refreshKey: number;
}) {
  const { t } = useI18n();
  const submissions = useApi(
    () => api.get<SubmissionListResponse>(`${path}/submissions`),
    `${path}-u-${refreshKey}`,
  );
  const actors = useApi(
    () => api.get<ActorListResponse>(`/api/processes/${encodeURIComponent(slug)}/actors`),
    `${slug}-actors-${refreshKey}`,
  );
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ tone: 'success' | 'danger'; text: string }>();
  const imported = (submissions.data?.submissions ?? []).filter(
    (submission) => submission.source === 'import' && submission.status !== 'draft',
  );
  const unmatched = imported.filter((submission) => submission.actorId === null);
  const matched = imported.filter((submission) => submission.actorId !== null);
  if (imported.length === 0 && !notice) return null;
  const registry = actors.data?.actors ?? [];
  const failed = (caught: unknown) => setNotice({ tone: 'danger', text: secretariatErrorMessage(caught, t) });
  const match = async (submission: Submission) => {
    const actorId = choices[submission.id];
    if (!actorId) return;
    setNotice(undefined);
    try {
      const updated = await api.put<Submission>(`${path}/submissions/${submission.id}/actor`, { actorId });
      setNotice({
        tone: 'success',
        text: t('matching.done', { name: submission.actorName ?? '', actor: updated.actorName ?? '' }),
      });
      submissions.reload();
    } catch (caught) {
      failed(caught);
    }
  };
  const unlink = async (submission: Submission) => {
    setNotice(undefined);
    try {
      await api.put<Submission>(`${path}/submissions/${submission.id}/actor`, { actorId: null });
      setNotice({
        tone: 'success',
        text: t('matching.unlinked', { name: importedLabel(submission), actor: submission.actorName ?? '' }),
      });
      submissions.reload();
    } catch (caught) {
      failed(caught);
    }
  };
  return (
    <section aria-labelledby="matching-heading" className="form-stack" data-testid="unmatched-submissions">
      <Heading level={3} data-size="sm" id="matching-heading">
        {t('matching.heading')}
      </Heading>
      <div aria-live="polite">{notice ? <Alert data-color={notice.tone}>{notice.text}</Alert> : null}</div>
      {unmatched.length ? (
        <Paragraph>{t('matching.hint')}</Paragraph>
      ) : (
        <Paragraph>{t('matching.none')}</Paragraph>
      )}
      <ul className="form-stack">
        {unmatched.map((submission) => {
          const selectId = `match-${submission.id}`;
          return (
            <li key={submission.id} className="field">
              <label htmlFor={selectId}>
                {t('matching.label', { name: submission.actorName ?? submission.submitterName ?? '—' })}
              </label>
              <div className="button-row">
                <select
                  id={selectId}
                  value={choices[submission.id] ?? ''}
                  onChange={(event) => setChoices({ ...choices, [submission.id]: event.target.value })}
                >
                  <option value="">{t('matching.choose')}</option>
                  {registry.map((actor) => (
                    <option key={actor.id} value={actor.id}>
                      {actor.name}
                      {actor.organisationNumber ? ` (${actor.organisationNumber})` : ''}
                    </option>
                  ))}
                </select>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={!choices[submission.id]}
                  onClick={() => void match(submission)}
                >
                  {t('matching.match')}
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
      {matched.length ? (
        <details data-testid="matched-submissions">
          <summary>{t('matching.matchedTitle', { count: matched.length })}</summary>
          <Paragraph>{t('matching.matchedHint')}</Paragraph>
          <ul className="form-stack">
            {matched.map((submission) => (
              <li key={submission.id} className="button-row">
                <span>
                  {t('matching.linkedTo', {
                    name: importedLabel(submission),
                    actor: submission.actorName ?? '',
                  })}
                </span>
                <Button
                  type="button"
                  variant="tertiary"
                  aria-label={t('matching.unlinkLabel', {
                    name: importedLabel(submission),
                    actor: submission.actorName ?? '',
                  })}
                  onClick={() => void unlink(submission)}
                >
                  {t('matching.unlink')}
                </Button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
