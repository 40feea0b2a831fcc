import type { responses } from '@innspill/core';
import type {
  Attachment,
  Participation,
  RespondentView,
  Submission,
  SubmissionDetailResponse,
} from '@innspill/contracts';
import { presentPublicRound, presentQuestion } from './round-presenter.ts';

type RespondentResult = Awaited<ReturnType<typeof responses.openRespondentLink>>;
type SubmissionListResult = Awaited<ReturnType<typeof responses.listSubmissions>>;
type ParticipationResult = Awaited<ReturnType<typeof responses.getParticipation>>;
type SubmissionDetailResult = Awaited<ReturnType<typeof responses.getSubmission>>;
type AttachmentRow = RespondentResult['attachments'][number];
type AnswerRow = RespondentResult['answers'][number];

export function presentAttachment(row: AttachmentRow): Attachment {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType,
    byteSize: row.byteSize,
    extractionStatus: row.extractionStatus,
    extractionFailure: row.extractionFailure,
    extractionError: row.extractionError,
  };
}

function presentAnswer(row: AnswerRow) {
  return { questionId: row.questionId, text: row.text, value: row.value ?? null };
}

/** The respondent's own response, shown to whoever holds the secret link. */
export function presentRespondentView(result: RespondentResult, locale: string): RespondentView {
  const submission = result.submission;
  return {
    round: presentPublicRound(result.round, result.questions, result.effectiveStatus, locale),
    actorName: result.actorName,
    status: submission?.status ?? 'draft',
    receiptCode: submission?.receiptCode ?? null,
    submittedAt: submission?.submittedAt?.toISOString() ?? null,
    isLate: submission?.isLate ?? false,
    submitterName: submission?.submitterName ?? null,
    submitterEmail: submission?.submitterEmail ?? null,
    organisationName: submission?.organisationName ?? null,
    declaredActorType: submission?.declaredActorType ?? null,
    publicationConsent: submission?.publicationConsent ?? null,
    answers: result.answers.map(presentAnswer),
    attachments: result.attachments.map(presentAttachment),
    canSubmit: result.canSubmit,
    canEdit: result.canEdit,
    canWithdraw: result.canWithdraw,
    isLateIfSubmittedNow: result.isLateIfSubmittedNow,
  };
}

/** Submissions for process members; submitter names and emails only for the secretariat. */
export function presentSubmissions(result: SubmissionListResult): Submission[] {
  return result.submissions.map(({ submission, actor, answers, attachments }) => ({
    id: submission.id,
    status: submission.status,
    submittedAt: submission.submittedAt?.toISOString() ?? null,
    isLate: submission.isLate,
    source: submission.source,
    receiptCode: submission.receiptCode,
    publicationConsent: submission.publicationConsent,
    actorName: actor?.name ?? submission.organisationName,
    actorType: actor?.type ?? submission.declaredActorType,
    actorId: actor?.id ?? null,
    submitterName: result.canSeePersonalData ? submission.submitterName : null,
    submitterEmail: result.canSeePersonalData ? submission.submitterEmail : null,
    answers: answers.map(presentAnswer),
    attachments: attachments.map(presentAttachment),
  }));
}

export function presentParticipation(result: ParticipationResult): Participation {
  return {
    totals: result.totals,
    byType: result.byType,
    participants: result.participants.map((row) => ({
      ...row,
      submittedAt: row.submittedAt?.toISOString() ?? null,
    })),
    notAnswered: result.notAnswered.map((row) => ({
      ...row,
      sentAt: row.sentAt?.toISOString() ?? null,
      remindedAt: row.remindedAt?.toISOString() ?? null,
    })),
  };
}

/** One submission in full for the secretariat: the use-case already refused everyone else. */
export function presentSubmissionDetail(
  result: SubmissionDetailResult,
  locale: string,
): SubmissionDetailResponse {
  const { submission, actor } = result;
  const questionOfAnswer = new Map(result.answers.map((answer) => [answer.id, answer.questionId]));
  return {
    submission: {
      id: submission.id,
      status: submission.status,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      isLate: submission.isLate,
      source: submission.source,
      receiptCode: submission.receiptCode,
      publicationConsent: submission.publicationConsent,
      actorName: actor?.name ?? submission.organisationName,
      actorType: actor?.type ?? submission.declaredActorType,
      actorId: actor?.id ?? null,
      submitterName: submission.submitterName,
      submitterEmail: submission.submitterEmail,
      organisationName: submission.organisationName,
      declaredActorType: submission.declaredActorType,
      organisationNumber: actor?.organisationNumber ?? null,
      answers: result.answers.map(presentAnswer),
      attachments: result.attachments.map(presentAttachment),
    },
    questions: result.questions.map((question) => presentQuestion(question, locale)),
    segments: result.segments.map((segment) => ({
      id: segment.id,
      answerId: segment.answerId,
      questionId: segment.answerId ? (questionOfAnswer.get(segment.answerId) ?? null) : null,
      attachmentId: segment.attachmentId,
      position: segment.position,
      text: segment.text,
      language: segment.language,
    })),
  };
}
