import { Link as RouterLink, useParams } from 'react-router';
import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
} from '@digdir/designsystemet-react';
import type {
  Answer,
  Attachment,
  Question,
  Segment,
  SubmissionDetailResponse,
  SubmissionListResponse,
} from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n, type Locale } from '../../i18n/i18n.tsx';
import { formatAnswerNumber } from './respondent-form.tsx';
import { LoadingState } from '../../components/page-states.tsx';
import { RoundsErrorState } from './rounds-error-state.tsx';

function roundPath(slug: string, number: string) {
  return `/api/processes/${encodeURIComponent(slug)}/rounds/${encodeURIComponent(number)}`;
}

/** An answer as text: choices joined, numbers as the reader writes them ("3,5" in bokmål). */
export function answerText(answer: Answer | undefined, locale: Locale): string {
  if (!answer) return '';
  if (answer.text) return answer.text;
  if (Array.isArray(answer.value)) return answer.value.join('; ');
  if (typeof answer.value === 'number') return formatAnswerNumber(answer.value, locale);
  return answer.value === null || answer.value === undefined ? '' : String(answer.value);
}

/** `/p/:slug/rounds/:number/submissions`: every sent or withdrawn response of a round. */
export function SubmissionListPage() {
  const { slug = '', number = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const path = roundPath(slug, number);
  const state = useApi(() => api.get<SubmissionListResponse>(`${path}/submissions`), path);
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <RoundsErrorState error={state.error} />;
  const data = state.data;
  if (!data) return null;
  return (
    <article className="form-stack">
      <Paragraph>
        <RouterLink to={`/p/${slug}/rounds/${number}`}>{t('submissions.backToRound', { number })}</RouterLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {t('submissions.title', { number })}
      </Heading>
      <Paragraph>{t('submissions.count', { count: data.submissions.length })}</Paragraph>
      {!data.canSeePersonalData ? <Paragraph>{t('submissions.personalDataHidden')}</Paragraph> : null}
      {data.submissions.length ? (
        <div className="table-scroll">
          <Table data-testid="submission-list">
            <caption className="visually-hidden">{t('submissions.title', { number })}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t('submissions.actor')}</TableHeaderCell>
                <TableHeaderCell>{t('participation.type')}</TableHeaderCell>
                <TableHeaderCell>{t('participation.submittedAt')}</TableHeaderCell>
                <TableHeaderCell>{t('submissions.status')}</TableHeaderCell>
                <TableHeaderCell>{t('participation.source')}</TableHeaderCell>
                <TableHeaderCell>{t('submissions.consent')}</TableHeaderCell>
                <TableHeaderCell>{t('respond.attachments')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.submissions.map((submission) => {
                const name = submission.actorName ?? submission.submitterName ?? t('submissions.anonymous');
                return (
                  <TableRow key={submission.id}>
                    <TableCell>
                      {data.canSeePersonalData ? (
                        <RouterLink to={`/p/${slug}/rounds/${number}/submissions/${submission.id}`}>
                          {name}
                        </RouterLink>
                      ) : (
                        name
                      )}
                      {submission.source === 'import' &&
                      submission.actorId === null &&
                      submission.actorName ? (
                        <> ({t('submissions.unmatched')})</>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      {submission.actorType ? t(`actorType.${submission.actorType}`) : '—'}
                    </TableCell>
                    <TableCell>
                      {submission.submittedAt ? formatDateTime(submission.submittedAt) : '—'}
                      {submission.isLate ? ` (${t('participation.late').toLowerCase()})` : ''}
                    </TableCell>
                    <TableCell>{t(`submissions.status.${submission.status}`)}</TableCell>
                    <TableCell>{t(`participation.source.${submission.source}`)}</TableCell>
                    <TableCell>{t(consentKey(submission.publicationConsent))}</TableCell>
                    <TableCell>{submission.attachments.length}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      ) : (
        <Paragraph>{t('participation.none')}</Paragraph>
      )}
    </article>
  );
}

/**
 * Why an attachment's text could not be read, and what to do, in the reader's language. The
 * server's `extractionError` is English technical detail for the CLI and is never shown here; a
 * file that failed before the codes existed gets the generic message.
 */
export function extractionFailureMessage(
  attachment: Pick<Attachment, 'extractionFailure'>,
  t: (key: string) => string,
): string {
  return t(`submissions.extractionFailure.${attachment.extractionFailure ?? 'unknown'}`);
}

function consentKey(consent: boolean | null) {
  return consent === null
    ? 'submissions.consent.unknown'
    : consent
      ? 'submissions.consent.yes'
      : 'submissions.consent.no';
}

/** Segments in reading order, each marked with its language so screen readers pronounce it right. */
function SegmentList({ segments, label }: { segments: Segment[]; label: string }) {
  const { t } = useI18n();
  if (segments.length === 0) return null;
  return (
    <details className="segments">
      <summary>
        {label} ({segments.length})
      </summary>
      <ol>
        {segments.map((segment) => (
          <li key={segment.id}>
            <span lang={segment.language === 'und' ? undefined : segment.language}>{segment.text}</span>{' '}
            <small>({t(`submissions.language.${segment.language}`)})</small>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** `/p/:slug/rounds/:number/submissions/:submissionId`: one response in full (secretariat only). */
export function SubmissionDetailPage() {
  const { slug = '', number = '', submissionId = '' } = useParams();
  const { t, locale, formatDateTime } = useI18n();
  const path = `${roundPath(slug, number)}/submissions/${encodeURIComponent(submissionId)}`;
  const state = useApi(
    () => api.get<SubmissionDetailResponse>(`${path}?lang=${locale}`),
    `${path}-${locale}`,
  );
  if (state.isLoading && !state.data) return <LoadingState />;
  if (state.error) return <RoundsErrorState error={state.error} />;
  const data = state.data;
  if (!data) return null;
  const { submission, questions, segments } = data;
  const answerOf = (question: Question) =>
    submission.answers.find((answer) => answer.questionId === question.id);
  const title = submission.actorName ?? submission.submitterName ?? t('submissions.anonymous');
  const facts: [string, string][] = [
    [t('submissions.status'), t(`submissions.status.${submission.status}`)],
    [
      t('participation.submittedAt'),
      submission.submittedAt
        ? `${formatDateTime(submission.submittedAt)}${submission.isLate ? ` (${t('participation.late').toLowerCase()})` : ''}`
        : '—',
    ],
    [t('respond.receiptCode'), submission.receiptCode ?? '—'],
    [t('participation.source'), t(`participation.source.${submission.source}`)],
    [t('participation.type'), submission.actorType ? t(`actorType.${submission.actorType}`) : '—'],
    [t('submissions.organisationNumber'), submission.organisationNumber ?? '—'],
    [
      t('submissions.registered'),
      submission.actorId ? t('submissions.registered.yes') : t('submissions.registered.no'),
    ],
    [t('respond.organisation'), submission.organisationName ?? '—'],
    [t('respond.name'), submission.submitterName ?? '—'],
    [t('respond.email'), submission.submitterEmail ?? '—'],
    [t('submissions.consent'), t(consentKey(submission.publicationConsent))],
  ];
  return (
    <article className="form-stack submission-detail">
      <Paragraph>
        <RouterLink to={`/p/${slug}/rounds/${number}/submissions`}>{t('submissions.backToList')}</RouterLink>
      </Paragraph>
      <Heading level={1} data-size="lg">
        {title}
      </Heading>
      <Paragraph>{t('submissions.personalDataNote')}</Paragraph>
      <dl className="facts" data-testid="submission-facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="answers-heading" className="form-stack">
        <Heading level={2} data-size="md" id="answers-heading">
          {t('submissions.answers')}
        </Heading>
        {questions.map((question) => {
          const text = answerText(answerOf(question), locale);
          return (
            <section key={question.id} aria-labelledby={`question-${question.id}`}>
              <Heading level={3} data-size="xs" id={`question-${question.id}`}>
                {question.position}. {question.text}
              </Heading>
              <Paragraph className="answer-text">{text || t('respond.noAnswer')}</Paragraph>
              <SegmentList
                label={t('submissions.segments')}
                segments={segments.filter((segment) => segment.questionId === question.id)}
              />
            </section>
          );
        })}
      </section>

      <section aria-labelledby="attachments-heading" className="form-stack">
        <Heading level={2} data-size="md" id="attachments-heading">
          {t('respond.attachments')}
        </Heading>
        {submission.attachments.length ? (
          <ul data-testid="submission-attachments">
            {submission.attachments.map((attachment) => (
              <li key={attachment.id}>
                <strong>{attachment.fileName}</strong> ({Math.max(1, Math.round(attachment.byteSize / 1024))}{' '}
                kB):{' '}
                {attachment.extractionFailure === 'deleted_on_request'
                  ? t('submissions.extraction.deleted')
                  : t(`submissions.extraction.${attachment.extractionStatus}`)}
                {attachment.extractionStatus === 'failed' ? (
                  <Paragraph data-size="sm" data-testid="extraction-failure">
                    {extractionFailureMessage(attachment, t)}
                  </Paragraph>
                ) : null}
                <SegmentList
                  label={t('submissions.extractedSegments')}
                  segments={segments.filter((segment) => segment.attachmentId === attachment.id)}
                />
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('submissions.noAttachments')}</Paragraph>
        )}
      </section>
    </article>
  );
}
