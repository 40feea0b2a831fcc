import { useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ActorListResponse, Submission, SubmissionListResponse } from '@innspill/contracts';
import { api, ApiError } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * Manual matching: imported letters and rows whose organisation was not found in the registry,
 * each with a choice of registered actor. Shows nothing when every import is matched.
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
  const unmatched = (submissions.data?.submissions ?? []).filter(
    (submission) => submission.source === 'import' && submission.actorId === null,
  );
  if (unmatched.length === 0 && !notice) return null;
  const registry = actors.data?.actors ?? [];
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
      setNotice({
        tone: 'danger',
        text:
          caught instanceof ApiError && caught.status === 404 ? t('matching.gone') : t('app.error.generic'),
      });
    }
  };
  return (
    <section aria-labelledby="matching-heading" className="form-stack" data-testid="unmatched-submissions">
      <Heading level={3} data-size="sm" id="matching-heading">
        {t('matching.title')}
      </Heading>
      <div aria-live="polite">{notice ? <Alert data-color={notice.tone}>{notice.text}</Alert> : null}</div>
      {unmatched.length ? <Paragraph>{t('matching.hint')}</Paragraph> : null}
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
    </section>
  );
}
