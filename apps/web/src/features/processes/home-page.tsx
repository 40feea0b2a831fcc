import { Link as RouterLink } from 'react-router';
import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ProcessSummary } from '@innspill/contracts';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../../app/session.tsx';
import { ErrorState, LoadingState } from '../../components/page-states.tsx';

function ProcessList() {
  const { t, locale } = useI18n();
  const state = useApi(
    () => api.get<{ processes: ProcessSummary[] }>(`/api/processes?lang=${locale}`),
    `home-${locale}`,
  );
  if (state.isLoading) return <LoadingState />;
  if (state.error) return <ErrorState error={state.error} />;
  const processes = state.data?.processes ?? [];
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('home.title')}
      </Heading>
      {processes.length === 0 ? <Paragraph>{t('home.empty')}</Paragraph> : null}
      <ul className="card-grid plain-list">
        {processes.map((item) => (
          <li key={item.slug}>
            <Card data-color="neutral">
              <Heading level={2} data-size="sm">
                <RouterLink to={`/p/${item.slug}`}>{item.title}</RouterLink>
              </Heading>
              {item.subtitle ? <Paragraph>{item.subtitle}</Paragraph> : null}
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const { session } = useSession();
  if (!session) return <LoadingState />;
  if (session.user) return <ProcessList />;
  return (
    <section className="narrow">
      <Heading level={1} data-size="lg">
        {t('home.signedOut.title')}
      </Heading>
      <Paragraph>{t('home.signedOut.body')}</Paragraph>
      <RouterLink to="/sign-in">{t('app.signIn')}</RouterLink>
    </section>
  );
}
