import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Round } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { secretariatErrorMessage } from './secretariat-errors.ts';

/**
 * Deleting a round made by mistake (a draft with no responses and no invitations; the server
 * refuses anything else and says why). Asks first; Escape or "Avbryt" puts focus back on the button.
 */
export function DeleteRoundPanel({ round, path, slug }: { round: Round; path: string; slug: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string>();
  const openButton = useRef<HTMLButtonElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);

  const cancel = () => {
    setIsConfirming(false);
    requestAnimationFrame(() => openButton.current?.focus());
  };
  const remove = async () => {
    setIsBusy(true);
    setError(undefined);
    try {
      await api.delete(path);
      await navigate(`/p/${slug}/rounds`, { state: { deletedRoundTitle: round.title } });
    } catch (caught) {
      setError(secretariatErrorMessage(caught, t));
      setIsBusy(false);
    }
  };

  return (
    <section aria-labelledby="delete-round-heading" className="form-stack narrow">
      <Heading level={2} data-size="sm" id="delete-round-heading">
        {t('rounds.delete.heading')}
      </Heading>
      <Paragraph>{t('rounds.delete.rule')}</Paragraph>
      {error ? <Alert data-color="danger">{error}</Alert> : null}
      <div className="button-row">
        <Button
          ref={openButton}
          type="button"
          variant="secondary"
          data-color="danger"
          aria-expanded={isConfirming}
          aria-controls={isConfirming ? 'delete-round-confirm' : undefined}
          onClick={() => {
            setIsConfirming(true);
            requestAnimationFrame(() => confirmHeading.current?.focus());
          }}
        >
          {t('rounds.delete.open')}
        </Button>
      </div>
      {isConfirming ? (
        <div
          id="delete-round-confirm"
          className="confirm-panel"
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
          }}
        >
          <Heading level={3} data-size="xs" tabIndex={-1} ref={confirmHeading}>
            {t('rounds.delete.confirmHeading', { title: round.title })}
          </Heading>
          <Paragraph>{t('rounds.delete.consequence')}</Paragraph>
          <div className="button-row">
            <Button type="button" data-color="danger" disabled={isBusy} onClick={() => void remove()}>
              {t('rounds.delete.confirm')}
            </Button>
            <Button type="button" variant="secondary" onClick={cancel}>
              {t('rounds.delete.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
