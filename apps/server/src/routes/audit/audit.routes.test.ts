import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, systemActor } from '@innspill/core';
import { buildTestApp, type TestApp } from '../../testing/build-test-app.ts';

let sut: TestApp;
const slug = demo.demoProcessSlug;
beforeAll(async () => {
  sut = await buildTestApp();
  await demo.loadDemoWorkspace(sut.db, systemActor('test'));
});
afterAll(async () => {
  await sut.close();
});

async function grant(adminHeaders: Record<string, string>, email: string, role: string) {
  const response = await sut.app.inject({
    method: 'PUT',
    url: `/api/processes/${slug}/members`,
    headers: adminHeaders,
    payload: { email, role },
  });
  expect(response.statusCode).toBe(200);
}

describe('audit log routes', () => {
  it('shows who changed what to the secretariat, filterable, and refuses other roles', async () => {
    const admin = await sut.signInNewUser({ isInstanceAdmin: true });
    const secretary = await sut.signInNewUser();
    const observer = await sut.signInNewUser();
    await grant(admin.headers, secretary.email, 'secretariat');
    await grant(admin.headers, observer.email, 'observer');

    const all = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/audit`,
      headers: { cookie: secretary.cookie },
    });
    expect(all.statusCode).toBe(200);
    const events = all.json<{
      events: { action: string; user: { email: string } | null; detail: Record<string, unknown> }[];
    }>().events;
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['membership.changed', 'demo.loaded']),
    );
    const change = events.find((event) => event.action === 'membership.changed');
    expect(change?.user?.email).toBe(admin.email);
    expect(change?.detail).toMatchObject({ after: 'observer' });

    const filtered = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/audit?action=demo.loaded`,
      headers: { cookie: secretary.cookie },
    });
    expect(filtered.json<{ events: { action: string }[] }>().events.map((event) => event.action)).toEqual([
      'demo.loaded',
    ]);
    const future = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/audit?from=2999-01-01`,
      headers: { cookie: secretary.cookie },
    });
    expect(future.json<{ events: unknown[] }>().events).toEqual([]);

    const denied = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/audit`,
      headers: { cookie: observer.cookie },
    });
    expect(denied.statusCode).toBe(403);
    const instanceWide = await sut.app.inject({
      method: 'GET',
      url: '/api/admin/audit',
      headers: { cookie: secretary.cookie },
    });
    expect(instanceWide.statusCode).toBe(403);
    const asAdmin = await sut.app.inject({
      method: 'GET',
      url: '/api/admin/audit?actionPrefix=user.',
      headers: { cookie: admin.cookie },
    });
    expect(
      asAdmin
        .json<{ events: { action: string }[] }>()
        .events.every((event) => event.action.startsWith('user.')),
    ).toBe(true);
  });

  it('offers no route that changes or deletes audit entries', () => {
    const writes = sut.routes.filter((route) => route.url.includes('audit') && route.method !== 'GET');
    expect(writes).toEqual([]);
  });
});
