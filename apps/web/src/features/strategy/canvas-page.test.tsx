import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { CanvasResponse, Statement } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { apiErrorBody, stubApi, type ApiStub } from '../../test/api-stub.ts';
import { CanvasPage } from './canvas-page.tsx';

const statement = (id: string, position: number, text: string): Statement => ({
  id,
  section: 'challenge',
  position,
  text,
  originalText: null,
  isTruncated: false,
  version: 1,
  evidenceCount: 0,
});

const canvas = (statements: Statement[]): CanvasResponse => ({
  process: { slug: 'demo', title: 'Demostrategi', language: 'nb' },
  theme: { id: 'theme-3', number: 3, title: 'Læring', stage: 'draft' },
  canvas: { id: 'canvas-3', title: 'Læring', summary: '', mainGoal: 'Mål', status: 'draft', version: 1 },
  statements,
  comments: [],
  permissions: { canEdit: true, canComment: true, canApprove: false, canChangeStatus: false },
  previousThemeId: null,
  previousThemeNumber: null,
  nextThemeId: null,
  nextThemeNumber: null,
  locale: 'nb',
});

const first = statement('s-1', 0, 'Første');
const second = statement('s-2', 1, 'Andre');
const third = statement('s-3', 2, 'Tredje');
let api: ApiStub;

beforeEach(() => {
  localStorage.clear();
  api = stubApi();
  api.route('GET', /\/themes\/theme-3\?lang=nb$/, () => ({
    status: 200,
    body: canvas([first, second, third]),
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function openEditing() {
  render(
    <I18nProvider>
      <MemoryRouter initialEntries={['/p/demo/strategy/themes/theme-3']}>
        <Routes>
          <Route path="/p/:slug/strategy/themes/:themeId" element={<CanvasPage />} />
        </Routes>
      </MemoryRouter>
    </I18nProvider>,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Rediger' }));
}

/** Lets the focus move queued with requestAnimationFrame happen. */
const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

describe('CanvasPage errors', () => {
  it('shows a coded validation error in bokmål with the field and its limit, never the server’s English', async () => {
    const english = 'The request is not valid: text: Too big: expected string to have <=4000 characters';
    api.route('POST', /\/themes\/theme-3\/statements\?lang=nb$/, () => ({
      status: 400,
      body: apiErrorBody('validation_failed', english, {
        text: 'Too big: expected string to have <=4000 characters',
      }),
    }));
    await openEditing();
    const field = screen.getByLabelText('Nytt punkt i Utfordringer');
    expect(field.getAttribute('maxlength')).toBe('4000');
    fireEvent.change(field, { target: { value: 'x'.repeat(4001) } });
    expect(screen.getAllByText('Teksten har 4001 tegn. Høyst 4000 tegn er tillatt.').length).toBeGreaterThan(
      0,
    );
    // over the limit nothing is sent; within it, the server's refusal is translated
    fireEvent.click(screen.getAllByRole('button', { name: 'Legg til' })[0]!);
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
    fireEvent.change(field, { target: { value: 'Et punkt' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Legg til' })[0]!);
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Noen felt må rettes. Tekst: Ugyldig verdi.',
    );
    expect(document.body.textContent).not.toContain('Too big');
    expect(document.body.textContent).not.toContain('The request is not valid');
    expect((field as HTMLInputElement).value).toBe('Et punkt');
  });

  it('translates a code it has no special message for into the generic message naming the code', async () => {
    api.route('DELETE', /\/statements\/s-1/, () => ({
      status: 409,
      body: apiErrorBody('brand_new_code', 'Some English explanation.'),
    }));
    await openEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Slett punkt: Første' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Noe gikk galt (feilkode brand_new_code). Prøv igjen.',
    );
  });
});

describe('CanvasPage keyboard focus', () => {
  it('moves focus to the next bullet after a delete, the one before at the end, the add field when empty', async () => {
    let remaining = [first, second, third];
    api.route('DELETE', /\/statements\/(s-\d)/, () => ({ status: 200, body: canvas(remaining) }));
    await openEditing();

    remaining = [second, third];
    screen.getByRole('button', { name: 'Slett punkt: Første' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Slett punkt: Første' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Slett punkt: Første' })).toBeNull());
    await nextFrame();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger punkt: Andre' }));

    remaining = [second];
    fireEvent.click(screen.getByRole('button', { name: 'Slett punkt: Tredje' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Slett punkt: Tredje' })).toBeNull());
    await nextFrame();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger punkt: Andre' }));

    remaining = [];
    fireEvent.click(screen.getByRole('button', { name: 'Slett punkt: Andre' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Slett punkt: Andre' })).toBeNull());
    await nextFrame();
    expect(document.activeElement).toBe(screen.getByLabelText('Nytt punkt i Utfordringer'));
  });

  it('closes the statement editor with Escape and returns focus to the button that opened it', async () => {
    await openEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Rediger punkt: Andre' }));
    const editor = screen.getByLabelText('Tekst');
    fireEvent.keyDown(editor, { key: 'Escape' });
    expect(screen.queryByLabelText('Tekst')).toBeNull();
    await nextFrame();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Rediger punkt: Andre' }));
  });

  it('tells the reader an empty comment cannot be posted, at the field', async () => {
    await openEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Legg inn kommentar' }));
    expect(await screen.findByText('Skriv en kommentar før du legger den inn.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Ny kommentar'));
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);
  });
});

describe('CanvasPage concurrent edits', () => {
  it('sends the version the statement editor opened, and keeps the draft with the conflict message when someone else saved first', async () => {
    api.route('PATCH', /\/statements\/s-2/, () => ({
      status: 409,
      body: apiErrorBody('conflict', 'The statement was changed by someone else after you opened it.'),
    }));
    await openEditing();
    fireEvent.click(screen.getByRole('button', { name: 'Rediger punkt: Andre' }));
    fireEvent.change(screen.getByLabelText('Tekst'), { target: { value: 'Min nye tekst' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Noen andre har endret dette samtidig. Last siden på nytt og prøv igjen.',
    );
    const patch = api.calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toMatchObject({ text: 'Min nye tekst', baseVersion: 1 });
    expect((screen.getByLabelText('Tekst') as HTMLTextAreaElement).value).toBe('Min nye tekst');
  });

  it('saves only the canvas texts that were changed, with the version opened, and keeps focus on the save button', async () => {
    api.route('PATCH', /\/themes\/theme-3\?lang=nb$/, () => ({
      status: 200,
      body: {
        ...canvas([first, second, third]),
        canvas: { ...canvas([]).canvas, summary: 'Nytt sammendrag', version: 2 },
      },
    }));
    await openEditing();
    fireEvent.change(screen.getByRole('textbox', { name: 'Sammendrag' }), {
      target: { value: 'Nytt sammendrag' },
    });
    const save = screen.getByRole('button', { name: 'Lagre tekstene' });
    save.focus();
    fireEvent.click(save);
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PATCH')).toBe(true));
    expect(api.calls.find((call) => call.method === 'PATCH')?.body).toEqual({
      summary: 'Nytt sammendrag',
      locale: 'nb',
      baseVersion: 1,
    });
    await screen.findByText('Lagret.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Lagre tekstene' }));
    expect(screen.getByRole('button', { name: 'Lagre tekstene' }).hasAttribute('disabled')).toBe(false);
  });
});

describe('CanvasPage workflow focus', () => {
  it('moves focus to the next workflow step after a status change (the pressed button is gone)', async () => {
    const withStatus = (status: CanvasResponse['canvas']['status']): CanvasResponse => ({
      ...canvas([first]),
      canvas: { ...canvas([]).canvas, status },
      permissions: {
        canEdit: status !== 'approved',
        canComment: true,
        canApprove: true,
        canChangeStatus: true,
      },
    });
    api.route('GET', /\/themes\/theme-3\?lang=nb$/, () => ({ status: 200, body: withStatus('draft') }));
    api.route('POST', /\/themes\/theme-3\/status/, (body) => ({
      status: 200,
      body: withStatus((body as { status: CanvasResponse['canvas']['status'] }).status),
    }));
    render(
      <I18nProvider>
        <MemoryRouter initialEntries={['/p/demo/strategy/themes/theme-3']}>
          <Routes>
            <Route path="/p/:slug/strategy/themes/:themeId" element={<CanvasPage />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>,
    );
    const send = await screen.findByRole('button', { name: 'Send til gjennomgang' });
    send.focus();
    fireEvent.click(send);
    const approve = await screen.findByRole('button', { name: 'Godkjenn' });
    await waitFor(() => expect(document.activeElement).toBe(approve));
    fireEvent.click(approve);
    const reopen = await screen.findByRole('button', { name: 'Sett tilbake til utkast' });
    await waitFor(() => expect(document.activeElement).toBe(reopen));
  });
});

describe('CanvasPage in a translation', () => {
  it('edits the translation but offers no add forms, since a new bullet would become the bokmål original', async () => {
    localStorage.setItem('innspill.locale', 'en');
    api.route('GET', /\/themes\/theme-3\?lang=en$/, () => ({
      status: 200,
      body: { ...canvas([{ ...first, text: 'First', originalText: 'Første' }]), locale: 'en' },
    }));
    render(
      <I18nProvider>
        <MemoryRouter initialEntries={['/p/demo/strategy/themes/theme-3']}>
          <Routes>
            <Route path="/p/:slug/strategy/themes/:themeId" element={<CanvasPage />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(screen.getByRole('button', { name: 'Edit bullet: First' })).toBeTruthy();
    expect(screen.queryByLabelText('New bullet in Challenges')).toBeNull();
    expect(screen.queryAllByRole('button', { name: 'Add' })).toHaveLength(0);
    expect(screen.getByText(/switch language to add one/)).toBeTruthy();
  });
});

describe('CanvasPage comments from a reviewer', () => {
  it('lets a reader without edit mode comment on one bullet, chosen in the comment form', async () => {
    const forReviewer = {
      ...canvas([first, second]),
      permissions: { canEdit: false, canComment: true, canApprove: false, canChangeStatus: false },
    };
    api.route('GET', /\/themes\/theme-3\?lang=nb$/, () => ({ status: 200, body: forReviewer }));
    api.route('POST', /\/themes\/theme-3\/comments/, () => ({ status: 201, body: forReviewer }));
    render(
      <I18nProvider>
        <MemoryRouter initialEntries={['/p/demo/strategy/themes/theme-3']}>
          <Routes>
            <Route path="/p/:slug/strategy/themes/:themeId" element={<CanvasPage />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>,
    );
    const target = await screen.findByLabelText('Kommentaren gjelder');
    expect(screen.queryByRole('button', { name: 'Rediger' })).toBeNull();
    fireEvent.change(target, { target: { value: 's-2' } });
    fireEvent.change(screen.getByLabelText('Ny kommentar'), { target: { value: 'Bør skjerpes.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Legg inn kommentar' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'POST')).toBe(true));
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      body: 'Bør skjerpes.',
      statementId: 's-2',
    });
  });
});

describe('CanvasPage approved, for the working group', () => {
  it('says who can reopen an approved canvas, and shows no empty workflow section', async () => {
    api.route('GET', /\/themes\/theme-3\?lang=nb$/, () => ({
      status: 200,
      body: {
        ...canvas([first]),
        canvas: { ...canvas([]).canvas, status: 'approved' },
        permissions: { canEdit: false, canComment: true, canApprove: false, canChangeStatus: true },
      },
    }));
    render(
      <I18nProvider>
        <MemoryRouter initialEntries={['/p/demo/strategy/themes/theme-3']}>
          <Routes>
            <Route path="/p/:slug/strategy/themes/:themeId" element={<CanvasPage />} />
          </Routes>
        </MemoryRouter>
      </I18nProvider>,
    );
    expect(
      await screen.findByText(
        'Lerretet er godkjent og låst. Bare eieren eller sekretariatet kan sette det tilbake til utkast.',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Arbeidsflyt' })).toBeNull();
  });
});
