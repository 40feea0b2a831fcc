import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ProcessOverview, Timeline } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { apiErrorBody, stubApi, type ApiStub } from '../../test/api-stub.ts';
import { ProcessDetailsEditor } from './process-details-editor.tsx';

const overview = {
  slug: 'demo',
  title: 'Demostrategi',
  subtitle: null,
  language: 'nb',
  commissionedBy: null,
  commissionedByFullName: null,
  mandate: [],
  principles: [],
} as unknown as ProcessOverview;

const timeline = {
  deliverables: [{ id: 'del-1', name: 'Strategidokument', recipient: null, date: '2021-06-01' }],
  bodies: [{ id: 'body-1', name: 'Digitaliseringsstyret', role: null, members: [] }],
} as unknown as Timeline;

let api: ApiStub;
beforeEach(() => {
  localStorage.clear();
  api = stubApi();
  api.route('GET', /^\/api\/processes\/demo\?lang=nb$/, () => ({ status: 200, body: overview }));
  api.route('GET', /^\/api\/processes\/demo\/timeline\?lang=nb$/, () => ({ status: 200, body: timeline }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEditor() {
  render(
    <I18nProvider>
      <ProcessDetailsEditor overview={overview} onSaved={() => undefined} />
    </I18nProvider>,
  );
}

describe('ProcessDetailsEditor errors', () => {
  it('says in bokmål that a body name is taken (code body_name_taken), not the server’s English', async () => {
    api.route('POST', /\/bodies\?lang=nb$/, () => ({
      status: 409,
      body: apiErrorBody('body_name_taken', 'A body with this name exists already.', { name: 'Taken.' }),
    }));
    renderEditor();
    const form = (await screen.findByRole('heading', { name: 'Legg til organ' })).closest('form')!;
    fireEvent.change(within(form).getByLabelText(/Navn på organet/), {
      target: { value: 'Digitaliseringsstyret' },
    });
    fireEvent.submit(form);
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Prosessen har allerede et organ med dette navnet. Velg et annet navn.',
    );
    expect(document.body.textContent).not.toContain('exists already');
  });

  it('limits a deliverable name to the contract’s 300 characters and names the field of a refused one', async () => {
    api.route('POST', /\/deliverables\?lang=nb$/, () => ({
      status: 400,
      body: apiErrorBody(
        'validation_failed',
        'The request is not valid: name: Too big: expected string to have <=300 characters',
        {
          name: 'Too big: expected string to have <=300 characters',
        },
      ),
    }));
    renderEditor();
    const form = (await screen.findByRole('heading', { name: 'Legg til leveranse' })).closest('form')!;
    const name = within(form).getByLabelText(/^Leveranse/);
    expect(name.getAttribute('maxlength')).toBe('300');
    fireEvent.change(name, { target: { value: 'x'.repeat(301) } });
    fireEvent.change(within(form).getByLabelText(/Dato/), { target: { value: '2026-05-01' } });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Noen felt må rettes. Leveranse: Høyst 300 tegn.',
    );
    expect(document.body.textContent).not.toContain('Too big');
  });
});

describe('ProcessDetailsEditor forms', () => {
  it('shows a refused save in the form that was sent, next to its button, and marks the field', async () => {
    api.route('PATCH', /\/deliverables\/del-1\?lang=nb$/, () => ({
      status: 400,
      body: apiErrorBody('validation_failed', 'The request is not valid: date: …', {
        date: 'This date does not exist in the calendar.',
      }),
    }));
    renderEditor();
    const row = await screen.findByRole('form', { name: 'Leveranse: Strategidokument' });
    fireEvent.submit(row);
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).toMatch(/finnes ikke i kalenderen/);
    const date = within(row).getByLabelText(/^Dato/);
    expect(date.getAttribute('aria-invalid')).toBe('true');
    // the message under the field is the field's description
    const described = (date.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(described).toMatch(/finnes ikke i kalenderen/);
    // no other form carries it
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('says "Lagret." visibly in the form that was saved', async () => {
    api.route('PATCH', /\/deliverables\/del-1\?lang=nb$/, () => ({ status: 200, body: timeline }));
    renderEditor();
    const row = await screen.findByRole('form', { name: 'Leveranse: Strategidokument' });
    fireEvent.submit(row);
    expect(await within(row).findByText('Lagret.')).toBeTruthy();
  });

  it('asks before deleting; Escape keeps the body and puts focus back on "Slett"', async () => {
    renderEditor();
    const remove = await screen.findByRole('button', { name: 'Slett Digitaliseringsstyret' });
    fireEvent.click(remove);
    const question = await screen.findByText('Slette «Digitaliseringsstyret»? Det kan ikke angres.');
    await waitFor(() => expect(document.activeElement).toBe(question));
    expect(api.calls.filter((call) => call.method === 'DELETE')).toEqual([]);
    fireEvent.keyDown(question, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(remove));
    expect(screen.queryByText(/Slette «Digitaliseringsstyret»/)).toBeNull();
    expect(api.calls.filter((call) => call.method === 'DELETE')).toEqual([]);
  });

  it('deletes on "Ja, slett", says so, and moves focus to the list’s heading', async () => {
    api.route('DELETE', /\/bodies\/body-1\?lang=nb$/, () => ({
      status: 200,
      body: { ...timeline, bodies: [] },
    }));
    renderEditor();
    fireEvent.click(await screen.findByRole('button', { name: 'Slett Digitaliseringsstyret' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, slett' }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Organer og medlemmer' })),
    );
    expect(api.calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([
      '/api/processes/demo/bodies/body-1?lang=nb',
    ]);
    expect(screen.queryByRole('button', { name: 'Slett Digitaliseringsstyret' })).toBeNull();
    expect(document.body.textContent).toContain('«Digitaliseringsstyret» er slettet.');
  });

  it('keeps a body the log refers to, says why in its form, and puts focus back on "Slett"', async () => {
    api.route('DELETE', /\/bodies\/body-1\?lang=nb$/, () => ({
      status: 409,
      body: apiErrorBody('body_in_involvement_log', 'The involvement log refers to this body.'),
    }));
    renderEditor();
    const remove = await screen.findByRole('button', { name: 'Slett Digitaliseringsstyret' });
    fireEvent.click(remove);
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, slett' }));
    const form = screen.getByRole('form', { name: 'Organ: Digitaliseringsstyret' });
    expect((await within(form).findByRole('alert')).textContent).toContain('nevnt i medvirkningsloggen');
    await waitFor(() => expect(document.activeElement).toBe(remove));
  });
});
