import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { SessionResponse } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { localiseApiError } from '../../lib/api-error-messages.ts';
import { textLimits } from '../../lib/text-limits.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { LoadingState } from '../../components/page-states.tsx';
import { FormErrorSummary } from '../../components/form-error-summary.tsx';
import type { SetupLinkPurpose } from '@innspill/vocabulary';

interface SetupLinkStatus {
  isValid: boolean;
  purpose: SetupLinkPurpose | null;
  email: string | null;
}

/** The page behind a one-time link: create the first administrator or set an invited user's password. */
export function SetupPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const status = useApi(
    () => api.get<SetupLinkStatus>(`/api/auth/setup-links/${encodeURIComponent(token)}`),
    token,
  );
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  if (status.isLoading) return <LoadingState />;
  if (!status.data?.isValid) {
    return (
      <section className="narrow">
        <Heading level={1} data-size="lg">
          {t('setup.title.invite')}
        </Heading>
        <Alert data-color="warning">{t('setup.invalid')}</Alert>
      </section>
    );
  }
  const isFirstAdmin = status.data.purpose === 'first_admin';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFieldErrors({});
    setFormError(undefined);
    try {
      const body = isFirstAdmin ? { token, name, email, password } : { token, password };
      setSession(await api.post<SessionResponse>('/api/auth/setup', body));
      await navigate('/');
    } catch (caught) {
      const localised = localiseApiError(caught, t, {
        values: isFirstAdmin ? { name, email, password } : { password },
      });
      setFieldErrors(localised.fields);
      if (Object.keys(localised.fields).length === 0) setFormError(localised.message);
    }
  }

  const summary = Object.entries(fieldErrors).map(([field, message]) => ({
    fieldId: `setup-${field}`,
    message: `${t(`setup.${field}`)}: ${message}`,
  }));
  return (
    <section className="narrow">
      <Heading level={1} data-size="lg">
        {t(isFirstAdmin ? 'setup.title.firstAdmin' : 'setup.title.invite')}
      </Heading>
      <Paragraph>
        {isFirstAdmin
          ? t('setup.intro.firstAdmin')
          : t('setup.intro.invite', { email: status.data.email ?? '' })}
      </Paragraph>
      <form onSubmit={(event) => void submit(event)} className="form-stack" noValidate>
        <FormErrorSummary errors={summary} />
        {formError ? <Alert data-color="danger">{formError}</Alert> : null}
        {isFirstAdmin ? (
          <>
            <Textfield
              id="setup-name"
              label={t('setup.name')}
              autoComplete="name"
              required
              maxLength={textLimits.userName}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={fieldErrors.name}
            />
            <Textfield
              id="setup-email"
              label={t('setup.email')}
              type="email"
              autoComplete="email"
              required
              maxLength={textLimits.email}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fieldErrors.email}
            />
          </>
        ) : null}
        <Textfield
          id="setup-password"
          label={t('setup.password')}
          description={t('setup.passwordHint')}
          type="password"
          autoComplete="new-password"
          required
          maxLength={textLimits.password}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
        />
        <Button type="submit">{t('setup.submit')}</Button>
      </form>
    </section>
  );
}
