import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startInnspill, type StartedServer } from './support/server.ts';
import { collectPageErrors, expectNoSeriousA11yViolations, launchBrowser } from './support/browser.ts';

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startInnspill({ command: 'npm-start' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('npm start on an empty data folder', () => {
  it('serves health, the web app, and prints a one-time administrator link', async () => {
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    expect(server.output()).toContain('Loaded the example workspace');
    expect(server.setupLink()).toMatch(/\/setup\/[\w-]{20,}$/);
  });

  it('refuses a second server on the same data folder with a clear message', async () => {
    const second = startInnspill({ command: 'bin', dataFolder: server.dataFolder });
    await expect(second).rejects.toThrow(/in use by another Innspill process/);
  });
});

describe('first administrator journey in Chromium', () => {
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  it('creates the admin through the link, signs out and in, switches language and opens the example process', async () => {
    const setupLink = server.setupLink();
    expect(setupLink).toBeDefined();
    await page.goto(setupLink!);
    await page.getByRole('heading', { name: 'Opprett den første administratoren' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
    await expectNoSeriousA11yViolations(page, 'setup');
    await page.getByLabel('Navn').fill('Ada Admin');
    await page.getByLabel('E-postadresse').fill('ada@example.test');
    await page.getByLabel('Passord').fill('a very good password');
    await page.getByRole('button', { name: 'Opprett konto' }).click();
    await page.getByRole('heading', { name: 'Dine strategiprosesser' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'home');

    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { name: 'Velkommen til Innspill' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'welcome');
    await page.getByRole('main').getByRole('link', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Logg inn' }).waitFor();
    await page.getByLabel('E-postadresse').fill('ada@example.test');
    await page.getByLabel('Passord').fill('wrong password!');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('alert').filter({ hasText: 'E-postadressen eller passordet er feil.' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'sign-in with error');
    await page.getByLabel('Passord').fill('a very good password');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Dine strategiprosesser' }).waitFor();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Your strategy processes' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page
      .getByRole('main')
      .getByRole('link', { name: /digitali[sz]ation strategy/i })
      .click();
    await page.getByRole('heading', { level: 2, name: 'Mandate' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Areas of the process' }).count()).toBe(1);
    const roundRows = page.getByRole('table').nth(1).getByRole('row');
    expect(await roundRows.count()).toBe(3);
    await expectNoSeriousA11yViolations(page, 'process overview (en)');

    await page.getByRole('button', { name: 'Bytt til norsk' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mandat' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'process overview (nb)');

    await page
      .getByRole('navigation', { name: 'Områder i prosessen' })
      .getByRole('link', { name: 'Endringslogg' })
      .click();
    await page.getByRole('heading', { name: 'Endringslogg' }).waitFor();
    await page.getByRole('cell', { name: 'demo.loaded' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'audit log');
    // every page has its own title (WCAG 2.4.2): "<page> – <process> – Innspill"
    await page.waitForFunction(() => document.title.startsWith('Endringslogg'));
    expect(await page.title()).toMatch(/^Endringslogg – .*digitali.* – Innspill$/i);

    await page.getByRole('link', { name: 'Ada Admin' }).click();
    await page.getByRole('heading', { name: 'Min konto' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'account');
    await page.waitForFunction(() => document.title.startsWith('Min konto'));
    expect(await page.title()).toBe('Min konto – Innspill');
    // The one 401 is the deliberately wrong password above; anything else (CSP, script errors) fails.
    expect(pageErrors.filter((error) => !error.includes('status of 401'))).toEqual([]);
  });

  it('reaches the main content by keyboard with a visible focus indicator', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('heading', { name: 'Dine strategiprosesser' }).waitFor();
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Hopp til hovedinnhold');
    const outline = await focused.evaluate(
      (element) => getComputedStyle(element).outlineStyle + ' ' + getComputedStyle(element).outlineWidth,
    );
    expect(outline).not.toMatch(/^none/);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});
