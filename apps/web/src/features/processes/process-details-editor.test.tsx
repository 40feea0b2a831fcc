import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
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
  deliverables: [],
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
    fireEvent.change(within(form).getByLabelText(/Navn på organet/), { target: { value: 'Digitaliseringsstyret' } });
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
      body: apiErrorBody('validation_failed', 'The request is not valid: name: Too big: expected string to have <=300 characters', {
        name: 'Too big: expected string to have <=300 characters',
      }),
    }));
    renderEditor();
    const form = (await screen.findByRole('heading', { name: 'Legg til leveranse' })).closest('form')!;
    const name = within(form).getByLabelText(/^Leveranse/);
    expect(name.getAttribute('maxlength')).toBe('300');
    fireEvent.change(name, { target: { value: 'x'.repeat(301) } });
    fireEvent.change(within(form).getByLabelText(/Dato/), { target: { value: '2026-05-01' } });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toBe('Noen felt må rettes. Leveranse: Høyst 300 tegn.');
    expect(document.body.textContent).not.toContain('Too big');
  });
});
