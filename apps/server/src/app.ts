import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import helmet from 'helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { createRouteDependencies, type AppDependencies } from './app-context.ts';
import { registerAuthentication } from './plugins/authentication.ts';
import { registerErrorHandler } from './plugins/error-handler.ts';
import { trackRouteAccess, type RegisteredRoute } from './plugins/route-access.ts';
import { registerRoutes } from './routes/index.ts';
import { publicFormRoutes } from './public-form/public-form.routes.ts';
import { plainFormPathFor, spaIndexWithNoscript } from './public-form/spa-fallback.ts';

export interface BuiltApp {
  app: FastifyInstance;
  /** Every /api route with its declared access: read by the authorisation matrix test. */
  routes: RegisteredRoute[];
}

/** Assembles the HTTP server; never listens (conventions §7). */
export async function buildApp(deps: AppDependencies): Promise<BuiltApp> {
  const app = Fastify({
    logger:
      deps.config.logLevel === 'silent'
        ? false
        : {
            level: deps.config.logLevel,
            redact: [
              'req.headers.cookie',
              'req.headers.authorization',
              'req.headers["x-csrf-token"]',
              'res.headers["set-cookie"]',
            ],
          },
    trustProxy: deps.config.isBehindProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API takes JSON (and multipart uploads) only: plain text bodies are refused with 415.
  app.removeContentTypeParser('text/plain');

  const routes: RegisteredRoute[] = [];
  trackRouteAccess(app, routes);
  registerErrorHandler(app);

  await app.register(fastifyCookie, { secret: deps.cookieSecret });
  // Security headers (CSP, HSTS behind https, nosniff, frame-ancestors, referrer policy…), built
  // once: @fastify/helmet rebuilt the whole helmet middleware, CSP parsing included, on every request.
  const applySecurityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: deps.config.isSecureCookies ? [] : null,
      },
    },
    strictTransportSecurity: deps.config.isSecureCookies,
  });
  app.addHook('onRequest', (request, reply, done) => {
    applySecurityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, {
    limits: { fileSize: deps.config.maxUploadBytes, files: 200, fields: 20, fieldSize: 100_000, parts: 250 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Innspill API', version: deps.version, description: 'Participatory strategy processes' },
    },
    transform: jsonSchemaTransform,
  });
  registerAuthentication(app, deps.db);
  // The file store, respondent dependencies and rate limits every route shares, built once.
  const routeDeps = createRouteDependencies(deps);
  await registerRoutes(app, routeDeps);
  // Server-rendered respondent forms for browsers without JavaScript (outside /api: form bodies).
  await app.register(publicFormRoutes(routeDeps));

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  const hasWebApp = deps.webRoot !== undefined && existsSync(deps.webRoot);
  if (hasWebApp) {
    await app.register(fastifyStatic, { root: deps.webRoot!, wildcard: false, index: ['index.html'] });
  }
  // Unknown /api routes get a JSON 404; any other GET is a page of the single-page app.
  app.setNotFoundHandler((request, reply) => {
    if (hasWebApp && request.method === 'GET' && !request.url.startsWith('/api')) {
      // A respondent's page gets a <noscript> link to its plain form.
      const plainPath = plainFormPathFor(request.url);
      if (plainPath) {
        return reply.type('text/html; charset=utf-8').send(spaIndexWithNoscript(deps.webRoot!, plainPath));
      }
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'not_found', message: `No API route ${request.method} ${request.url.split('?')[0]}.` },
    });
  });
  await app.ready();
  return { app, routes };
}
