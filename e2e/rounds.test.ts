import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { openDatabase } from '@innspill/core';
import { sql } from 'drizzle-orm';
import { startInnspill, type StartedServer } from './support/server.ts';
import { collectPageErrors, expectNoSeriousA11yViolations, launchBrowser } from './support/browser.ts';

let server: StartedServer;
let browser: Browser;
let secretariatContext: BrowserContext;
let secretariat: Page;

beforeAll(async () => {
  server = await startInnspill({ command: 'npm-start', env: { INNSPILL_JOB_POLL_MS: '100' } });
  browser = await launchBrowser();
  secretariatContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  secretariat = await secretariatContext.newPage();
});
afterAll(async () => {
  await browser?.close();
  // The durability test kills the server with SIGKILL; stopping it again may find no process.
  await server?.stop().catch(() => undefined);
});

async function makePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.drawText('Vedlegg fra fakultetet: felles digitale verktøy.', {
    x: 40,
    y: 700,
    size: 12,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  });
  return Buffer.from(await pdf.save());
}

describe('input round journey', () => {
  let invitationLink = '';
  const slug = 'uh-digitalisering-2021';

  it('lets the secretariat create a round with a key question, register an actor and invite it', async () => {
    await secretariat.goto(server.setupLink()!);
    await secretariat.getByLabel('Navn').fill('Sara Sekretariat');
    await secretariat.getByLabel('E-postadresse').fill('sara@example.test');
    await secretariat.getByLabel('Passord').fill('a very good password');
    await secretariat.getByRole('button', { name: 'Opprett konto' }).click();
    await secretariat.getByRole('heading', { name: 'Dine strategiprosesser' }).waitFor();

    await secretariat.goto(`${server.url}/p/${slug}/actors`);
    await secretariat.getByRole('heading', { name: 'Aktørregister' }).waitFor();
    await secretariat.getByLabel('Navn', { exact: true }).fill('Universitetet i Testby');
    await secretariat.getByLabel('Organisasjonsnummer').fill('974760673');
    await secretariat.getByLabel('E-postadresser').fill('post@testby.example');
    await secretariat.getByRole('button', { name: 'Legg til aktør' }).click();
    await secretariat.getByRole('cell', { name: 'Universitetet i Testby' }).waitFor();
    await expectNoSeriousA11yViolations(secretariat, 'actor registry');

    await secretariat.goto(`${server.url}/p/${slug}/rounds`);
    await secretariat.getByRole('heading', { name: 'Innspillsrunder', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(secretariat, 'round list');
    await secretariat.getByLabel('Tittel').fill('Innspillsrunde 3');
    await secretariat.getByLabel('Frist').fill('2099-06-01T23:59');
    await secretariat.getByRole('button', { name: 'Ny innspillsrunde' }).click();
    await secretariat.getByRole('heading', { name: 'Innspillsrunde 3', level: 1 }).waitFor();

    await secretariat.getByRole('button', { name: 'Legg til spørsmål' }).click();
    await secretariat.getByRole('textbox', { name: 'Spørsmål 1' }).fill('Hva er de viktigste utfordringene?');
    await secretariat.getByLabel('Obligatorisk').check();
    await secretariat.getByRole('button', { name: 'Lagre spørsmålene' }).click();
    await secretariat.getByText('Lagret.').first().waitFor();
    await secretariat.getByRole('button', { name: 'Åpne runden' }).click();
    await secretariat.getByRole('button', { name: 'Lukk runden' }).waitFor();
    await expectNoSeriousA11yViolations(secretariat, 'round detail');

    await secretariat.getByLabel(/Universitetet i Testby/).check();
    await secretariat.getByRole('button', { name: 'Send invitasjoner' }).click();
    const link = secretariat.getByTestId('invitation-links').getByRole('link');
    await link.waitFor();
    invitationLink = (await link.getAttribute('href')) ?? '';
    expect(invitationLink).toMatch(/\/i\/[\w-]{20,}$/);
  });

  it('lets the secretariat delete a round made by mistake, after asking (axe-clean)', async () => {
    const roundDetailUrl = secretariat.url();
    await secretariat.goto(`${server.url}/p/${slug}/rounds`);
    await secretariat.getByLabel('Tittel').fill('Runde ved en feil');
    await secretariat.getByLabel('Frist').fill('2099-06-01T23:59');
    await secretariat.getByRole('button', { name: 'Ny innspillsrunde' }).click();
    await secretariat.getByRole('heading', { name: 'Runde ved en feil', level: 1 }).waitFor();

    await secretariat.getByRole('button', { name: 'Slett runden …' }).click();
    const question = secretariat.getByRole('heading', { name: 'Vil du slette «Runde ved en feil»?' });
    await question.waitFor();
    expect(await question.evaluate((element) => element === document.activeElement)).toBe(true);
    await expectNoSeriousA11yViolations(secretariat, 'delete round confirmation');
    await secretariat.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await secretariat.getByRole('button', { name: 'Slett runden …' }).click();
    await secretariat.getByRole('button', { name: 'Ja, slett runden' }).click();

    await secretariat.getByRole('heading', { name: 'Innspillsrunder', level: 1 }).waitFor();
    await secretariat.getByText('Runden «Runde ved en feil» er slettet.').waitFor();
    expect(await secretariat.getByRole('cell', { name: 'Runde ved en feil' }).count()).toBe(0);
    await secretariat.getByRole('cell', { name: 'Innspillsrunde 3' }).first().waitFor();
    await secretariat.goto(roundDetailUrl);
    await secretariat.getByRole('button', { name: 'Lukk runden' }).waitFor();
  });

  it('lets the invited respondent answer on a phone, attach a PDF and get a receipt', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    const errors = collectPageErrors(page);
    await page.goto(invitationLink.replace(/^https?:\/\/[^/]+/, server.url));
    await page.getByRole('heading', { name: 'Innspillsrunde 3', level: 1 }).waitFor();
    await page.getByText('Du svarer på vegne av Universitetet i Testby.').waitFor();
    await expectNoSeriousA11yViolations(page, 'respondent form (phone)');

    await page.getByRole('button', { name: 'Send inn' }).click();
    await page.getByRole('link', { name: /Hva er de viktigste utfordringene\?/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'respondent form with errors');

    await page
      .getByRole('textbox', { name: /Hva er de viktigste utfordringene/ })
      .fill('Vi trenger felles digitale verktøy.\n\n- Bedre samarbeid\n- Deling av data');
    await page.getByLabel('E-post').fill('kontakt@testby.example');
    await page.getByLabel('Ja, svaret kan publiseres').check();
    await page
      .getByLabel('Velg fil')
      .setInputFiles({ name: 'vedlegg.pdf', mimeType: 'application/pdf', buffer: await makePdf() });
    await page.getByRole('button', { name: 'Legg ved fil' }).click();
    await page
      .getByText(/vedlegg\.pdf/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Send inn' }).click();
    await page
      .getByRole('heading', { name: 'Takk for innspillet!' })
      .waitFor({ timeout: 10_000 })
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await page.locator('main').innerText()}\n${errors.join('\n')}`);
      });
    const receipt = await page.getByTestId('receipt-code').textContent();
    expect(receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByText('Vi trenger felles digitale verktøy.', { exact: false }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'receipt (phone)');

    await page.reload();
    await page.getByTestId('receipt-code').waitFor();
    expect(await page.getByTestId('receipt-code').textContent()).toBe(receipt);
    // The one 422 is the deliberately empty submit above; anything else (CSP, script errors) fails.
    expect(errors.filter((error) => !error.includes('status of 422'))).toEqual([]);
    await phone.close();
  });

  it('shows the answer in the participation overview', async () => {
    await secretariat.reload();
    const participants = secretariat.getByTestId('participants');
    await participants.getByRole('cell', { name: 'Universitetet i Testby' }).waitFor();
    const totals = await secretariat.getByTestId('participation-totals').textContent();
    expect(totals).toContain('Inviterte som har svart1');
    await expectNoSeriousA11yViolations(secretariat, 'participation');
  });

  it('lets the secretariat open the list of answers and one answer in full (axe-clean)', async () => {
    const roundDetailUrl = secretariat.url();
    await secretariat.getByRole('link', { name: 'Se alle svar' }).click();
    await secretariat.getByRole('heading', { name: /^Svar i runde \d+$/, level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(secretariat, 'submission list');
    await secretariat
      .getByTestId('submission-list')
      .getByRole('link', { name: 'Universitetet i Testby' })
      .click();
    await secretariat.getByRole('heading', { name: 'Universitetet i Testby', level: 1 }).waitFor();
    await secretariat.getByText('kontakt@testby.example').waitFor();
    await secretariat.getByText('Vi trenger felles digitale verktøy.', { exact: false }).first().waitFor();
    await secretariat.getByTestId('submission-attachments').getByText('vedlegg.pdf').waitFor();
    const segments = secretariat.getByText(/^Tekstsegmenter \(\d+\)$/).first();
    await segments.click();
    await secretariat.getByText('Bedre samarbeid', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(secretariat, 'submission detail');
    await secretariat.goto(roundDetailUrl);
    await secretariat.getByRole('button', { name: 'Lukk runden' }).waitFor();
  });

  it('lands a public respondent whose first "Lagre utkast" answer was lost on one draft, with its link', async () => {
    const publicLink = await secretariat.getByRole('link', { name: /\/r\// }).getAttribute('href');
    const context = await browser.newContext();
    const page = await context.newPage();
    const saves: { isRepeat: boolean; token: string | null }[] = [];
    let isDroppingNext = true;
    await page.route('**/api/public/rounds/*/responses', async (route) => {
      const response = await route.fetch();
      saves.push((await response.json()) as { isRepeat: boolean; token: string | null });
      if (isDroppingNext) {
        // The server saved the draft; its answer never reaches the browser (a dropped connection).
        isDroppingNext = false;
        await route.abort('connectionreset');
      } else await route.fulfill({ response });
    });
    await page.goto(publicLink!.replace(/^https?:\/\/[^/]+/, server.url));
    await page
      .getByRole('textbox', { name: /Hva er de viktigste utfordringene/ })
      .fill('Utkast som ble lagret to ganger.');
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Noe gikk galt', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.waitForURL(/\/i\/[\w-]{43}$/);
    expect(saves.map((save) => save.isRepeat)).toEqual([false, true]);
    expect(saves[1]!.token).toBe(saves[0]!.token);
    expect(new URL(page.url()).pathname).toBe(`/i/${saves[0]!.token}`);
    await page.getByRole('textbox', { name: /Hva er de viktigste utfordringene/ }).waitFor();
    expect(await page.getByRole('textbox', { name: /Hva er de viktigste utfordringene/ }).inputValue()).toBe(
      'Utkast som ble lagret to ganger.',
    );
    await context.close();
  });

  it('keeps a submission whose receipt was shown even when the server is killed right after answering', async () => {
    const publicLink = await secretariat.getByRole('link', { name: /\/r\// }).getAttribute('href');
    const roundId = publicLink!.split('/r/')[1]!;
    const round = (await (await fetch(`${server.url}/api/public/rounds/${roundId}`)).json()) as {
      round: { questions: { id: string }[] };
    };
    const response = await fetch(`${server.url}/api/public/rounds/${roundId}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        shouldSubmit: true,
        idempotencyKey: 'durability-check-1',
        answers: [{ questionId: round.round.questions[0]!.id, text: 'Svar før krasj.' }],
      }),
    });
    const receipt = ((await response.json()) as { receiptCode: string }).receiptCode;
    expect(receipt).toMatch(/^[0-9A-Z]{4}-/);
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    process.kill(-server.child.pid!, 'SIGKILL');
    await exited;
    const reopened = await openDatabase({ pgliteDirectory: join(server.dataFolder, 'db') });
    try {
      const rows = (await reopened.db.execute(
        sql`select status from submissions where receipt_code = ${receipt}`,
      )) as unknown as { rows: { status: string }[] };
      expect(rows.rows).toEqual([{ status: 'submitted' }]);
    } finally {
      await reopened.close();
    }
  });
});
