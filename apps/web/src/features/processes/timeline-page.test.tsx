import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { planDateIssues, type Timeline } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { apiErrorBody, stubApi } from '../../test/api-stub.ts';
import { maxAxisItemMonths, timelineAxis } from './timeline-axis.ts';
import { TimelinePage } from './timeline-page.tsx';

type TimelineItem = Timeline['items'][number];

const item = (overrides: Partial<TimelineItem> & Pick<TimelineItem, 'id' | 'date'>): TimelineItem => ({
  kind: 'milestone',
  subKind: 'meeting',
  title: `Punkt ${overrides.id}`,
  detail: null,
  isDone: false,
  ...overrides,
});

const timeline = (items: TimelineItem[]): Timeline => ({
  today: '2026-11-29',
  process: { slug: 'demo', title: 'Demo', status: 'active' },
  items,
  nextMilestone: null,
  openRounds: [],
  counts: { rounds: 0, bodies: 0, strategicThemes: 0, statements: 0, milestones: 0, milestonesDone: 0 },
  involvement: [],
  deliverables: [],
  bodies: [],
  canEdit: false,
});

let served: Timeline;

// jsdom has no Web Animations API, which Designsystemet's components touch.
const documentWithAnimations = document as unknown as { getAnimations?: () => unknown[] };
documentWithAnimations.getAnimations ??= () => [];

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: string, init?: RequestInit) =>
      (init?.method ?? 'GET') === 'GET'
        ? new Response(JSON.stringify(served), { headers: { 'content-type': 'application/json' } })
        : new Response(
            JSON.stringify({
              error: {
                code: 'validation_failed',
                message: `The request is not valid: date: ${planDateIssues.notInCalendar}`,
                fields: { date: planDateIssues.notInCalendar },
              },
            }),
            { status: 400, headers: { 'content-type': 'application/json' } },
          ),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderTimeline() {
  return render(
    <I18nProvider>
      <MemoryRouter initialEntries={['/p/demo/timeline']}>
        <Routes>
          <Route path="/p/:slug/timeline" element={<TimelinePage />} />
        </Routes>
      </MemoryRouter>
    </I18nProvider>,
  );
}

describe('TimelinePage', () => {
  it('keeps the axis to a bounded number of months with a deadline in 9999 and a draft from 2001', async () => {
    served = timeline([
      item({
        id: 'draft:deadline',
        kind: 'round_deadline',
        subKind: 'draft',
        date: '2001-05-01',
        title: 'Gammelt utkast',
      }),
      item({ id: 'm1', date: '2026-10-15' }),
      item({ id: 'm2', date: '2026-12-01' }),
      item({ id: 'm3', date: '2027-03-01' }),
      item({
        id: 'far:deadline',
        kind: 'round_deadline',
        subKind: 'open',
        date: '9999-12-31',
        title: 'Langt fram',
      }),
    ]);
    renderTimeline();
    const regions = await screen.findAllByRole('region', { name: 'Tidslinje etter måned' });
    const axis = regions.find((region) => region.classList.contains('timeline-axis'))!;
    const columns = axis.querySelectorAll('.timeline-month');
    expect(columns.length).toBeLessThanOrEqual(maxAxisItemMonths + 12);
    // October 2026 to March 2027: the plan, with today (November) on it.
    expect(columns).toHaveLength(6);
    expect(within(axis).getByText('I dag')).toBeTruthy();
    expect(
      screen.getByText(
        /Aksen viser okt\.? 2026–mars 2027\. Utenfor aksen, bare i tabellen nedenfor: 1 før og 1 etter\./,
      ),
    ).toBeTruthy();
    // Both outliers are still in the table; the draft round is not "upcoming".
    const table = screen.getByRole('table');
    const draftRow = within(table).getByText('Gammelt utkast').closest('tr')!;
    expect(within(draftRow).getByText('Utkast – ikke publisert')).toBeTruthy();
    expect(within(draftRow).queryByText('Kommer')).toBeNull();
    expect(within(table).getByText('Langt fram')).toBeTruthy();
  });
});

describe('TimelinePage, a finished process', () => {
  it('says once that today lies outside the axis, instead of repeating the date', async () => {
    served = timeline([item({ id: 'm1', date: '2020-05-11' }), item({ id: 'm2', date: '2021-03-01' })]);
    renderTimeline();
    expect(await screen.findByText('I dag (29. november 2026) ligger utenfor aksen.')).toBeTruthy();
    expect(screen.getAllByText(/I dag/)).toHaveLength(2);
  });
});

describe('the plan editor on the timeline', () => {
  it('says in bokmål that a milestone date does not exist, not the server’s English', async () => {
    served = { ...timeline([item({ id: 'm1', date: '2026-12-01' })]), canEdit: true };
    renderTimeline();
    const form = (await screen.findByRole('heading', { name: 'Ny milepæl' })).closest('form')!;
    fireEvent.change(within(form).getByLabelText(/Dato/), { target: { value: '2099-02-28' } });
    fireEvent.change(within(form).getByLabelText(/Hva/), { target: { value: 'Lansering' } });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Datoen finnes ikke i kalenderen (for eksempel 30. februar).',
    );
  });
});

describe('the timeline table’s row actions', () => {
  const logged = item({
    id: 'e1',
    date: '2020-10-20',
    kind: 'involvement',
    subKind: 'status_report',
    title: 'Statusrapport til styret',
  });
  const milestone = item({ id: 'm1', date: '2026-12-01', title: 'Lansering' });
  const editable = (items: TimelineItem[]): Timeline => ({ ...timeline(items), canEdit: true });
  const deleteButton = () =>
    screen.findByRole('button', { name: 'Slett involvering 20. oktober 2020: Statusrapport til styret' });

  it('asks before deleting a log entry; a refusal is shown, the row stays and focus returns to "Slett"', async () => {
    const api = stubApi();
    api.route('GET', /\/timeline\?lang=nb$/, () => ({ status: 200, body: editable([logged, milestone]) }));
    api.route('DELETE', /\/involvement-events\/e1\?lang=nb$/, () => ({
      status: 403,
      body: apiErrorBody('forbidden', 'Not allowed.'),
    }));
    renderTimeline();
    const remove = await deleteButton();
    fireEvent.click(remove);
    await screen.findByText('Slette «Statusrapport til styret (20. oktober 2020)»? Det kan ikke angres.');
    expect(api.calls.filter((call) => call.method === 'DELETE')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Ja, slett' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Du har ikke tilgang til å gjøre dette.');
    expect(screen.getByRole('table').textContent).toContain('Statusrapport til styret');
    await waitFor(() => expect(document.activeElement).toBe(remove));
  });

  it('deletes a log entry on "Ja, slett" and moves focus to the table’s heading', async () => {
    const api = stubApi();
    api.route('GET', /\/timeline\?lang=nb$/, () => ({ status: 200, body: editable([logged, milestone]) }));
    api.route('DELETE', /\/involvement-events\/e1\?lang=nb$/, () => ({
      status: 200,
      body: editable([milestone]),
    }));
    renderTimeline();
    fireEvent.click(await deleteButton());
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, slett' }));
    await waitFor(() =>
      expect(screen.getByRole('table').textContent).not.toContain('Statusrapport til styret'),
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('heading', { level: 2, name: 'Alle datoer i tabell' }),
      ),
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when marking a milestone done fails, instead of doing nothing', async () => {
    const api = stubApi();
    api.route('GET', /\/timeline\?lang=nb$/, () => ({ status: 200, body: editable([milestone]) }));
    api.route('PATCH', /\/milestones\/m1\?lang=nb$/, () => ({
      status: 500,
      body: apiErrorBody('internal_error', 'Boom.'),
    }));
    renderTimeline();
    fireEvent.click(await screen.findByRole('button', { name: /Lansering/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Noe gikk galt hos oss. Prøv igjen senere.');
  });
});

describe(timelineAxis.name, () => {
  it('bounds the axis whatever the dates, and picks the stretch with most items', () => {
    const spread = Array.from({ length: 200 }, (_, index) => `${2000 + (index % 100)}-06-01`);
    const axis = timelineAxis([...spread, '9999-12-31', '0001-01-01'], '2026-11-29');
    // Two items a year from 2000 to 2099: any three years hold six; the stretch nearest today wins.
    expect(axis.months.length).toBeLessThanOrEqual(maxAxisItemMonths + 12);
    expect([axis.months[0], axis.months.at(-1)]).toEqual(['2025-06', '2027-06']);
    expect(axis).toMatchObject({ itemsBefore: 51, itemsAfter: 145 });

    const plan = timelineAxis(['2020-03-01', '2020-09-01', '2021-02-01', '2035-01-01'], '2026-11-29');
    expect(plan.months[0]).toBe('2020-03');
    expect(plan.months.at(-1)).toBe('2021-02');
    expect(plan).toMatchObject({ itemsBefore: 0, itemsAfter: 1 });
  });

  it('puts today on the axis when it is within a year of the items', () => {
    expect(timelineAxis(['2027-06-01'], '2026-11-29').months[0]).toBe('2026-11');
    expect(timelineAxis([], '2026-11-29').months).toEqual(['2026-11']);
  });
});
