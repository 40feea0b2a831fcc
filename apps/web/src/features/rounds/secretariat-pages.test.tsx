import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { ActorImportReport, ImportReport, RegisteredActor, Submission } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { SessionProvider } from '../../app/session.tsx';
import { UnmatchedSubmissions } from './unmatched-submissions.tsx';
import { ImportPanel } from './import-panel.tsx';
import { ActorRegistryPage } from './actor-registry-page.tsx';

type Handler = (init: RequestInit | undefined) => { status: number; body?: unknown };
let routes: { method: string; path: RegExp; handle: Handler }[] = [];
const calls: { method: string; path: string; body: unknown }[] = [];

function route(method: string, path: RegExp, handle: Handler) {
  routes.push({ method, path, handle });
}

// jsdom has no Web Animations API, which Designsystemet's error summary and selects touch.
const documentWithAnimations = document as unknown as { getAnimations?: () => unknown[] };
documentWithAnimations.getAnimations ??= () => [];

beforeEach(() => {
  routes = [];
  calls.length = 0;
  localStorage.clear();
  route('GET', /^\/api\/auth\/session$/, () => ({
    status: 200,
    body: { user: null, csrfToken: 'csrf', memberships: [] },
  }));
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = String(input);
      calls.push({ method, path, body: typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body });
      const found = routes.find((candidate) => candidate.method === method && candidate.path.test(path));
      const { status, body } = found ? found.handle(init) : { status: 404, body: undefined };
      return new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const apiError = (code: string, message: string, fields?: Record<string, string>) => ({
  error: { code, message, ...(fields ? { fields } : {}) },
});

const path = '/api/processes/demo/rounds/1';

const submission = (overrides: Partial<Submission>): Submission => ({
  id: 'sub-1',
  status: 'submitted',
  submittedAt: '2026-11-01T10:00:00Z',
  isLate: false,
  source: 'import',
  receiptCode: null,
  publicationConsent: null,
  actorName: null,
  actorType: null,
  actorId: null,
  submitterName: null,
  submitterEmail: null,
  answers: [],
  attachments: [],
  ...overrides,
});

const registry: RegisteredActor[] = [
  {
    id: 'actor-1',
    name: 'Universitetet i Testby',
    type: 'universitet',
    organisationNumber: '974760673',
    contactEmails: [],
  },
  {
    id: 'actor-2',
    name: 'Høgskolen i Testby',
    type: 'hoyskole',
    organisationNumber: null,
    contactEmails: [],
  },
];

function renderWithProviders(ui: React.ReactNode, at = '/') {
  return render(
    <I18nProvider>
      <SessionProvider>
        <MemoryRouter initialEntries={[at]}>{ui}</MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
}

describe('UnmatchedSubmissions', () => {
  it('unlinks a wrongly matched import and then offers it for matching again', async () => {
    let linked = true;
    const letter = () =>
      submission({
        id: 'sub-1',
        actorId: linked ? 'actor-1' : null,
        actorName: linked ? 'Universitetet i Testby' : 'Universitetsforeningen',
        attachments: [
          {
            id: 'a1',
            fileName: 'universitetsforeningen.pdf',
            mediaType: 'application/pdf',
            byteSize: 10,
            extractionStatus: 'done',
            extractionFailure: null,
            extractionError: null,
          },
        ],
      });
    route('GET', /\/submissions$/, () => ({
      status: 200,
      body: { submissions: [letter()], canSeePersonalData: true },
    }));
    route('GET', /\/actors$/, () => ({ status: 200, body: { actors: registry, canManage: true } }));
    route('PUT', /\/submissions\/sub-1\/actor$/, () => {
      linked = false;
      return { status: 200, body: letter() };
    });
    renderWithProviders(<UnmatchedSubmissions slug="demo" path={path} refreshKey={0} />);

    const matched = await screen.findByTestId('matched-submissions');
    expect(matched.textContent).toContain(
      '«universitetsforeningen.pdf» er koblet til Universitetet i Testby',
    );
    fireEvent.click(
      within(matched).getByRole('button', {
        name: 'Fjern koblingen mellom «universitetsforeningen.pdf» og Universitetet i Testby',
      }),
    );

    expect(
      await screen.findByText(
        'Koblingen mellom «universitetsforeningen.pdf» og Universitetet i Testby er fjernet.',
      ),
    ).toBeTruthy();
    expect(calls.find((call) => call.method === 'PUT')).toMatchObject({
      path: `${path}/submissions/sub-1/actor`,
      body: { actorId: null },
    });
    expect(await screen.findByLabelText('Aktør for «Universitetsforeningen»')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('matched-submissions')).toBeNull());
  });

  it('shows a refused unlink in the reader’s language, not the server’s English', async () => {
    localStorage.setItem('innspill.locale', 'en');
    route('GET', /\/submissions$/, () => ({
      status: 200,
      body: {
        submissions: [submission({ actorId: 'actor-2', actorName: 'Høgskolen i Testby' })],
        canSeePersonalData: true,
      },
    }));
    route('GET', /\/actors$/, () => ({ status: 200, body: { actors: registry, canManage: true } }));
    route('PUT', /\/actor$/, () => ({
      status: 403,
      body: apiError('forbidden', 'You may not manage input rounds.'),
    }));
    renderWithProviders(<UnmatchedSubmissions slug="demo" path={path} refreshKey={0} />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Unlink “Høgskolen i Testby” from Høgskolen i Testby' }),
    );
    expect(await screen.findByText('You do not have access to do this.')).toBeTruthy();
    expect(screen.queryByText(/may not manage/)).toBeNull();
  });
});

describe('ImportPanel', () => {
  it('shows the dry run’s problems from their codes, in bokmål', async () => {
    const report: ImportReport = {
      isDryRun: true,
      submissionCount: 0,
      failedFileCount: 1,
      files: [
        {
          fileName: 'svar.csv',
          kind: 'table',
          status: 'failed',
          submissionCount: 0,
          unmatched: [],
          problems: [
            {
              line: 2,
              code: 'invalid_email',
              params: { value: 'ikke-epost' },
              message: '"ikke-epost" is not a valid email address.',
            },
            {
              code: 'too_few_questions',
              params: { column: 'q5', count: 2 },
              message: 'Column q5: the round has only 2 questions.',
            },
          ],
          columns: [{ header: 'actor', target: 'actor' }],
        },
      ],
    };
    route('POST', /\/imports\?dryRun=true/, () => ({ status: 200, body: report }));
    route('GET', /\/submissions$/, () => ({
      status: 200,
      body: { submissions: [], canSeePersonalData: true },
    }));
    route('GET', /\/actors$/, () => ({ status: 200, body: { actors: [], canManage: true } }));
    renderWithProviders(<ImportPanel slug="demo" path={path} questions={[]} onImported={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Filer'), {
      target: { files: [new File(['actor\n'], 'svar.csv', { type: 'text/csv' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Prøvekjør' }));
    expect(await screen.findByText(/«ikke-epost» er ikke en gyldig e-postadresse\./)).toBeTruthy();
    expect(screen.getByText('Kolonnen q5: runden har bare 2 spørsmål.')).toBeTruthy();
    expect(screen.queryByText(/not a valid email/)).toBeNull();
  });

  it('shows a refused upload in the reader’s language', async () => {
    route('POST', /\/imports/, () => ({
      status: 413,
      body: apiError('payload_too_large', 'The request is too large.'),
    }));
    route('GET', /\/submissions$/, () => ({
      status: 200,
      body: { submissions: [], canSeePersonalData: true },
    }));
    route('GET', /\/actors$/, () => ({ status: 200, body: { actors: [], canManage: true } }));
    renderWithProviders(<ImportPanel slug="demo" path={path} questions={[]} onImported={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Filer'), { target: { files: [new File(['x'], 'stor.csv')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Prøvekjør' }));
    expect(await screen.findByText('Filen eller forespørselen er for stor.')).toBeTruthy();
  });
});

describe('ImportPanel column mapping', () => {
  it('maps each table of a multi-file import on its own', async () => {
    const table = (fileName: string, headers: string[]) => ({
      fileName,
      kind: 'table' as const,
      status: 'failed' as const,
      submissionCount: 0,
      unmatched: [],
      problems: [],
      columns: headers.map((header) => ({ header, target: 'ignore' })),
    });
    const report: ImportReport = {
      isDryRun: true,
      submissionCount: 0,
      failedFileCount: 2,
      files: [table('a.csv', ['Org', 'Svar']), table('b.xlsx', ['Svar'])],
    };
    route('POST', /\/imports\?dryRun=true/, () => ({ status: 200, body: report }));
    route('GET', /\/submissions$/, () => ({
      status: 200,
      body: { submissions: [], canSeePersonalData: true },
    }));
    route('GET', /\/actors$/, () => ({ status: 200, body: { actors: [], canManage: true } }));
    const questions = [1, 2].map((position) => ({
      id: `q-${position}`,
      position,
      kind: 'long_text' as const,
      text: `Spørsmål ${position}`,
      isRequired: false,
      options: [],
    }));
    renderWithProviders(
      <ImportPanel slug="demo" path={path} questions={questions} onImported={() => undefined} />,
    );
    fireEvent.change(screen.getByLabelText('Filer'), {
      target: { files: [new File(['x'], 'a.csv'), new File(['y'], 'b.xlsx')] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Prøvekjør' }));

    const first = await screen.findByRole('group', { name: 'Kolonner i «a.csv»' });
    const second = screen.getByRole('group', { name: 'Kolonner i «b.xlsx»' });
    fireEvent.change(within(first).getByLabelText('Kolonnen «Org»'), { target: { value: 'actor' } });
    fireEvent.change(within(first).getByLabelText('Kolonnen «Svar»'), { target: { value: 'q1' } });
    fireEvent.change(within(second).getByLabelText('Kolonnen «Svar»'), { target: { value: 'q2' } });
    expect(screen.getByText('Kolonnevalget er endret. Prøvekjør igjen før du importerer.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Prøvekjør' }));

    await waitFor(() => expect(calls.filter((call) => call.method === 'POST')).toHaveLength(2));
    const url = new URL(calls.filter((call) => call.method === 'POST')[1]!.path, 'http://innspill.test');
    expect(JSON.parse(url.searchParams.get('fileMapping')!)).toEqual({
      'a.csv': { Org: 'actor', Svar: 'q1' },
      'b.xlsx': { Svar: 'q2' },
    });
  });
});

describe('ActorRegistryPage', () => {
  const renderPage = () =>
    renderWithProviders(
      <Routes>
        <Route path="/p/:slug/actors" element={<ActorRegistryPage />} />
      </Routes>,
      '/p/demo/actors',
    );

  it('translates a refused new actor’s field errors and the import preview’s row problems', async () => {
    localStorage.setItem('innspill.locale', 'en');
    route('GET', /\/actors$/, () => ({ status: 200, body: { actors: registry, canManage: true } }));
    route('POST', /\/actors$/, () => ({
      status: 409,
      body: apiError(
        'organisation_number_taken',
        'An actor with organisation number 974760673 is already registered.',
        {
          organisationNumber: 'Already registered.',
        },
      ),
    }));
    const preview: ActorImportReport = {
      isCommitted: false,
      errorCount: 1,
      createCount: 0,
      duplicateCount: 0,
      rows: [
        {
          line: 2,
          name: '',
          type: 'annet',
          organisationNumber: null,
          contactEmails: [],
          isDuplicate: false,
          problems: { name: 'Required.', type: 'Unknown actor type "romvesen".' },
          issues: [
            { field: 'name', code: 'required' },
            { field: 'type', code: 'unknown_actor_type', value: 'romvesen' },
          ],
        },
      ],
    };
    route('POST', /\/actors\/import\?dryRun=true$/, () => ({ status: 200, body: preview }));
    renderPage();

    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Kopien' } });
    fireEvent.change(screen.getByLabelText('Organisation number', { selector: 'input' }), {
      target: { value: '974760673' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add actor' }));
    expect(await screen.findAllByText(/Already registered\./)).not.toHaveLength(0);
    expect(screen.queryByText(/is already registered/)).toBeNull();

    fireEvent.change(screen.getByLabelText('Files'), {
      target: { files: [new File(['name\n'], 'actors.csv')] },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await screen.findByText('Name: required. Type: unknown actor type “romvesen”.')).toBeTruthy();
  });
});
