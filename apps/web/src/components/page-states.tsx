import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import type { ApiError } from '../lib/api-client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { apiErrorMessage } from '../lib/api-error-messages.ts';

export function LoadingState() {
  const { t } = useI18n();
  return <Spinner aria-label={t('app.loading')} data-size="md" />;
}

/**
 * Error view for a failed load: 403 as "no access", 404/401 as "not found", the rest as a retryable error. `message`
 * is the error in the reader's language (a feature maps the error code); without it the app-wide
 * message for the code is shown, never the server's English.
 */
export function ErrorState({ error, message }: { error: ApiError; message?: string }) {
  const { t } = useI18n();
  if (error.status === 403) {
    // a member whose role does not reach this page (non-members get 404 from the server)
    return (
      <>
        <Heading level={1} data-size="lg">
          {t('app.noAccess.title')}
        </Heading>
        <Paragraph>{t('app.noAccess.body')}</Paragraph>
        <RouterLink to="/">{t('app.backHome')}</RouterLink>
      </>
    );
  }
  if (error.status === 404 || error.status === 401) {
    return (
      <>
        <Heading level={1} data-size="lg">
          {t('app.notFound.title')}
        </Heading>
        <Paragraph>{t('app.notFound.body')}</Paragraph>
        <RouterLink to="/">{t('app.backHome')}</RouterLink>
      </>
    );
  }
  return <Alert data-color="danger">{message ?? apiErrorMessage(error, t)}</Alert>;
}
