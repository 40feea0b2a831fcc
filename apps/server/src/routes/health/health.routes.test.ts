import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app.ts';

let sut: TestApp;
beforeAll(async () => {
  sut = await buildTestApp();
});
afterAll(async () => {
  await sut.close();
});

describe('system routes', () => {
  it('reports health with the database kind', async () => {
    const response = await sut.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: sut.database.kind, version: 'test' });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await sut.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const response = await sut.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    for (const route of sut.routes.filter((r) => r.url !== '/api/openapi.json')) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(document.paths, `${route.method} ${route.url}`).toHaveProperty([path]);
    }
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const response = await sut.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('declares access for every API route', () => {
    expect(sut.routes.length).toBeGreaterThan(5);
    for (const route of sut.routes) {
      expect(['public', 'authenticated', 'process', 'admin']).toContain(route.access);
    }
  });
});
