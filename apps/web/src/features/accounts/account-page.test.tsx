import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { SessionProvider } from '../../app/session.tsx';
import { apiErrorBody, stubApi, type ApiStub } from '../../test/api-stub.ts';
import { AccountPage } from './account-page.tsx';

let api: ApiStub;
beforeEach(() => {
  localStorage.clear();
  api = stubApi();
  api.route('GET', /^\/api\/auth\/session$/, () => ({
    status: 200,
    body: { user: { id: 'u1', name: 'Kari', email: 'kari@example.no' }, csrfToken: 'csrf', memberships: [] },
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('AccountPage', () => {
  it('says at the field, in bokmål, that the current password is wrong', async () => {
    api.route('POST', /^\/api\/auth\/password$/, () => ({
      status: 400,
      body: apiErrorBody('validation_failed', 'The current password is wrong.', {
        currentPassword: 'Wrong password.',
      }),
    }));
    render(
      <I18nProvider>
        <SessionProvider>
          <AccountPage />
        </SessionProvider>
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText(/Nåværende passord/), { target: { value: 'feil-passord' } });
    fireEvent.change(screen.getByLabelText(/Nytt passord/), { target: { value: 'et-nytt-passord' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bytt passord' }));
    expect(await screen.findByText('Passordet er feil.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('Wrong password');
    expect(screen.getByLabelText(/Nåværende passord/).getAttribute('maxlength')).toBe('1024');
  });

  it('shows a code without fields as the app-wide message, not the server’s text', async () => {
    api.route('POST', /^\/api\/auth\/password$/, () => ({
      status: 429,
      body: apiErrorBody('rate_limited', 'Too many attempts. Wait a minute and try again.'),
    }));
    render(
      <I18nProvider>
        <SessionProvider>
          <AccountPage />
        </SessionProvider>
      </I18nProvider>,
    );
    fireEvent.change(screen.getByLabelText(/Nåværende passord/), { target: { value: 'x' } });
    fireEvent.change(screen.getByLabelText(/Nytt passord/), { target: { value: 'y' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bytt passord' }));
    expect(await screen.findByText('For mange forsøk. Vent et minutt og prøv igjen.')).toBeTruthy();
    expect(document.body.textContent).not.toContain('Too many attempts');
  });
});
