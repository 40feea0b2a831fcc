import { useState } from 'react';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { planDateIssueOf } from '@innspill/contracts';
import { ApiError } from '../../lib/api-client.ts';
import {
  apiErrorSummary,
  apiFieldMessage,
  type FieldContext,
  type Translate,
} from '../../lib/api-error-messages.ts';
import { planDateErrorMessage, secretariatFieldMessage } from '../rounds/secretariat-errors.ts';

/** What the last save of one of an editor's forms came to. */
export interface FormOutcome {
  /** Which form was sent (e.g. `details`, `deliverable:<id>`). */
  readonly form: string;
  readonly tone: 'success' | 'danger';
  readonly text: string;
  /** Messages for the fields the server named, by field name (`members.2` → `members`). */
  readonly fields: Readonly<Record<string, string>>;
}

export type SentFields = FieldContext & { labels?: Record<string, string> };

/**
 * A refused save as one line for the form's alert (the fields named with their labels) and a
 * message per field, in the user's language. Dates get the server's date problem (not in the
 * calendar, outside 2000–2100, skipped when summer time starts).
 */
export function editorError(
  caught: unknown,
  t: Translate,
  sent: SentFields = {},
): { text: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  if (caught instanceof ApiError) {
    for (const [field, serverMessage] of Object.entries(caught.fields)) {
      const name = field.split('.')[0] ?? field;
      fields[name] ??= planDateIssueOf(serverMessage)
        ? secretariatFieldMessage(field, caught.code, t, serverMessage)
        : apiFieldMessage(field, caught.code, t, sent);
    }
  }
  return { text: planDateErrorMessage(caught, t) ?? apiErrorSummary(caught, t, sent), fields };
}

/**
 * The outcome of an editor's forms, kept per form so that an error or "saved" shows in the form
 * that was sent, next to its button, rather than at the top of a long page.
 */
export function useFormOutcome() {
  const [outcome, setOutcome] = useState<FormOutcome>();
  return {
    outcome,
    clear: () => setOutcome(undefined),
    succeeded: (form: string, text: string) => setOutcome({ form, tone: 'success', text, fields: {} }),
    failed: (form: string, error: { text: string; fields: Record<string, string> }) =>
      setOutcome({ form, tone: 'danger', ...error }),
    /** The message for a field of a form, when its last save was refused for that field. */
    fieldError: (form: string, name: string): string | undefined =>
      outcome?.form === form ? outcome.fields[name] : undefined,
  };
}

/**
 * The outcome shown inside the form it belongs to: an alert for a refused save, a short visible
 * "Lagret." for a saved one (screen readers hear it from the editor's live region).
 */
export function FormOutcomeMessage({ outcome, form }: { outcome: FormOutcome | undefined; form: string }) {
  if (outcome?.form !== form) return null;
  return outcome.tone === 'danger' ? (
    <Alert data-color="danger" role="alert">
      {outcome.text}
    </Alert>
  ) : (
    <Paragraph data-size="sm" className="form-saved">
      {outcome.text}
    </Paragraph>
  );
}
