import type { FastifyRequest } from 'fastify';

/** The reader's locale: `?lang=` first, then Accept-Language; bokmål by default. */
export function requestLocale(request: FastifyRequest): 'nb' | 'en' {
  const query = request.query as Record<string, unknown> | undefined;
  const asked = typeof query?.lang === 'string' ? query.lang : undefined;
  if (asked === 'en' || asked === 'nb') return asked;
  const header = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(header) ? 'en' : 'nb';
}
