import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Statement, StrategyOverview } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { apiErrorBody, stubApi, type ApiStub } from '../../test/api-stub.ts';
import { StrategyOverviewPage } from './strategy-overview-page.tsx';

const goal: Statement = {
  id: 'g-1',
  section: 'overarching_goal',
  position: 0,
  text: 'Et mål',
  originalText: null,
  isTruncated: false,
  version: 4,
  evidenceCount: 0,
};

const overview = (changes: Partial<StrategyOverview> = {}): StrategyOverview => ({
  process: { slug: 'demo', title: 'Demostrategi', language: 'nb' },
  goalsLead: 'Ingressen',
  goals: [goal],
  structure: { dimensions: [], pillarsLabel: null, pillars: ['Utdanning'], otherAreas: [] },
  themes: [],
  canEdit: true,
  canApprove: true,
  strategyVersion: 7,
  locale: 'nb',
  ...changes,
});

let api: ApiStub;

beforeEach(() => {
  localStorage.clear();
  api = stubApi();
  api.route('GET', /\/strategy\?lang=nb$/, () => ({ status: 200, body: overview() }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openEditing() {
  render(
    <I18nProvider>
      <MemoryRouter initialEntries={['/p/demo/strategy']}>
        <Routes>
          <Route path="/p/:slug/strategy" element={<StrategyOverviewPage />} />
        </Routes>
      </MemoryRouter>
    </I18nProvider>,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Rediger målsetningene og temaene' }));
}

describe('StrategyOverviewPage', () => {
  it('saves the lead from the strategy version it opened and keeps focus on the save button', async () => {
    api.route('PUT', /\/goals-lead/, () => ({
      status: 200,
      body: overview({ goalsLead: 'Ny ingress', strategyVersion: 8 }),
    }));
    await openEditing();
    fireEvent.change(screen.getByRole('textbox', { name: 'Ingress' }), { target: { value: 'Ny ingress' } });
    const save = screen.getByRole('button', { name: 'Lagre ingressen' });
    save.focus();
    fireEvent.click(save);
    await screen.findByText('Lagret.');
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toEqual({
      lead: 'Ny ingress',
      locale: 'nb',
      baseVersion: 7,
    });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Lagre ingressen' }));
  });

  it('sends the versions it opened with goal and structure edits, and explains a conflict', async () => {
    api.route('PATCH', /\/goals\/g-1/, () => ({
      status: 409,
      body: apiErrorBody('conflict', 'Changed by someone else.'),
    }));
    api.route('PUT', /\/structure/, () => ({ status: 200, body: overview() }));
    await openEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Rediger punkt: Et mål' }));
    fireEvent.change(screen.getByLabelText('Tekst'), { target: { value: 'Et bedre mål' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Noen andre har endret dette samtidig. Last siden på nytt og prøv igjen.',
    );
    expect(api.calls.find((call) => call.method === 'PATCH')?.body).toMatchObject({ baseVersion: 4 });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre strukturen' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(api.calls.find((call) => call.method === 'PUT')?.body).toMatchObject({ baseVersion: 7 });
  });

  it('says why an empty theme title is not added, at the field', async () => {
    await openEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Legg til tema' }));
    expect(await screen.findByText('Skriv en tittel på temaet før du legger det til.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Nytt strategisk tema (tittel)'));
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });
});
