import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Attachment, SubmissionDetailResponse } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { SessionProvider } from '../../app/session.tsx';
import { SubmissionDetailPage } from './submission-pages.tsx';

// jsdom has no Web Animations API, which Designsystemet's loading spinner touches.
const documentWithAnimations = document as unknown as { getAnimations?: () => unknown[] };
documentWithAnimations.getAnimations ??= () => [];

const attachment = (overrides: Partial<Attachment>): Attachment => ({
  id: 'a1',
  fileName: 'brev.pdf',
  mediaType: 'application/pdf',
  byteSize: 2048,
  extractionStatus: 'failed',
  extractionFailure: null,
  extractionError: null,
  ...overrides,
});

function detail(attachments: Attachment[]): SubmissionDetailResponse {
  return {
    submission: {
      id: 'sub-1',
      status: 'submitted',
      submittedAt: '2026-11-01T10:00:00Z',
      isLate: false,
      source: 'web',
      receiptCode: 'ABCD-1234',
      publicationConsent: null,
      actorName: 'Universitetet i Testby',
      actorType: null,
      actorId: null,
      submitterName: null,
      submitterEmail: null,
      answers: [],
      attachments,
      organisationName: null,
      declaredActorType: null,
      organisationNumber: null,
    },
    questions: [],
    segments: [],
  };
}

function serve(body: SubmissionDetailResponse) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const path = String(input);
      const payload = path.startsWith('/api/auth/session')
        ? { user: null, csrfToken: 'csrf', memberships: [] }
        : path.includes('/submissions/sub-1')
          ? body
          : undefined;
      return new Response(payload === undefined ? null : JSON.stringify(payload), {
        status: payload === undefined ? 404 : 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
}

function renderPage() {
  return render(
    <I18nProvider>
      <SessionProvider>
        <MemoryRouter initialEntries={['/p/demo/rounds/1/submissions/sub-1']}>
          <Routes>
            <Route
              path="/p/:slug/rounds/:number/submissions/:submissionId"
              element={<SubmissionDetailPage />}
            />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
}

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe(SubmissionDetailPage.name, () => {
  it('says why an attachment could not be read, and what to do, in bokmål, never the server’s English', async () => {
    serve(
      detail([
        attachment({
          extractionFailure: 'encrypted',
          extractionError: 'The PDF is encrypted (password-protected); its text cannot be read.',
        }),
      ]),
    );
    renderPage();
    const message = await screen.findByTestId('extraction-failure');
    expect(message.textContent).toBe(
      'Filen er passordbeskyttet (kryptert). Be innsenderen om en versjon uten passord.',
    );
    expect(screen.getByTestId('submission-attachments').textContent).not.toContain('The PDF is encrypted');
  });

  it('shows a number answer as the reader writes it: 3,5 in bokmål, 3.5 in English', async () => {
    const withNumber = detail([]);
    withNumber.questions = [
      { id: 'q1', position: 1, kind: 'number', text: 'Hvor mange årsverk?', isRequired: false, options: [] },
    ];
    withNumber.submission.answers = [{ questionId: 'q1', text: null, value: 3.5 }];
    serve(withNumber);
    renderPage();
    expect(await screen.findByText('3,5')).toBeTruthy();
    cleanup();
    localStorage.setItem('innspill.locale', 'en');
    renderPage();
    expect(await screen.findByText('3.5')).toBeTruthy();
  });

  it('shows the same reason in English when the reader chose English', async () => {
    localStorage.setItem('innspill.locale', 'en');
    serve(detail([attachment({ extractionFailure: 'encrypted', extractionError: 'The PDF is encrypted.' })]));
    renderPage();
    const message = await screen.findByTestId('extraction-failure');
    expect(message.textContent).toBe(
      'The file is password-protected (encrypted). Ask the sender for a copy without a password.',
    );
  });

  it('gives a file that failed before the codes existed the generic message, and a deleted file its own status', async () => {
    serve(
      detail([
        attachment({ id: 'a1', fileName: 'gammel.pdf', extractionError: 'Some old English reason.' }),
        attachment({
          id: 'a2',
          fileName: 'slettet.pdf',
          extractionFailure: 'deleted_on_request',
          extractionError: 'The file was deleted at the respondent’s request.',
        }),
        attachment({ id: 'a3', fileName: 'lest.pdf', extractionStatus: 'done' }),
      ]),
    );
    renderPage();
    const messages = await screen.findAllByTestId('extraction-failure');
    expect(messages.map((message) => message.textContent)).toEqual([
      'Teksten kunne ikke leses. Be innsenderen om å sende filen på nytt, gjerne i et annet format. Driftsansvarlig finner den tekniske årsaken i eksporten av svarene.',
      'Filen ble slettet etter ønske fra innsenderen før teksten ble lest. Det er ikke noe å gjøre med den.',
    ]);
    const list = screen.getByTestId('submission-attachments').textContent ?? '';
    expect(list).toContain('slettet.pdf (2 kB): filen er slettet');
    expect(list).toContain('lest.pdf (2 kB): teksten er lest inn');
    expect(list).not.toContain('Some old English reason.');
  });
});
