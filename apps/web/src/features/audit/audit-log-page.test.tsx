import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { apiErrorBody, stubApi, type ApiStub } from '../../test/api-stub.ts';
import { AuditLogPage } from './audit-log-page.tsx';

let api: ApiStub;
beforeEach(() => {
  localStorage.clear();
  api = stubApi();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderPage() {
  render(
    <I18nProvider>
      <MemoryRouter initialEntries={['/p/demo/audit']}>
        <Routes>
          <Route path="/p/:slug/audit" element={<AuditLogPage />} />
        </Routes>
      </MemoryRouter>
    </I18nProvider>,
  );
}

describe('AuditLogPage', () => {
  it('gives a member without access one "no access" page, without the filter form', async () => {
    api.route('GET', /\/api\/processes\/demo\/audit/, () => ({
      status: 403,
      body: apiErrorBody('forbidden', 'Your role does not allow you to read the audit log.'),
    }));
    renderPage();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Du har ikke tilgang til denne siden' }),
    ).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByText('Endringslogg')).toBeNull();
    expect(document.body.textContent).not.toContain('Your role does not allow');
  });

  it('shows the filter form and the events to the secretariat', async () => {
    api.route('GET', /\/api\/processes\/demo\/audit/, () => ({ status: 200, body: { events: [] } }));
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Endringslogg' })).toBeTruthy();
    expect(screen.getByRole('form')).toBeTruthy();
  });
});
