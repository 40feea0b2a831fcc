import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { startInnspill, type StartedServer } from './support/server.ts';
import { collectPageErrors, expectNoSeriousA11yViolations, launchBrowser } from './support/browser.ts';

/**
 * The respondent's plain form (server-rendered, no JavaScript): reached from the SPA's public
 * round page through its <noscript> link, answered on a phone with JavaScript off, scanned by axe
 * and walked by keyboard.
 */
let server: StartedServer;
let browser: Browser;
let roundId = '';
const slug = 'uh-digitalisering-2021';

async function api(path: string, method: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function makePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.drawText('Vedlegg uten JavaScript.', {
    x: 40,
    y: 700,
    size: 12,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  });
  return Buffer.from(await pdf.save());
}

beforeAll(async () => {
  server = await startInnspill({ env: { INNSPILL_JOB_POLL_MS: '100' } });
  browser = await launchBrowser();
  // The secretariat's part through the API: an administrator, a round with all six question kinds.
  const setupToken = server.setupLink()!.split('/setup/')[1]!;
  const setup = await api(
    '/api/auth/setup',
    'POST',
    {},
    {
      token: setupToken,
      email: 'admin@example.test',
      name: 'Ada Admin',
      password: 'a very good password',
    },
  );
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  const created = (await (
    await api(`/api/processes/${slug}/rounds`, 'POST', headers, {
      title: 'Runde uten JavaScript',
      purpose: 'Hva trenger sektoren de neste årene?',
      deadlineLocal: '2099-06-01T23:59',
      publicationNote: 'Svarene publiseres når dere samtykker.',
    })
  ).json()) as { round: { id: string; number: number } };
  roundId = created.round.id;
  const number = created.round.number;
  await api(`/api/processes/${slug}/rounds/${number}/questions`, 'PUT', headers, {
    questions: [
      { kind: 'long_text', text: 'Hva er de viktigste utfordringene?', isRequired: true },
      { kind: 'short_text', text: 'Hvilken enhet svarer?', isRequired: false },
      {
        kind: 'single_choice',
        text: 'Hvor viktig er deling av data?',
        isRequired: false,
        options: ['Lite viktig', 'Svært viktig'],
      },
      {
        kind: 'multiple_choice',
        text: 'Hvilke områder gjelder det?',
        isRequired: false,
        options: ['Forskning', 'Utdanning'],
      },
      { kind: 'scale', text: 'Hvor modne er dere digitalt?', isRequired: false },
      { kind: 'number', text: 'Hvor mange ansatte har dere?', isRequired: false },
    ],
  });
  await api(`/api/processes/${slug}/rounds/${number}`, 'PATCH', headers, { status: 'open' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function fillAnswers(page: Page) {
  await page.getByLabel(/Hvilken enhet svarer\?/).fill('Fakultet for digitalisering');
  await page
    .getByRole('group', { name: /Hvor viktig er deling av data\?/ })
    .getByLabel('Svært viktig')
    .check();
  await page
    .getByRole('group', { name: /Hvilke områder gjelder det\?/ })
    .getByLabel('Forskning')
    .check();
  await page
    .getByRole('group', { name: /Hvor modne er dere digitalt\?/ })
    .getByLabel('4', { exact: true })
    .check();
  await page.getByLabel(/Hvor mange ansatte har dere\?/).fill('1250');
  await page.getByLabel('Navn').fill('Nora Uten Skript');
  await page.getByLabel('E-post').fill('nora@example.test');
  await page.getByLabel('Organisasjon').fill('Høgskolen i Testdal');
  await page.getByLabel('Type aktør').selectOption('hoyskole');
  await page.getByLabel('Ja, svaret kan publiseres').check();
}

describe('plain respondent form without JavaScript', () => {
  it('lets a phone with JavaScript off open the public round, save a draft, attach a PDF, submit and see the receipt', async () => {
    const phone = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'nb-NO',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    await page.goto(`${server.url}/r/${roundId}`);
    // The SPA cannot run: its <noscript> block is what shows, with the link to the plain form.
    await page.getByRole('link', { name: 'Svar i det enkle skjemaet, som virker uten JavaScript' }).click();
    await page.getByRole('heading', { name: 'Runde uten JavaScript', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/svar/r/${roundId}`);
    await page.getByText('Frist: mandag 1. juni 2099 kl. 23:59 (norsk tid)').waitFor();
    await page.getByText('Svarene publiseres når dere samtykker.').first().waitFor();

    await fillAnswers(page);
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/svar\/i\/[\w-]{20,}$/);
    const linkPath = new URL(page.url()).pathname;
    expect(await page.getByLabel(/Hvilken enhet svarer\?/).inputValue()).toBe('Fakultet for digitalisering');

    await page
      .getByLabel('Velg fil')
      .setInputFiles({ name: 'vedlegg.pdf', mimeType: 'application/pdf', buffer: await makePdf() });
    await page.getByRole('button', { name: 'Legg ved fil' }).click();
    await page.getByText('Filen er lagt ved.').waitFor();
    await page.getByText('vedlegg.pdf').first().waitFor();

    // Submitting without the required answer: the error summary, the typed answers kept.
    await page.getByRole('button', { name: 'Send inn' }).click();
    await page.getByRole('heading', { name: 'Dette må rettes' }).waitFor();
    await page
      .getByRole('link', { name: /Hva er de viktigste utfordringene\?: Du må svare på dette spørsmålet\./ })
      .click();
    expect(await page.getByLabel(/Hvor mange ansatte har dere\?/).inputValue()).toBe('1250');

    await page
      .getByLabel(/Hva er de viktigste utfordringene\?/)
      .fill('Felles digitale tjenester for hele sektoren.');
    await page.getByRole('button', { name: 'Send inn' }).click();
    await page.getByRole('heading', { name: 'Takk for innspillet!', level: 1 }).waitFor();
    const receipt = await page.getByTestId('receipt-code').textContent();
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByText('Felles digitale tjenester for hele sektoren.').waitFor();
    expect(new URL(page.url()).pathname).toBe(linkPath);

    // Coming back through the same link shows the same receipt.
    await page.goto(`${server.url}${linkPath}`);
    expect(await page.getByTestId('receipt-code').textContent()).toBe(receipt);
    await phone.close();
  });

  it('has no serious or critical axe violations on the plain pages, and no console errors (CSP)', async () => {
    // axe needs JavaScript, so the same pages are scanned in a JavaScript-enabled context (the
    // pages themselves carry no script either way).
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nb-NO' });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/svar/r/${roundId}`);
    await page.getByRole('heading', { name: 'Runde uten JavaScript', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page, 'plain form: public round');

    await page.getByRole('button', { name: 'Send inn' }).click();
    await page.getByRole('heading', { name: 'Dette må rettes' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'plain form: error summary');

    await fillAnswers(page);
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    await expectNoSeriousA11yViolations(page, 'plain form: draft link');

    await page.getByLabel(/Hva er de viktigste utfordringene\?/).fill('Svar for tilgjengelighetstest.');
    await page.getByRole('button', { name: 'Send inn' }).click();
    await page.getByRole('heading', { name: 'Takk for innspillet!', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(page, 'plain form: receipt');

    await page.getByRole('link', { name: 'Endre svaret' }).click();
    await page.getByRole('button', { name: 'Lagre endringer' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'plain form: edit sent answer');
    await page.goBack();

    await page.getByRole('link', { name: 'Trekk tilbake svaret' }).click();
    await page.getByRole('heading', { name: 'Vil du trekke tilbake svaret?' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'plain form: withdraw confirmation');
    await page.getByRole('button', { name: 'Ja, trekk tilbake svaret' }).click();
    await page.getByText('Svaret er trukket tilbake.').waitFor();
    await expectNoSeriousA11yViolations(page, 'plain form: withdrawn');

    await page.goto(`${server.url}/svar/r/${roundId}?lang=en`);
    await page.getByRole('button', { name: 'Save draft' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoSeriousA11yViolations(page, 'plain form: English');
    // The one 422 is the deliberately empty submit above; anything else (CSP, script errors) fails.
    expect(errors.filter((error) => !error.includes('status of 422'))).toEqual([]);
    await context.close();
  });

  it('is usable by keyboard: Tab reaches the skip link, then the first question, with a visible focus ring', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(`${server.url}/svar/r/${roundId}`);
    await page.getByRole('heading', { name: 'Runde uten JavaScript', level: 1 }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const style = element ? getComputedStyle(element) : undefined;
        const box = element?.getBoundingClientRect();
        return {
          tag: element?.tagName.toLowerCase(),
          text: element?.textContent?.trim(),
          name: element?.getAttribute('name'),
          outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
          boxShadow: style?.boxShadow ?? '',
          isOnScreen: box ? box.top >= 0 && box.bottom <= window.innerHeight + 1 : false,
        };
      });
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip).toMatchObject({ tag: 'a', text: 'Hopp til hovedinnholdet', isOnScreen: true });
    expect(skip.outline).toMatch(/^solid [1-9]/);

    // The skip link jumps past the header; the next Tab lands on the first question's field.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first.tag).toBe('textarea');
    expect(first.name).toMatch(/^q\./);
    expect(first.outline).toMatch(/^solid [1-9]/);
    expect(first.boxShadow).not.toBe('none');
    await context.close();
  });
});
