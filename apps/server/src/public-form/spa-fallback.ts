import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from './html.ts';

/**
 * The plain page for an SPA path a respondent opens: `/r/:roundId` → `/svar/r/:roundId`,
 * `/i/:token` → `/svar/i/:token`. Undefined for every other path. The ids are checked against
 * their shapes, so nothing from the URL reaches the HTML unchecked.
 */
export function plainFormPathFor(url: string): string | undefined {
  const path = url.split('?')[0] ?? '';
  const round = /^\/r\/([0-9a-f-]{36})\/?$/i.exec(path);
  if (round) return `/svar/r/${round[1]}`;
  const link = /^\/i\/([A-Za-z0-9_-]{20,200})\/?$/.exec(path);
  if (link) return `/svar/i/${link[1]}`;
  return undefined;
}

/**
 * The SPA's index.html with a `<noscript>` block at the top of the body linking to the plain form:
 * with JavaScript off the respondent sees the link instead of an empty page. No script and no
 * inline style is added, so the strict CSP is unchanged.
 */
export function withNoscriptLink(indexHtml: string, plainPath: string): string {
  const href = escapeHtml(plainPath);
  const block =
    `<noscript><div class="noscript-fallback">` +
    `<p>Denne siden trenger JavaScript. <a href="${href}">Svar i det enkle skjemaet, som virker uten JavaScript</a>.</p>` +
    `<p lang="en">This page needs JavaScript. <a href="${href}?lang=en">Answer in the simple form, which works without JavaScript</a>.</p>` +
    `</div></noscript>`;
  const bodyOpen = /<body[^>]*>/i.exec(indexHtml);
  if (!bodyOpen) return `${block}${indexHtml}`;
  const at = bodyOpen.index + bodyOpen[0].length;
  return `${indexHtml.slice(0, at)}\n${block}${indexHtml.slice(at)}`;
}

/** Reads the built index.html (small; read per request so a rebuilt web app is picked up). */
export function spaIndexWithNoscript(webRoot: string, plainPath: string): string {
  return withNoscriptLink(readFileSync(join(webRoot, 'index.html'), 'utf8'), plainPath);
}
