import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  Heading,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import type { Question } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { localiseSecretariatError } from './secretariat-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import { questionKinds } from './rounds.api.ts';

interface EditableQuestion {
  key: string;
  id?: string;
  kind: Question['kind'];
  text: string;
  isRequired: boolean;
  options: string;
}

/** Add, edit, reorder (move up/down buttons, keyboard-friendly) and remove a round's questions. */
export function QuestionsEditor({
  path,
  questions,
  onSaved,
}: {
  path: string;
  questions: Question[];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [items, setItems] = useState<EditableQuestion[]>(() =>
    questions.map((question) => ({
      key: question.id,
      id: question.id,
      kind: question.kind,
      text: question.text,
      isRequired: question.isRequired,
      options: question.options.join('\n'),
    })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'success' | 'danger'; text: string }>();
  const update = (index: number, patch: Partial<EditableQuestion>) =>
    setItems(items.map((item, at) => (at === index ? { ...item, ...patch } : item)));
  const move = (index: number, offset: number) => {
    const next = [...items];
    const [moved] = next.splice(index, 1);
    if (!moved) return;
    next.splice(index + offset, 0, moved);
    setItems(next);
    requestAnimationFrame(() => document.getElementById(`question-${moved.key}-text`)?.focus());
  };
  async function save() {
    setErrors({});
    setMessage(undefined);
    try {
      await api.put(`${path}/questions`, {
        questions: items.map((item) => ({
          ...(item.id ? { id: item.id } : {}),
          kind: item.kind,
          text: item.text,
          isRequired: item.isRequired,
          options: item.options
            .split('\n')
            .map((option) => option.trim())
            .filter(Boolean),
        })),
      });
      setMessage({ tone: 'success', text: t('rounds.saved') });
      onSaved();
    } catch (caught) {
      const localised = localiseSecretariatError(caught, t);
      setErrors(localised.fields);
      setMessage({ tone: 'danger', text: localised.message });
    }
  }
  const summary = Object.entries(errors).map(([field, text]) => {
    const [, index = '0', name = 'text'] = field.split('.');
    const key = items[Number(index)]?.key ?? '';
    return {
      fieldId: `question-${key}-${name === 'options' || name === 'kind' ? name : 'text'}`,
      message: `${t('rounds.question.text', { number: Number(index) + 1 })}: ${text}`,
    };
  });
  return (
    <section aria-labelledby="questions-heading" className="form-stack">
      <Heading level={2} data-size="md" id="questions-heading">
        {t('rounds.questions')}
      </Heading>
      <FormErrorSummary errors={summary} />
      {message && summary.length === 0 ? <Alert data-color={message.tone}>{message.text}</Alert> : null}
      <ol className="question-list">
        {items.map((item, index) => (
          <li key={item.key}>
            <Fieldset>
              <FieldsetLegend>{t('rounds.question.text', { number: index + 1 })}</FieldsetLegend>
              <Textfield
                id={`question-${item.key}-text`}
                label={t('rounds.question.text', { number: index + 1 })}
                multiline
                rows={2}
                value={item.text}
                onChange={(e) => update(index, { text: e.target.value })}
                error={errors[`questions.${index}.text`]}
              />
              <div className="field">
                <label htmlFor={`question-${item.key}-kind`}>{t('rounds.question.kind')}</label>
                <Select
                  id={`question-${item.key}-kind`}
                  value={item.kind}
                  onChange={(e) => update(index, { kind: e.target.value as Question['kind'] })}
                  aria-invalid={errors[`questions.${index}.kind`] ? true : undefined}
                  aria-describedby={
                    errors[`questions.${index}.kind`] ? `question-${item.key}-kind-error` : undefined
                  }
                >
                  {questionKinds.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`kind.${kind}`)}
                    </option>
                  ))}
                </Select>
                {errors[`questions.${index}.kind`] ? (
                  <p className="field-error" id={`question-${item.key}-kind-error`}>
                    {errors[`questions.${index}.kind`]}
                  </p>
                ) : null}
              </div>
              {item.kind === 'single_choice' || item.kind === 'multiple_choice' ? (
                <Textfield
                  id={`question-${item.key}-options`}
                  label={t('rounds.question.options')}
                  multiline
                  rows={3}
                  value={item.options}
                  onChange={(e) => update(index, { options: e.target.value })}
                  error={errors[`questions.${index}.options`]}
                />
              ) : null}
              <Checkbox
                id={`question-${item.key}-required`}
                label={t('rounds.question.required')}
                checked={item.isRequired}
                onChange={(e) => update(index, { isRequired: e.target.checked })}
              />
              <div className="button-row">
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  {t('rounds.question.up', { number: index + 1 })}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  disabled={index === items.length - 1}
                  onClick={() => move(index, 1)}
                >
                  {t('rounds.question.down', { number: index + 1 })}
                </Button>
                <Button
                  type="button"
                  variant="tertiary"
                  data-size="sm"
                  data-color="danger"
                  onClick={() => setItems(items.filter((_, at) => at !== index))}
                >
                  {t('rounds.question.remove', { number: index + 1 })}
                </Button>
              </div>
            </Fieldset>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setItems([
              ...items,
              { key: crypto.randomUUID(), kind: 'long_text', text: '', isRequired: false, options: '' },
            ])
          }
        >
          {t('rounds.question.add')}
        </Button>
        <Button type="button" onClick={() => void save()}>
          {t('rounds.questions.save')}
        </Button>
      </div>
    </section>
  );
}
