import type { PublicRound } from '@innspill/contracts';
import { questionFieldId } from './respondent-form.tsx';

const fieldIds: Record<string, string> = { submitterEmail: 'respond-email', submitterName: 'respond-name' };

/** Server field errors as error-summary entries linking to their controls. */
export function summaryEntries(round: PublicRound, fields: Record<string, string>) {
  return Object.entries(fields).map(([field, message]) => {
    const question = round.questions.find((candidate) => `answers.${candidate.id}` === field);
    if (question)
      return {
        fieldId: questionFieldId(question.id, question.kind),
        message: `${question.position}. ${question.text}: ${message}`,
      };
    return { fieldId: fieldIds[field] ?? 'respond-form', message };
  });
}
