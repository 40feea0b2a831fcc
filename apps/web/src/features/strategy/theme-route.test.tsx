import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation, useNavigationType } from 'react-router';
import type { StrategyOverview } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { stubApi, type ApiStub } from '../../test/api-stub.ts';
import { ThemeRoute, isThemeNumber } from './theme-route.tsx';

const themeId = '5b0f4a57-8a4e-4c43-9b0e-3f3f1b7c2a01';

const theme = (id: string, number: number): StrategyOverview['themes'][number] => ({
  id,
  number,
  title: `Tema ${number}`,
  summary: '',
  mainGoal: '',
  status: 'draft',
  counts: { challenges: 0, opportunities: 0, prerequisites: 0, keywords: 0 },
});

const overview: StrategyOverview = {
  process: { slug: 'demo', title: 'Demostrategi', language: 'nb' },
  goalsLead: '',
  goals: [],
  structure: { dimensions: [], pillarsLabel: null, pillars: [], otherAreas: [] },
  themes: [theme('00000000-0000-4000-8000-000000000001', 1), theme(themeId, 3)],
  canEdit: false,
  canApprove: false,
  strategyVersion: 0,
  locale: 'nb',
};

/** Stands in for the canvas and history pages: says where it is and how it got there. */
function Where({ page }: { page: string }) {
  const location = useLocation();
  return (
    <p>
      {page} at {location.pathname} by {useNavigationType()}
    </p>
  );
}

function renderAt(path: string) {
  render(
    <I18nProvider>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route
            path="/p/:slug/strategy/themes/:themeId"
            element={<ThemeRoute page={<Where page="canvas" />} />}
          />
          <Route
            path="/p/:slug/strategy/themes/:themeId/history"
            element={<ThemeRoute page={<Where page="history" />} suffix="/history" />}
          />
        </Routes>
      </MemoryRouter>
    </I18nProvider>,
  );
}

let api: ApiStub;

beforeEach(() => {
  localStorage.clear();
  api = stubApi();
  api.route('GET', /\/api\/processes\/demo\/strategy$/, () => ({ status: 200, body: overview }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe(ThemeRoute.name, () => {
  it('shows the page of a theme addressed by id without asking the server anything', async () => {
    renderAt(`/p/demo/strategy/themes/${themeId}`);
    expect(await screen.findByText(`canvas at /p/demo/strategy/themes/${themeId} by POP`)).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it('replaces an old link by number with the link by id of the theme with that number', async () => {
    renderAt('/p/demo/strategy/themes/3');
    expect(await screen.findByText(`canvas at /p/demo/strategy/themes/${themeId} by REPLACE`)).toBeTruthy();
  });

  it('sends an old history link by number to the history of the theme by id', async () => {
    renderAt('/p/demo/strategy/themes/3/history');
    expect(
      await screen.findByText(`history at /p/demo/strategy/themes/${themeId}/history by REPLACE`),
    ).toBeTruthy();
  });

  it('says "not found" for a number no strategic theme has', async () => {
    renderAt('/p/demo/strategy/themes/9');
    expect(await screen.findByRole('heading', { name: 'Fant ikke siden' })).toBeTruthy();
  });

  it('tells numbers from ids', () => {
    expect(isThemeNumber('3')).toBe(true);
    expect(isThemeNumber('12')).toBe(true);
    expect(isThemeNumber('0')).toBe(false);
    expect(isThemeNumber(themeId)).toBe(false);
  });
});
