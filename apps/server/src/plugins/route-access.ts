import type { FastifyInstance } from 'fastify';

/**
 * Every API route declares who may call it, in `config.access`. The use-case still decides
 * (policies in core); this declaration is what the authorisation matrix test and the OpenAPI
 * document read. Registering an /api route without it is an error at start-up.
 *
 * - `public`: anyone, no session needed (health, sign-in, public round pages)
 * - `authenticated`: any signed-in user (their own account)
 * - `process`: signed-in members of the process in the URL, with the role the use-case requires
 * - `admin`: instance administrators
 */
export type RouteAccess = 'public' | 'authenticated' | 'process' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

export function trackRouteAccess(app: FastifyInstance, registry: RegisteredRoute[]): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const access = route.config?.access;
    if (!access) {
      throw new Error(`Route ${String(route.method)} ${route.url} has no config.access declaration.`);
    }
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      registry.push({ method, url: route.url, access });
    }
  });
}
