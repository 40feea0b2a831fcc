import { useEffect, type RefObject } from 'react';

/** "<page> – <process> – Innspill"; a part that is missing, or repeats the one before, is left out. */
export function composeDocumentTitle(parts: (string | undefined)[]): string {
  const kept: string[] = [];
  for (const part of parts) {
    const text = part?.replace(/\s+/g, ' ').trim();
    if (text && text !== kept.at(-1)) kept.push(text);
  }
  return kept.join(' – ');
}

/**
 * Keeps `document.title` in step with the page (WCAG 2.4.2): the main landmark's `h1`, then the
 * process title and the app name. Every page has one `h1`, so every page (error and not-found
 * pages too) gets a descriptive title without code of its own; the title follows the heading when
 * a page finishes loading, on navigation and on a language switch.
 */
export function useDocumentTitle(
  main: RefObject<HTMLElement | null>,
  processTitle: string | undefined,
  appName: string,
): void {
  useEffect(() => {
    const element = main.current;
    if (!element) return;
    const update = () => {
      const heading = element.querySelector('h1')?.textContent ?? undefined;
      const title = composeDocumentTitle([heading, processTitle, appName]);
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(element, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, [main, processTitle, appName]);
}
