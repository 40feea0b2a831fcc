import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { ProcessOverview } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { ProcessOverviewPage } from './process-overview-page.tsx';

// jsdom has no Web Animations API, which Designsystemet's components touch.
const documentWithAnimations = document as unknown as { getAnimations?: () => unknown[] };
documentWithAnimations.getAnimations ??= () => [];

const overview: ProcessOverview = {
  id: 'p1',
  slug: 'demo',
  title: 'Demo',
  subtitle: null,
  language: 'nb',
  status: 'active',
  commissionedBy: null,
  commissionedByFullName: null,
  assignedTo: null,
  mandate: [],
  principles: [],
  myRole: 'secretariat',
  canEdit: false,
  milestones: [],
  bodies: [],
  rounds: [
    {
      id: 'r1',
      number: 1,
      title: 'Runde 1',
      deadline: '2026-11-28T23:01:00Z',
      status: 'open',
      effectiveStatus: 'closed',
      visibility: 'public',
    },
    {
      id: 'r2',
      number: 2,
      title: 'Runde 2',
      deadline: '2027-03-01T11:00:00Z',
      status: 'open',
      effectiveStatus: 'scheduled',
      visibility: 'public',
    },
  ],
};

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) =>
      String(input).includes('/timeline')
        ? new Response(null, { status: 404 })
        : new Response(JSON.stringify(overview), { headers: { 'content-type': 'application/json' } }),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ProcessOverviewPage', () => {
  it('shows each round’s status now: past its deadline is closed even if stored as open', async () => {
    render(
      <I18nProvider>
        <MemoryRouter initialEntries={['/p/demo']}>
          <Routes>
            <Route path="/p/:slug" element={<ProcessOverviewPage />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>,
    );
    const passed = (await screen.findByRole('cell', { name: 'Runde 1' })).closest('tr')!;
    expect(within(passed).getByText('Avsluttet')).toBeTruthy();
    expect(within(passed).queryByText('Åpen')).toBeNull();
    const later = screen.getByRole('cell', { name: 'Runde 2' }).closest('tr')!;
    expect(within(later).getByText('Planlagt')).toBeTruthy();
  });
});
