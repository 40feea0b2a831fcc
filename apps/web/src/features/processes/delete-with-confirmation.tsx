import { useId, useRef, useState, type ReactNode } from 'react';
import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * A delete button that asks first (next to a form's save button, when given) ("Slette «X»?"). Escape or "Avbryt"
 * puts focus back on "Slett"; a refused delete does too, with the form's error beside it. On
 * success the caller moves focus on (the row is gone).
 */
export function DeleteWithConfirmation({
  name,
  deleteLabel,
  saveButton,
  onDelete,
}: {
  /** What is deleted, as the question names it. */
  name: string;
  /** The delete button's accessible name (default "Slett {name}"). */
  deleteLabel?: string;
  saveButton?: ReactNode;
  onDelete: () => Promise<boolean>;
}) {
  const { t } = useI18n();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const questionId = useId();

  const backToDelete = () => {
    setIsConfirming(false);
    requestAnimationFrame(() => deleteButton.current?.focus());
  };
  const confirm = async () => {
    setIsBusy(true);
    const ok = await onDelete();
    if (!ok) {
      setIsBusy(false);
      backToDelete();
    }
  };

  return (
    <>
      <div className="statement__buttons">
        {saveButton ?? null}
        <Button
          ref={deleteButton}
          type="button"
          data-size="sm"
          variant="tertiary"
          data-color="danger"
          aria-label={deleteLabel ?? t('processEdit.deleteNamed', { name })}
          aria-expanded={isConfirming}
          onClick={() => {
            setIsConfirming(true);
            requestAnimationFrame(() => question.current?.focus());
          }}
        >
          {t('statement.delete')}
        </Button>
      </div>
      {isConfirming ? (
        <div
          className="confirm-panel"
          role="group"
          aria-labelledby={questionId}
          onKeyDown={(event) => {
            if (event.key === 'Escape') backToDelete();
          }}
        >
          <Paragraph id={questionId} ref={question} tabIndex={-1}>
            {t('processEdit.confirmDelete', { name })}
          </Paragraph>
          <div className="statement__buttons">
            <Button
              type="button"
              data-size="sm"
              data-color="danger"
              disabled={isBusy}
              onClick={() => void confirm()}
            >
              {t('processEdit.confirmDeleteYes')}
            </Button>
            <Button type="button" data-size="sm" variant="secondary" onClick={backToDelete}>
              {t('processEdit.cancelDelete')}
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}
