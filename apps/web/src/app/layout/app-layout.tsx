import { useRef, type ReactNode } from 'react';
import { Link as RouterLink, useMatch, useNavigate } from 'react-router';
import {
  Button,
  Details,
  DetailsContent,
  DetailsSummary,
  Link,
  SkipLink,
} from '@digdir/designsystemet-react';
import type { ProcessListResponseSchema } from '@innspill/contracts';
import type { z } from 'zod';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { api } from '../../lib/api-client.ts';
import { useApi } from '../../lib/use-api.ts';
import { processAreas } from '../navigation.ts';
import { useDocumentTitle } from './document-title.ts';

type ProcessList = z.infer<typeof ProcessListResponseSchema>;

function ProcessSwitcher({
  currentSlug,
  processes,
}: {
  currentSlug: string | undefined;
  processes: ProcessList['processes'];
}) {
  const { t } = useI18n();
  if (processes.length === 0) return null;
  const current = processes.find((item) => item.slug === currentSlug);
  return (
    <Details className="process-switcher" data-color="neutral">
      <DetailsSummary>
        <span className="visually-hidden">{t('switcher.label')}: </span>
        {current?.title ?? t('switcher.choose')}
      </DetailsSummary>
      <DetailsContent>
        <ul className="plain-list">
          {processes.map((item) => (
            <li key={item.slug}>
              <Link asChild>
                <RouterLink
                  to={`/p/${item.slug}`}
                  aria-current={item.slug === currentSlug ? 'page' : undefined}
                >
                  {item.title}
                </RouterLink>
              </Link>
            </li>
          ))}
        </ul>
      </DetailsContent>
    </Details>
  );
}

function ProcessNavigation({ slug }: { slug: string }) {
  const { t } = useI18n();
  const match = useMatch('/p/:slug/:area/*');
  const currentArea = match?.params.area ?? '';
  const { session } = useSession();
  const role = session?.memberships.find((membership) => membership.slug === slug)?.role;
  const visibleAreas = processAreas.filter(
    (area) =>
      !area.roles || session?.user?.isInstanceAdmin || (role !== undefined && area.roles.includes(role)),
  );
  return (
    <nav aria-label={t('nav.label')} className="process-nav">
      <ul>
        {visibleAreas.map((area) => (
          <li key={area.path}>
            <RouterLink
              to={area.path ? `/p/${slug}/${area.path}` : `/p/${slug}`}
              aria-current={currentArea === area.path ? 'page' : undefined}
            >
              {t(area.labelKey)}
            </RouterLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Header (app name, process switcher, language, account), process navigation and the main landmark. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t, locale, setLocale } = useI18n();
  const { session, signOut } = useSession();
  const navigate = useNavigate();
  const processMatch = useMatch('/p/:slug/*');
  const slug = processMatch?.params.slug;
  const user = session?.user;
  const processList = useApi(
    () => (user ? api.get<ProcessList>(`/api/processes?lang=${locale}`) : Promise.resolve({ processes: [] })),
    `processes-${locale}-${user?.id ?? 'signed-out'}`,
  );
  const processes = processList.data?.processes ?? [];
  const mainRef = useRef<HTMLElement>(null);
  useDocumentTitle(mainRef, processes.find((item) => item.slug === slug)?.title, t('app.name'));
  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="app-header__brand">
          <RouterLink to="/" className="app-header__name">
            {t('app.name')}
          </RouterLink>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </div>
        {user ? <ProcessSwitcher currentSlug={slug} processes={processes} /> : null}
        <div className="app-header__actions">
          <Button
            variant="tertiary"
            data-size="sm"
            lang={locale === 'nb' ? 'en' : 'nb'}
            aria-label={t('app.language.switchLabel')}
            onClick={() => setLocale(locale === 'nb' ? 'en' : 'nb')}
          >
            {t('app.language.switchTo')}
          </Button>
          {user ? (
            <>
              <Link asChild>
                <RouterLink to="/account">{user.name}</RouterLink>
              </Link>
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => {
                  void signOut().then(() => navigate('/'));
                }}
              >
                {t('app.signOut')}
              </Button>
            </>
          ) : session ? (
            <Button asChild variant="primary" data-size="sm">
              <RouterLink to="/sign-in">{t('app.signIn')}</RouterLink>
            </Button>
          ) : null}
        </div>
      </header>
      {user && slug ? <ProcessNavigation slug={slug} /> : null}
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        {children}
      </main>
    </>
  );
}
