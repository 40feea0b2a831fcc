import { Route, Routes } from 'react-router';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { AppLayout } from './layout/app-layout.tsx';
import { processFeatureRoutes, publicFeatureRoutes } from './feature-routes.tsx';
import { HomePage } from '../features/processes/home-page.tsx';
import { ProcessOverviewPage } from '../features/processes/process-overview-page.tsx';
import { SignInPage } from '../features/accounts/sign-in-page.tsx';
import { SetupPage } from '../features/accounts/setup-page.tsx';
import { AccountPage } from '../features/accounts/account-page.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { RequireSignIn } from './require-sign-in.tsx';

function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <Heading level={1} data-size="lg">
        {t('app.notFound.title')}
      </Heading>
      <Paragraph>{t('app.notFound.body')}</Paragraph>
    </>
  );
}

export function AppRoutes() {
  return (
    <AppLayout>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/setup/:token" element={<SetupPage />} />
        <Route
          path="/account"
          element={
            <RequireSignIn>
              <AccountPage />
            </RequireSignIn>
          }
        />
        <Route
          path="/p/:slug"
          element={
            <RequireSignIn>
              <ProcessOverviewPage />
            </RequireSignIn>
          }
        />
        {processFeatureRoutes.map((route) => (
          <Route
            key={route.path}
            path={`/p/:slug/${route.path}`}
            element={<RequireSignIn>{route.element}</RequireSignIn>}
          />
        ))}
        {publicFeatureRoutes.map((route) => (
          <Route key={route.path} path={route.path} element={route.element} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppLayout>
  );
}
