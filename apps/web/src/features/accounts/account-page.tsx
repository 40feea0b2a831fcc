import { useState, type FormEvent } from 'react';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { api } from '../../lib/api-client.ts';
import { localiseApiError } from '../../lib/api-error-messages.ts';
import { textLimits } from '../../lib/text-limits.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';

export function AccountPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string }>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFieldErrors({});
    setMessage(undefined);
    try {
      await api.post('/api/auth/password', { currentPassword, newPassword });
      setCurrentPassword('');
      setNewPassword('');
      setMessage({ kind: 'success', text: t('account.changed') });
    } catch (caught) {
      const localised = localiseApiError(caught, t, {
        values: { currentPassword, newPassword, password: newPassword },
      });
      if (Object.keys(localised.fields).length) setFieldErrors(localised.fields);
      else setMessage({ kind: 'danger', text: localised.message });
    }
  }

  return (
    <section className="narrow">
      <Heading level={1} data-size="lg">
        {t('account.title')}
      </Heading>
      <Paragraph>
        {session?.user?.name} ({session?.user?.email})
      </Paragraph>
      <Heading level={2} data-size="md">
        {t('account.changePassword')}
      </Heading>
      <form onSubmit={(event) => void submit(event)} className="form-stack" noValidate>
        {message ? (
          <Alert data-color={message.kind} role="status">
            {message.text}
          </Alert>
        ) : null}
        <Textfield
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          maxLength={textLimits.password}
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={fieldErrors.currentPassword}
        />
        <Textfield
          label={t('account.newPassword')}
          description={t('setup.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
          maxLength={textLimits.password}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={fieldErrors.password ?? fieldErrors.newPassword}
        />
        <Button type="submit">{t('account.submit')}</Button>
      </form>
    </section>
  );
}
