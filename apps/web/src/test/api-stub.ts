import { vi } from 'vitest';

/** A fake server for component tests: `route()` answers a method and path; anything else is a 404. */
export interface ApiStub {
  route: (
    method: string,
    path: RegExp,
    handle: (body: unknown) => { status: number; body?: unknown },
  ) => void;
  calls: { method: string; path: string; body: unknown }[];
}

// jsdom has no Web Animations API, which Designsystemet's spinner, error summary and selects touch.
const documentWithAnimations = document as unknown as { getAnimations?: () => unknown[] };
documentWithAnimations.getAnimations ??= () => [];

/** Stubs `fetch` (call in `beforeEach`; `vi.unstubAllGlobals()` in `afterEach`). Signed out by default. */
export function stubApi(): ApiStub {
  const routes: {
    method: string;
    path: RegExp;
    handle: (body: unknown) => { status: number; body?: unknown };
  }[] = [];
  const calls: ApiStub['calls'] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const path = String(input);
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : init?.body;
      calls.push({ method, path, body });
      const found = [...routes]
        .reverse()
        .find((candidate) => candidate.method === method && candidate.path.test(path));
      const answer = found ? found.handle(body) : { status: 404, body: undefined };
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return { route: (method, path, handle) => routes.push({ method, path, handle }), calls };
}

/** The server's error body: `{ error: { code, message, fields? } }`. */
export const apiErrorBody = (code: string, message: string, fields?: Record<string, string>) => ({
  error: { code, message, ...(fields ? { fields } : {}) },
});
