import {
  Checkbox,
  Fieldset,
  FieldsetDescription,
  FieldsetLegend,
  Radio,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import type { Answer, PublicRound, RespondentInput } from '@innspill/contracts';
import { useI18n, type Locale } from '../../i18n/i18n.tsx';
import { actorTypes } from './rounds.api.ts';

/** Longest answers the server takes (core `maxLongTextChars` / `maxShortTextChars`). */
export const maxAnswerChars = { long_text: 100_000, short_text: 1_000 } as const;

/** Longest "about you" fields the API takes (contracts `RespondentInputSchema`). */
export const maxRespondentChars = { submitterName: 200, submitterEmail: 254, organisationName: 300 } as const;

/** A character limit as the reader writes numbers ("100 000" in bokmål, "100,000" in English). */
export function formatLimit(limit: number, locale: Locale): string {
  return limit.toLocaleString(locale === 'nb' ? 'nb-NO' : 'en-GB');
}

export interface RespondentDraft {
  answers: Record<string, { text: string; value: string | string[] }>;
  submitterName: string;
  submitterEmail: string;
  organisationName: string;
  declaredActorType: string;
  publicationConsent: 'yes' | 'no' | '';
}

export function emptyDraft(): RespondentDraft {
  return {
    answers: {},
    submitterName: '',
    submitterEmail: '',
    organisationName: '',
    declaredActorType: '',
    publicationConsent: '',
  };
}

/**
 * A number answer as the reader writes it: a decimal comma in bokmål ("3,5"), a point in English.
 * No digit grouping, so the text reads back as the same number when the form is sent again.
 */
export function formatAnswerNumber(value: number, locale: Locale): string {
  const text = String(value);
  return locale === 'nb' ? text.replace('.', ',') : text;
}

export function draftFromAnswers(
  answers: Answer[],
  rest: Partial<RespondentDraft>,
  locale: Locale,
): RespondentDraft {
  const draft = { ...emptyDraft(), ...rest };
  for (const answer of answers) {
    const value = Array.isArray(answer.value)
      ? answer.value
      : answer.value === null
        ? ''
        : typeof answer.value === 'number'
          ? formatAnswerNumber(answer.value, locale)
          : String(answer.value);
    draft.answers[answer.questionId] = { text: answer.text ?? '', value };
  }
  return draft;
}

/** The request body for a save or submit: every question's answer plus who is answering. */
export function draftToInput(
  round: PublicRound,
  draft: RespondentDraft,
  isInvited: boolean,
): RespondentInput {
  return {
    answers: round.questions.map((question) => {
      const answer = draft.answers[question.id];
      switch (question.kind) {
        case 'long_text':
        case 'short_text':
          return { questionId: question.id, text: answer?.text ?? '' };
        case 'multiple_choice':
          return { questionId: question.id, value: Array.isArray(answer?.value) ? answer.value : [] };
        case 'scale':
        case 'number': {
          const raw = typeof answer?.value === 'string' ? answer.value.replace(',', '.').trim() : '';
          return { questionId: question.id, value: raw === '' ? null : Number(raw) };
        }
        case 'single_choice':
          return {
            questionId: question.id,
            value: typeof answer?.value === 'string' && answer.value ? answer.value : null,
          };
      }
    }),
    submitterName: draft.submitterName,
    submitterEmail: draft.submitterEmail,
    ...(isInvited
      ? {}
      : {
          organisationName: draft.organisationName,
          declaredActorType: (draft.declaredActorType || null) as RespondentInput['declaredActorType'],
        }),
    publicationConsent: draft.publicationConsent === '' ? null : draft.publicationConsent === 'yes',
  };
}

/** The id of the first focusable control of a question (error summary links point here). */
export function questionFieldId(questionId: string, kind: string): string {
  return ['single_choice', 'multiple_choice', 'scale'].includes(kind)
    ? `q-${questionId}-0`
    : `q-${questionId}`;
}

/**
 * The answer form: one control per question kind, plus who answers and publication consent.
 * Plain form controls with visible labels, so it works by keyboard, on a phone and with a screen reader.
 */
export function RespondentFields({
  round,
  draft,
  onChange,
  errors,
  isInvited,
  isDisabled,
}: {
  round: PublicRound;
  draft: RespondentDraft;
  onChange: (draft: RespondentDraft) => void;
  errors: Record<string, string>;
  isInvited: boolean;
  isDisabled: boolean;
}) {
  const { t, locale } = useI18n();
  const limitHint = (kind: keyof typeof maxAnswerChars) =>
    t('respond.maxChars', { max: formatLimit(maxAnswerChars[kind], locale) });
  const setAnswer = (questionId: string, patch: Partial<{ text: string; value: string | string[] }>) => {
    const current = draft.answers[questionId] ?? { text: '', value: '' };
    onChange({ ...draft, answers: { ...draft.answers, [questionId]: { ...current, ...patch } } });
  };
  return (
    <>
      {round.questions.map((question, index) => {
        const answer = draft.answers[question.id] ?? { text: '', value: '' };
        const error = errors[`answers.${question.id}`];
        const label = `${index + 1}. ${question.text}${question.isRequired ? ` ${t('respond.required')}` : ''}`;
        switch (question.kind) {
          case 'long_text':
            return (
              <Textfield
                key={question.id}
                id={`q-${question.id}`}
                label={label}
                description={limitHint('long_text')}
                multiline
                rows={8}
                value={answer.text}
                required={question.isRequired}
                readOnly={isDisabled}
                error={error}
                onChange={(event) => setAnswer(question.id, { text: event.target.value })}
              />
            );
          case 'short_text':
            return (
              <Textfield
                key={question.id}
                id={`q-${question.id}`}
                label={label}
                description={limitHint('short_text')}
                value={answer.text}
                required={question.isRequired}
                readOnly={isDisabled}
                error={error}
                onChange={(event) => setAnswer(question.id, { text: event.target.value })}
              />
            );
          case 'number':
            return (
              <Textfield
                key={question.id}
                id={`q-${question.id}`}
                label={label}
                inputMode="decimal"
                value={typeof answer.value === 'string' ? answer.value : ''}
                required={question.isRequired}
                readOnly={isDisabled}
                error={error}
                onChange={(event) => setAnswer(question.id, { value: event.target.value })}
              />
            );
          case 'single_choice':
          case 'scale': {
            const options = question.kind === 'scale' ? ['1', '2', '3', '4', '5'] : question.options;
            return (
              <Fieldset key={question.id} disabled={isDisabled} aria-invalid={error ? true : undefined}>
                <FieldsetLegend>{label}</FieldsetLegend>
                {question.kind === 'scale' ? (
                  <FieldsetDescription>{`${t('respond.scale.low')}, ${t('respond.scale.high')}`}</FieldsetDescription>
                ) : null}
                {options.map((option, optionIndex) => (
                  <Radio
                    key={option}
                    id={`q-${question.id}-${optionIndex}`}
                    name={`q-${question.id}`}
                    label={option}
                    value={option}
                    checked={answer.value === option}
                    onChange={() => setAnswer(question.id, { value: option })}
                  />
                ))}
                {error ? (
                  <p className="field-error" role="alert">
                    {error}
                  </p>
                ) : null}
              </Fieldset>
            );
          }
          case 'multiple_choice': {
            const selected = Array.isArray(answer.value) ? answer.value : [];
            return (
              <Fieldset key={question.id} disabled={isDisabled}>
                <FieldsetLegend>{label}</FieldsetLegend>
                {question.options.map((option, optionIndex) => (
                  <Checkbox
                    key={option}
                    id={`q-${question.id}-${optionIndex}`}
                    label={option}
                    value={option}
                    checked={selected.includes(option)}
                    onChange={(event) =>
                      setAnswer(question.id, {
                        value: event.target.checked
                          ? [...selected, option]
                          : selected.filter((item) => item !== option),
                      })
                    }
                  />
                ))}
                {error ? (
                  <p className="field-error" role="alert">
                    {error}
                  </p>
                ) : null}
              </Fieldset>
            );
          }
        }
      })}
      <Fieldset disabled={isDisabled}>
        <FieldsetLegend>{t('respond.about')}</FieldsetLegend>
        <div className="form-stack">
          <Textfield
            id="respond-name"
            label={t('respond.name')}
            autoComplete="name"
            value={draft.submitterName}
            onChange={(e) => onChange({ ...draft, submitterName: e.target.value })}
            error={errors.submitterName}
          />
          <Textfield
            id="respond-email"
            label={t('respond.email')}
            description={t('respond.emailHint')}
            type="email"
            autoComplete="email"
            value={draft.submitterEmail}
            onChange={(e) => onChange({ ...draft, submitterEmail: e.target.value })}
            error={errors.submitterEmail}
          />
          {isInvited ? null : (
            <>
              <Textfield
                id="respond-organisation"
                label={t('respond.organisation')}
                autoComplete="organization"
                value={draft.organisationName}
                onChange={(e) => onChange({ ...draft, organisationName: e.target.value })}
                error={errors.organisationName}
              />
              <div className="field">
                <label htmlFor="respond-actor-type">{t('respond.actorType')}</label>
                <Select
                  id="respond-actor-type"
                  value={draft.declaredActorType}
                  onChange={(e) => onChange({ ...draft, declaredActorType: e.target.value })}
                >
                  <option value="">{t('respond.choose')}</option>
                  {actorTypes.map((type) => (
                    <option key={type} value={type}>
                      {t(`actorType.${type}`)}
                    </option>
                  ))}
                </Select>
              </div>
            </>
          )}
        </div>
      </Fieldset>
      <Fieldset disabled={isDisabled}>
        <FieldsetLegend>{t('respond.consent')}</FieldsetLegend>
        {round.publicationNote ? <FieldsetDescription>{round.publicationNote}</FieldsetDescription> : null}
        <Radio
          id="consent-yes"
          name="consent"
          label={t('respond.consent.yes')}
          value="yes"
          checked={draft.publicationConsent === 'yes'}
          onChange={() => onChange({ ...draft, publicationConsent: 'yes' })}
        />
        <Radio
          id="consent-no"
          name="consent"
          label={t('respond.consent.no')}
          value="no"
          checked={draft.publicationConsent === 'no'}
          onChange={() => onChange({ ...draft, publicationConsent: 'no' })}
        />
      </Fieldset>
    </>
  );
}
