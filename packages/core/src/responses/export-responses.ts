import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { loadRoundForActor, findQuestionsOfRound, type RoundLocator } from '../rounds/index.ts';
import { osloIsoDateTime } from '../shared/oslo-time.ts';
import { toCsv } from './csv-writer.ts';
import {
  findAnswersOfSubmissions,
  findAttachmentsOfSubmissions,
  findSegmentsOfSubmissions,
  findSubmissionsOfRound,
} from './responses.repository.ts';
import { answerAsText } from './submission.ts';

export type ExportFormat = 'csv' | 'jsonl';

/**
 * Every sent or withdrawn response of a round with its actor, answers, attachments (with extracted
 * text) and segments. Includes submitter personal data, so only the secretariat may export.
 * CSV has one row per submission (segments are in JSONL only); cells are formula-neutralised.
 * CSV times are Oslo wall-clock time with offset (`2026-11-28T23:45:53+01:00`) for spreadsheet
 * readers, as in the participation CSV; JSONL keeps UTC instants (`…Z`) for programs.
 */
export async function exportResponses(
  db: Queryable,
  actor: Actor,
  locator: RoundLocator,
  format: ExportFormat,
): Promise<string> {
  const { round } = await loadRoundForActor(db, actor, locator, true);
  const questions = await findQuestionsOfRound(db, round.id);
  const rows = await findSubmissionsOfRound(db, round.id);
  const ids = rows.map((row) => row.submission.id);
  const [answers, attachments, segments] = await Promise.all([
    findAnswersOfSubmissions(db, ids),
    findAttachmentsOfSubmissions(db, ids),
    findSegmentsOfSubmissions(db, ids),
  ]);
  const records = rows.map(({ submission, actor: registered }) => {
    const own = answers.filter((answer) => answer.submissionId === submission.id);
    return {
      id: submission.id,
      round: round.number,
      status: submission.status,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      submittedAtOslo: submission.submittedAt ? osloIsoDateTime(submission.submittedAt) : '',
      isLate: submission.isLate,
      source: submission.source,
      receiptCode: submission.receiptCode,
      publicationConsent: submission.publicationConsent,
      actor: {
        id: registered?.id ?? null,
        name: registered?.name ?? submission.organisationName,
        type: registered?.type ?? submission.declaredActorType,
        organisationNumber: registered?.organisationNumber ?? null,
      },
      submitter: { name: submission.submitterName, email: submission.submitterEmail },
      answers: questions.map((question) => {
        const answer = own.find((candidate) => candidate.questionId === question.id);
        return {
          position: question.position,
          question: question.text,
          text: answer?.text ?? null,
          value: answer?.value ?? null,
        };
      }),
      attachments: attachments
        .filter((attachment) => attachment.submissionId === submission.id)
        .map((attachment) => ({
          id: attachment.id,
          fileName: attachment.fileName,
          mediaType: attachment.mediaType,
          byteSize: attachment.byteSize,
          sha256: attachment.sha256,
          extractionStatus: attachment.extractionStatus,
          extractionFailure: attachment.extractionFailure,
          extractionError: attachment.extractionError,
          extractedText: attachment.extractedText,
        })),
      segments: segments
        .filter((segment) => segment.submissionId === submission.id)
        .map((segment) => ({
          id: segment.id,
          answerId: segment.answerId,
          attachmentId: segment.attachmentId,
          position: segment.position,
          text: segment.text,
          language: segment.language,
        })),
      answerTexts: questions.map((question) => {
        const answer = own.find((candidate) => candidate.questionId === question.id);
        return answer ? answerAsText(answer) : '';
      }),
    };
  });
  if (format === 'jsonl') {
    return (
      records
        .map(({ answerTexts: _texts, submittedAtOslo: _oslo, ...record }) => JSON.stringify(record))
        .join('\n') + (records.length ? '\n' : '')
    );
  }
  return toCsv([
    [
      'submission_id',
      'status',
      'submitted_at',
      'late',
      'source',
      'receipt_code',
      'publication_consent',
      'actor',
      'actor_type',
      'organisation_number',
      'submitter_name',
      'submitter_email',
      ...questions.map((_question, index) => `q${index + 1}`),
      'attachments',
      'attachment_text',
    ],
    ...records.map((record) => [
      record.id,
      record.status,
      record.submittedAtOslo,
      record.isLate ? 'yes' : 'no',
      record.source,
      record.receiptCode,
      record.publicationConsent === null ? '' : record.publicationConsent ? 'yes' : 'no',
      record.actor.name,
      record.actor.type,
      record.actor.organisationNumber,
      record.submitter.name,
      record.submitter.email,
      ...record.answerTexts,
      record.attachments.map((attachment) => attachment.fileName).join('; '),
      record.attachments.map((attachment) => attachment.extractedText ?? '').join('\n\n'),
    ]),
  ]);
}
