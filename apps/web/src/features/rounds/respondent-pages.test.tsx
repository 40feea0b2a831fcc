import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { PublicRound, PublicRoundResponse, RespondentView } from '@innspill/contracts';
import { I18nProvider } from '../../i18n/i18n.tsx';
import { SessionProvider } from '../../app/session.tsx';
import { RespondentPage } from './respondent-page.tsx';
import { PublicRoundPage } from './public-round-page.tsx';
import { stubApi, type ApiStub } from '../../test/api-stub.ts';

let api: ApiStub;
const route: ApiStub['route'] = (method, path, handle) => api.route(method, path, handle);

beforeEach(() => {
  localStorage.clear();
  api = stubApi();
  route('GET', /^\/api\/auth\/session$/, () => ({
    status: 200,
    body: { user: null, csrfToken: 'csrf', memberships: [] },
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const longQuestionId = '11111111-1111-4111-8111-111111111111';
const numberQuestionId = '22222222-2222-4222-8222-222222222222';

const round: PublicRound = {
  id: '99999999-9999-4999-8999-999999999999',
  number: 1,
  title: 'Innspillsrunde 1',
  purpose: '',
  publicationNote: '',
  deadline: '2099-06-01T21:59:00Z',
  effectiveStatus: 'open',
  visibility: 'public',
  latePolicy: 'accept_flagged',
  questions: [
    {
      id: longQuestionId,
      position: 1,
      kind: 'long_text',
      text: 'Hva er viktigst?',
      isRequired: false,
      options: [],
    },
    {
      id: numberQuestionId,
      position: 2,
      kind: 'number',
      text: 'Hvor mange?',
      isRequired: false,
      options: [],
    },
  ],
};

const view = (overrides: Partial<RespondentView> = {}): RespondentView => ({
  round,
  actorName: null,
  status: 'submitted',
  receiptCode: 'ABCD-EFGH-JKMN',
  submittedAt: '2026-05-01T10:00:00Z',
  isLate: false,
  submitterName: null,
  submitterEmail: null,
  organisationName: null,
  declaredActorType: null,
  publicationConsent: null,
  answers: [
    { questionId: longQuestionId, text: 'Bedre samarbeid.', value: null },
    { questionId: numberQuestionId, text: null, value: 3.5 },
  ],
  attachments: [],
  canSubmit: false,
  canEdit: true,
  canWithdraw: true,
  isLateIfSubmittedNow: false,
  ...overrides,
});

function renderAt(at: string) {
  return render(
    <I18nProvider>
      <SessionProvider>
        <MemoryRouter initialEntries={[at]}>
          <Routes>
            <Route path="/i/:token" element={<RespondentPage />} />
            <Route path="/r/:roundId" element={<PublicRoundPage />} />
          </Routes>
        </MemoryRouter>
      </SessionProvider>
    </I18nProvider>,
  );
}

const withdrawCalls = () =>
  api.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/withdraw'));

describe('RespondentPage: withdrawing a sent answer', () => {
  beforeEach(() => {
    route('GET', /^\/api\/public\/responses\/tok\?/, () => ({ status: 200, body: view() }));
    route('POST', /^\/api\/public\/responses\/tok\/withdraw$/, () => ({
      status: 200,
      body: view({ status: 'withdrawn', canEdit: false, canWithdraw: false }),
    }));
  });

  it('asks first, says what withdrawing means, and withdraws nothing until confirmed', async () => {
    renderAt('/i/tok');
    const withdrawButton = await screen.findByRole('button', { name: 'Trekk tilbake svaret' });
    fireEvent.click(withdrawButton);

    const confirmation = await screen.findByRole('region', { name: 'Vil du trekke tilbake svaret?' });
    expect(document.activeElement).toBe(
      within(confirmation).getByRole('heading', { name: 'Vil du trekke tilbake svaret?' }),
    );
    within(confirmation).getByText(
      'Svaret blir ikke brukt. Du kan ikke angre, og dette svaret kan ikke sendes inn igjen.',
    );
    within(confirmation).getByText(/starte et nytt svar på siden til runden/);
    expect(withdrawButton.getAttribute('aria-expanded')).toBe('true');
    expect(withdrawCalls()).toEqual([]);

    fireEvent.click(within(confirmation).getByRole('button', { name: 'Nei, behold svaret' }));
    expect(screen.queryByRole('region', { name: 'Vil du trekke tilbake svaret?' })).toBeNull();
    expect(document.activeElement).toBe(withdrawButton);
    expect(withdrawCalls()).toEqual([]);
    screen.getByTestId('receipt-code');
  });

  it('closes the confirmation on Escape and withdraws on "Ja, trekk tilbake svaret"', async () => {
    renderAt('/i/tok');
    const withdrawButton = await screen.findByRole('button', { name: 'Trekk tilbake svaret' });
    fireEvent.click(withdrawButton);
    const confirmation = await screen.findByRole('region', { name: 'Vil du trekke tilbake svaret?' });
    fireEvent.keyDown(within(confirmation).getByRole('button', { name: 'Ja, trekk tilbake svaret' }), {
      key: 'Escape',
    });
    expect(screen.queryByRole('region', { name: 'Vil du trekke tilbake svaret?' })).toBeNull();
    expect(document.activeElement).toBe(withdrawButton);

    fireEvent.click(withdrawButton);
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, trekk tilbake svaret' }));
    await screen.findByText('Svaret er trukket tilbake.');
    expect(withdrawCalls()).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Trekk tilbake svaret' })).toBeNull();
  });

  it('tells an invited respondent that the invitation link cannot be used to answer again', async () => {
    // Registered after the describe's own answer for the same path, so it is the one used.
    route('GET', /^\/api\/public\/responses\/tok\?/, () => ({
      status: 200,
      body: view({ actorName: 'Universitetet i Testby' }),
    }));
    renderAt('/i/tok');
    fireEvent.click(await screen.findByRole('button', { name: 'Trekk tilbake svaret' }));
    await screen.findByText('Lenken i invitasjonen kan ikke brukes til å svare på nytt.');
    expect(screen.queryByText(/starte et nytt svar/)).toBeNull();
  });
});

describe('RespondentPage: numbers and the deadline as the reader writes them', () => {
  it('shows a decimal number with a comma on the bokmål receipt and the deadline in Norwegian time', async () => {
    route('GET', /^\/api\/public\/responses\/tok\?/, () => ({ status: 200, body: view() }));
    renderAt('/i/tok');
    await screen.findByTestId('receipt-code');
    screen.getByText('3,5');
    expect(screen.queryByText('3.5')).toBeNull();
    screen.getByText(/^Frist: .*2099.* \(norsk tid\)$/);
  });

  it('reopens a draft with "3,5" in the number field, and sends it back as 3.5', async () => {
    route('GET', /^\/api\/public\/responses\/tok\?/, () => ({
      status: 200,
      body: view({
        status: 'draft',
        receiptCode: null,
        submittedAt: null,
        canSubmit: true,
        canWithdraw: false,
      }),
    }));
    route('PUT', /^\/api\/public\/responses\/tok$/, () => ({
      status: 200,
      body: view({ status: 'draft', receiptCode: null, submittedAt: null, canSubmit: true }),
    }));
    renderAt('/i/tok');
    const field = await screen.findByRole<HTMLInputElement>('textbox', { name: /Hvor mange\?/ });
    expect(field.value).toBe('3,5');
    fireEvent.click(screen.getByRole('button', { name: 'Lagre utkast' }));
    await waitFor(() => expect(api.calls.some((call) => call.method === 'PUT')).toBe(true));
    const sent = api.calls.find((call) => call.method === 'PUT')!.body as { answers: { value?: unknown }[] };
    expect(sent.answers[1]!.value).toBe(3.5);
  });

  it('uses a decimal point and "(Norwegian time)" in English', async () => {
    localStorage.setItem('innspill.locale', 'en');
    route('GET', /^\/api\/public\/responses\/tok\?/, () => ({ status: 200, body: view() }));
    renderAt('/i/tok');
    await screen.findByTestId('receipt-code');
    screen.getByText('3.5');
    screen.getByText(/^Deadline: .*2099.* \(Norwegian time\)$/);
  });
});

describe('PublicRoundPage: an answer longer than the limit', () => {
  const publicRound: PublicRoundResponse = { round, canAnswerPublicly: true, isLateIfAnsweredNow: false };

  beforeEach(() => {
    route('GET', /^\/api\/public\/rounds\/9{8}-/, () => ({ status: 200, body: publicRound }));
    // What the API's schema check answers for an over-long text: the field named by array index.
    route('POST', /^\/api\/public\/rounds\/.*\/responses$/, () => ({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'The request is not valid: answers.0.text: Too big',
          fields: { 'answers.0.text': 'Too big: expected string to have <=100000 characters' },
        },
      },
    }));
  });

  it('states the limit under the field and marks that field, with a summary link to it', async () => {
    renderAt(`/r/${round.id}`);
    const answer = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: /Hva er viktigst\?/ });
    expect(answer.getAttribute('aria-describedby')).toBeTruthy();
    screen.getByText(/^Høyst 100\s000 tegn\.$/);

    fireEvent.change(answer, { target: { value: 'x'.repeat(100_001) } });
    fireEvent.click(screen.getByRole('button', { name: 'Send inn' }));

    const link = await screen.findByRole('link', { name: /Hva er viktigst\?: Svaret er for langt/ });
    expect(link.getAttribute('href')).toBe(`#q-${longQuestionId}`);
    await waitFor(() => expect(answer.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText(/^Svaret er for langt \(høyst 100\s000 tegn\)\.$/).length).toBeGreaterThan(0);
    expect(screen.queryByText('Sjekk dette feltet.')).toBeNull();
  });
});
