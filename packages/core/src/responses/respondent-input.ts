import { ValidationError } from '../shared/domain-error.ts';
import { isValidEmail, type ActorType } from '../actors/index.ts';
import type { Question } from '../rounds/index.ts';
import type { SubmissionRow } from './responses.repository.ts';
import { normaliseAnswers, type AnswerInput } from './submission.ts';

/** What a respondent may send with a save or a submit. Omitted fields are left as they are. */
export interface RespondentInput {
  answers?: AnswerInput[] | undefined;
  submitterName?: string | null | undefined;
  submitterEmail?: string | null | undefined;
  organisationName?: string | null | undefined;
  declaredActorType?: ActorType | null | undefined;
  publicationConsent?: boolean | null | undefined;
}

function cleanOptional(value: string | null | undefined, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = value?.trim() ?? '';
  return trimmed ? trimmed.slice(0, max) : null;
}

/** The submission columns a respondent's input changes, validated (no database access). */
export function respondentChanges(input: RespondentInput): Partial<SubmissionRow> {
  const email = cleanOptional(input.submitterEmail, 254);
  if (email && !isValidEmail(email)) {
    throw new ValidationError('Check the email address.', { submitterEmail: 'Not a valid email address.' });
  }
  return {
    ...(input.submitterName !== undefined
      ? { submitterName: cleanOptional(input.submitterName, 200) ?? null }
      : {}),
    ...(email !== undefined ? { submitterEmail: email } : {}),
    ...(input.organisationName !== undefined
      ? { organisationName: cleanOptional(input.organisationName, 300) ?? null }
      : {}),
    ...(input.declaredActorType !== undefined ? { declaredActorType: input.declaredActorType } : {}),
    ...(input.publicationConsent !== undefined ? { publicationConsent: input.publicationConsent } : {}),
  };
}

/** The fields a ValidationError names, or rethrows anything else. */
function problemsOf(check: () => unknown): Record<string, string> {
  try {
    check();
    return {};
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return (error.details?.fields ?? {}) as Record<string, string>;
  }
}

/**
 * The submission columns a respondent's input changes, after checking who they are and every
 * answer together: one ValidationError names every bad field (an email address and an over-long
 * answer at once), so a form can mark them all on the first try instead of one per post.
 */
export function checkRespondentInput(questions: Question[], input: RespondentInput): Partial<SubmissionRow> {
  const problems = {
    ...problemsOf(() => respondentChanges(input)),
    ...problemsOf(() => (input.answers ? normaliseAnswers(questions, input.answers) : undefined)),
  };
  if (Object.keys(problems).length) throw new ValidationError('Some fields are not valid.', problems);
  return respondentChanges(input);
}
