import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startInnspill, type StartedServer } from './support/server.ts';
import { collectPageErrors, expectNoSeriousA11yViolations, launchBrowser } from './support/browser.ts';

let server: StartedServer;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  server = await startInnspill({ command: 'npm-start' });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
  // the first administrator, through the one-time link the server printed
  await page.goto(server.setupLink()!);
  await page.getByLabel('Navn').fill('Sara Sekretariat');
  await page.getByLabel('E-postadresse').fill('sara@example.test');
  await page.getByLabel('Passord').fill('a very good password');
  await page.getByRole('button', { name: 'Opprett konto' }).click();
  await page.getByRole('heading', { name: 'Dine strategiprosesser' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('strategy journey in Chromium', () => {
  it('opens the example process and sees where it stands', async () => {
    await page
      .getByRole('main')
      .getByRole('link', { name: /Ny digitaliseringsstrategi/ })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Hvor står prosessen?' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'process overview with status');

    // the secretariat edits the process: a mandate bullet, a deliverable and a new body
    await page.getByRole('button', { name: 'Rediger prosessen' }).click();
    const texts = page.getByRole('form', { name: 'Tekster om prosessen' });
    await texts.getByLabel('Mandat', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'process overview (editing)');
    const mandate = texts.getByLabel('Mandat', { exact: true });
    await mandate.fill(`${await mandate.inputValue()}\nForankre strategien i sektoren`);
    await texts.getByRole('button', { name: 'Lagre tekstene' }).click();
    await page
      .locator('section[aria-labelledby="mandate-heading"]')
      .getByText('Forankre strategien i sektoren')
      .waitFor();
    const addDeliverable = page.getByRole('form', { name: 'Legg til leveranse' });
    await addDeliverable.getByLabel('Leveranse').fill('Handlingsplan');
    await addDeliverable.getByLabel('Mottaker').fill('Kunnskapsdepartementet');
    await addDeliverable.getByLabel('Dato').fill('2021-06-01');
    await addDeliverable.getByRole('button', { name: 'Legg til leveranse' }).click();
    await page.getByRole('form', { name: 'Leveranse: Handlingsplan' }).waitFor();
    // deleting asks first, in the row itself
    const plan = page.getByRole('form', { name: 'Leveranse: Handlingsplan' });
    await plan.getByRole('button', { name: 'Slett Handlingsplan' }).click();
    await plan.getByText('Slette «Handlingsplan»? Det kan ikke angres.').waitFor();
    await expectNoSeriousA11yViolations(page, 'process editor (asking before a delete)');
    await plan.getByRole('button', { name: 'Ja, slett' }).click();
    await plan.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Leveranser');
    const addBody = page.getByRole('form', { name: 'Legg til organ' });
    await addBody.getByLabel('Navn på organet').fill('Studentrådet');
    await addBody.getByRole('button', { name: 'Legg til organ' }).click();
    await page.locator('section[aria-labelledby="bodies-heading"]').getByText('Studentrådet').waitFor();
    await page.getByRole('button', { name: 'Ferdig med redigering' }).click();
    await page
      .getByRole('navigation', { name: 'Områder i prosessen' })
      .getByRole('link', { name: 'Tidslinje' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Tidslinje' }).waitFor();
    expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(4);
    await expectNoSeriousA11yViolations(page, 'timeline');
    // the secretariat logs a status report to a board
    const form = page.getByRole('form', { name: 'Før inn involvering' });
    await form.getByLabel('Dato').fill('2020-10-20');
    await form.getByLabel('Type').selectOption('status_report');
    await form.getByLabel('Organ').selectOption({ label: 'Digitaliseringsstyret' });
    await form.getByLabel('Detaljer').fill('Status for strategiarbeidet');
    await form.getByRole('button', { name: 'Før inn' }).click();
    await page.getByRole('table').getByRole('cell', { name: 'Status for strategiarbeidet' }).waitFor();
    await page.getByRole('table').getByRole('cell', { name: 'Involvering: Statusrapport' }).waitFor();
  });

  it('opens theme 2, edits a bullet, moves it and sees both changes in the history', async () => {
    await page
      .getByRole('navigation', { name: 'Områder i prosessen' })
      .getByRole('link', { name: 'Strategi' })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Overordnede målsetninger' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'strategy overview');
    await page.getByRole('button', { name: 'Rediger målsetningene og temaene' }).click();
    await page.getByLabel('Ingress').waitFor();
    await expectNoSeriousA11yViolations(page, 'strategy overview (editing goals)');
    // the structure: one more area next to the pillars
    const structureForm = page.getByRole('form', { name: 'Rediger strukturen' });
    const areas = structureForm.getByLabel('Andre områder', { exact: true });
    await areas.fill(`${await areas.inputValue()}\nInternasjonalisering`);
    await structureForm.getByRole('button', { name: 'Lagre strukturen' }).click();
    await page
      .locator('section[aria-labelledby="structure-heading"] li', { hasText: 'Internasjonalisering' })
      .waitFor();
    await page.getByRole('button', { name: 'Ferdig med redigering' }).click();
    await page.getByRole('link', { name: 'Tema 2: Digital kompetanse i alle fag' }).click();
    await page.getByRole('heading', { level: 1, name: /Digital kompetanse i alle fag/ }).waitFor();
    await page.getByRole('table').getByRole('columnheader', { name: 'Individ' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'canvas (read)');

    await page.getByRole('button', { name: 'Rediger', exact: true }).click();
    const challenges = page.locator('section[aria-labelledby="challenges-heading"] li.statement');
    expect(await challenges.count()).toBe(4);
    const firstText = (await challenges.first().locator('.statement__text').textContent()) ?? '';
    await page.getByRole('button', { name: `Rediger punkt: ${firstText}` }).click();
    await page.getByLabel('Tekst').fill('Studenter og ansatte mangler digital kompetanse i mange fag.');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await challenges
      .first()
      .getByText('Studenter og ansatte mangler digital kompetanse i mange fag.')
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'canvas (editing)');

    // keyboard alternative to dragging: focus "move down" and press Enter
    const moveDown = page.getByRole('button', {
      name: 'Flytt ned: Studenter og ansatte mangler digital kompetanse i mange fag.',
    });
    await moveDown.focus();
    await page.keyboard.press('Enter');
    await challenges
      .nth(1)
      .getByText('Studenter og ansatte mangler digital kompetanse i mange fag.')
      .waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Flyttet til plass 2 av 4.' })
      .waitFor({ state: 'attached' });
    // focus stays on the moved bullet's controls
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(
      /^Flytt (ned|opp): Studenter og ansatte/,
    );

    // drag and drop: the last challenge onto the first one takes its place
    const lastText = (await challenges.nth(3).locator('.statement__text').textContent()) ?? '';
    await challenges.nth(3).locator('.statement__handle').dragTo(challenges.nth(0));
    await challenges.nth(0).getByText(lastText, { exact: true }).waitFor();
    await challenges
      .nth(2)
      .getByText('Studenter og ansatte mangler digital kompetanse i mange fag.')
      .waitFor();

    await page.getByRole('link', { name: 'Historikk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Historikk: Digital kompetanse i alle fag' }).waitFor();
    await page.locator('.revision', { hasText: 'Plass 1 → 2 (Utfordringer)' }).waitFor();
    const edited = page.locator('.revision', { has: page.locator('ins', { hasText: 'mange' }) });
    await edited.first().waitFor();
    expect(await edited.first().locator('del').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page, 'history');
  });

  it('switches to English and reads the canvas in English', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: /^History: / }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page
      .getByRole('link', { name: /competence/i })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /Theme 2: .*competence/i }).waitFor();
    await page.getByRole('table').getByRole('columnheader', { name: 'Institution' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'canvas in English');
    expect(pageErrors).toEqual([]);
  });

  it('opens an old bookmark by theme number and reads that canvas at 320 px without sideways scrolling', async () => {
    const processPath = new URL(page.url()).pathname.replace(/\/strategy\/.*$/, '');
    await page.setViewportSize({ width: 320, height: 900 });
    // theme 1 has the longest word in a title ("kunnskapssøkende" / "knowledge-seekers")
    await page.goto(`${server.url}${processPath}/strategy/themes/1`);
    await page.waitForURL(/\/strategy\/themes\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /^(Theme|Tema) 1: / }).waitFor();
    await page
      .getByRole('table')
      .getByRole('columnheader', { name: /^(Society|Samfunn)$/ })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // the two-dimensional breakdown table scrolls inside its own region, which the keyboard reaches
    const region = page.getByRole('region', { name: /^(Breakdown|Nedbryting)$/ });
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await region.getAttribute('tabindex')).toBe('0');
    await expectNoSeriousA11yViolations(page, 'canvas at 320 px');
    await page.setViewportSize({ width: 1400, height: 1000 });
    expect(pageErrors).toEqual([]);
  });
});
