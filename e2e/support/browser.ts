import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';

export const chromiumPath = process.env.INNSPILL_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. A missing browser is an error, never a skip: install it with
 * `apt-get install -y chromium` (the CI script does).
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}. Install it with: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Pages scanned so far, with the number of serious/critical violations (printed by the suites). */
export const scannedPages: { label: string; violations: number }[] = [];

/**
 * Runs axe (WCAG 2.0 A/AA and 2.1 AA) on the page and fails on any serious or critical violation,
 * listing them so the failure says what to fix.
 */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  scannedPages.push({ label, violations: serious.length });
  const described = serious.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
  expect(described, `axe on ${label}`).toEqual([]);
}

/** Collects console errors and failed requests (CSP violations show up here). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
