import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider, useI18n } from '../../i18n/i18n.tsx';
import { SessionProvider } from '../session.tsx';
import { stubApi } from '../../test/api-stub.ts';
import { AppLayout } from './app-layout.tsx';
import { composeDocumentTitle } from './document-title.ts';

function Page({ headingKey, to }: { headingKey: string; to: string }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t(headingKey)}</h1>
      <Link to={to}>next</Link>
    </>
  );
}

beforeEach(() => {
  localStorage.clear();
  document.title = 'Innspill';
  const api = stubApi();
  api.route('GET', /^\/api\/auth\/session$/, () => ({
    status: 200,
    body: {
      user: { id: 'u1', name: 'Kari', email: 'kari@example.no', isInstanceAdmin: false },
      csrfToken: 'csrf',
      memberships: [{ slug: 'demo', role: 'working_group' }],
    },
  }));
  api.route('GET', /^\/api\/processes\?lang=(nb|en)$/, () => ({
    status: 200,
    body: { processes: [{ slug: 'demo', title: 'Demostrategi' }] },
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('document title', () => {
  it('is "<page> – <process> – Innspill", follows navigation and the language switch', async () => {
    render(
      <I18nProvider>
        <SessionProvider>
          <MemoryRouter initialEntries={['/p/demo/strategy']}>
            <AppLayout>
              <Routes>
                <Route
                  path="/p/:slug/strategy"
                  element={<Page headingKey="strategy.title" to="/account" />}
                />
                <Route path="/account" element={<Page headingKey="account.title" to="/p/demo/strategy" />} />
              </Routes>
            </AppLayout>
          </MemoryRouter>
        </SessionProvider>
      </I18nProvider>,
    );
    await waitFor(() => expect(document.title).toBe('Strategi – Demostrategi – Innspill'));
    fireEvent.click(screen.getByRole('link', { name: 'next' }));
    await waitFor(() => expect(document.title).toBe('Min konto – Innspill'));
    fireEvent.click(screen.getByRole('button', { name: 'Switch to English' }));
    await waitFor(() => expect(document.title).toBe('My account – Innspill'));
  });

  it('leaves out a missing part and a part that repeats the one before', () => {
    expect(composeDocumentTitle(['Demostrategi', 'Demostrategi', 'Innspill'])).toBe(
      'Demostrategi – Innspill',
    );
    expect(composeDocumentTitle([undefined, ' Runde  3 ', 'Innspill'])).toBe('Runde 3 – Innspill');
  });
});
