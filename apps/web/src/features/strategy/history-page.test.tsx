import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Revision, RevisionList } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { stubApi, type ApiStub } from '../../test/api-stub.ts';
import { HistoryPage } from './history-page.tsx';

const revision = (
  id: string,
  entityType: Revision['entityType'],
  before: object,
  after: object,
): Revision => ({
  id,
  entityType,
  entityId: `${entityType}-1`,
  version: 2,
  action: 'updated',
  authorName: 'Sara',
  at: '2026-01-05T10:00:00.000Z',
  before: before as Record<string, unknown>,
  after: after as Record<string, unknown>,
});

let api: ApiStub;

beforeEach(() => {
  localStorage.clear();
  api = stubApi();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderGoalsHistory(list: RevisionList) {
  api.route('GET', /\/strategy\/history$/, () => ({ status: 200, body: list }));
  render(
    <I18nProvider>
      <MemoryRouter initialEntries={['/p/demo/strategy/history']}>
        <Routes>
          <Route path="/p/:slug/strategy/history" element={<HistoryPage scope="goals" />} />
        </Routes>
      </MemoryRouter>
    </I18nProvider>,
  );
}

describe('HistoryPage (goals and process text)', () => {
  it('offers restore of the process text only to those who may edit the process', async () => {
    renderGoalsHistory({
      language: 'nb',
      canRestore: true,
      canRestoreProcess: false,
      revisions: [
        revision('r-process', 'process', { title: 'Gammel tittel' }, { title: 'Ny tittel' }),
        revision('r-lead', 'strategy', { goalsLead: 'Gammel ingress' }, { goalsLead: 'Ny ingress' }),
      ],
    });
    await screen.findByRole('heading', { level: 1, name: 'Historikk: overordnede målsetninger' });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    const restoreButtons = screen.getAllByRole('button');
    expect(restoreButtons).toHaveLength(1);
    expect(restoreButtons[0]!.getAttribute('aria-label')).toContain('Ny ingress');
  });

  it('names a structure change as such, not as a change of the lead text', async () => {
    renderGoalsHistory({
      language: 'nb',
      canRestore: true,
      canRestoreProcess: true,
      revisions: [
        revision(
          'r-structure',
          'strategy',
          { structure: { pillars: ['A'] } },
          { structure: { pillars: ['B'] } },
        ),
        revision('r-lead', 'strategy', { goalsLead: 'Gammel ingress' }, { goalsLead: 'Ny ingress' }),
      ],
    });
    const titles = await screen.findAllByRole('heading', { level: 2 });
    expect(titles.map((title) => title.textContent)).toEqual([
      'Struktur Endret · Versjon 2',
      'Ingress Endret · Versjon 2',
    ]);
  });

  it('marks the original texts with the process language on an English page (WCAG 3.1.2)', async () => {
    localStorage.setItem('innspill.locale', 'en');
    renderGoalsHistory({
      language: 'nb',
      canRestore: false,
      canRestoreProcess: false,
      revisions: [
        revision(
          'r-lead',
          'strategy',
          { goalsLead: 'Gammel', translations: {} },
          { goalsLead: 'Ny', translations: { en: { goalsLead: 'New' } } },
        ),
      ],
    });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByText('Ny').closest('[lang]')?.getAttribute('lang')).toBe('nb');
    expect(screen.getByText('New').closest('[lang]')?.getAttribute('lang')).toBe('en');
  });
});
