import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Button, Heading, Textfield } from '@digdir/designsystemet-react';
import type { SessionResponse } from '@innspill/contracts';
import { api, ApiError } from '../../lib/api-client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';

export function SignInPage() {
  const { t } = useI18n();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const returnTo = (location.state as { returnTo?: string } | null)?.returnTo ?? '/';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(undefined);
    try {
      setSession(await api.post<SessionResponse>('/api/auth/sign-in', { email, password }));
      await navigate(returnTo);
    } catch (caught) {
      setError(
        caught instanceof ApiError && caught.status === 429 ? t('signIn.rateLimited') : t('signIn.failed'),
      );
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section className="narrow">
      <Heading level={1} data-size="lg">
        {t('signIn.title')}
      </Heading>
      <form onSubmit={(event) => void submit(event)} className="form-stack" noValidate>
        {error ? (
          <Alert data-color="danger" role="alert">
            {error}
          </Alert>
        ) : null}
        <Textfield
          label={t('signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <Textfield
          label={t('signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" disabled={isBusy}>
          {t('signIn.submit')}
        </Button>
      </form>
    </section>
  );
}
