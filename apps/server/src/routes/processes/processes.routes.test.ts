import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, systemActor } from '@innspill/core';
import { buildTestApp, type TestApp } from '../../testing/build-test-app.ts';

let sut: TestApp;
beforeAll(async () => {
  sut = await buildTestApp();
  await demo.loadDemoWorkspace(sut.db, systemActor('test'));
});
afterAll(async () => {
  await sut.close();
});

const slug = demo.demoProcessSlug;

describe('process routes', () => {
  it('shows the example process to an administrator, in bokmål and in English', async () => {
    const admin = await sut.signInNewUser({ isInstanceAdmin: true });
    const list = await sut.app.inject({
      method: 'GET',
      url: '/api/processes',
      headers: { cookie: admin.cookie },
    });
    expect(list.json<{ processes: { slug: string }[] }>().processes.map((p) => p.slug)).toContain(slug);

    const nb = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}`,
      headers: { cookie: admin.cookie },
    });
    expect(nb.statusCode).toBe(200);
    const overview = nb.json<{
      title: string;
      mandate: string[];
      milestones: unknown[];
      rounds: { deadline: string }[];
    }>();
    expect(overview.title).toBe('Ny digitaliseringsstrategi for universitetene og høyskolene');
    expect(overview.mandate).toHaveLength(6);
    expect(overview.milestones).toHaveLength(4);
    expect(overview.rounds.map((r) => r.deadline)).toEqual([
      '2020-05-11T21:59:00.000Z',
      '2020-09-15T21:59:00.000Z',
    ]);

    const en = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}?lang=en`,
      headers: { cookie: admin.cookie },
    });
    expect(en.json<{ title: string }>().title).not.toBe(overview.title);
    expect(en.json<{ title: string }>().title).toMatch(/digitali[sz]ation strategy/i);
  });

  it('hides a process from signed-in non-members (404) and anonymous callers (401)', async () => {
    const outsider = await sut.signInNewUser();
    const response = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}`,
      headers: { cookie: outsider.cookie },
    });
    expect(response.statusCode).toBe(404);
    const missing = await sut.app.inject({
      method: 'GET',
      url: '/api/processes/no-such-process',
      headers: { cookie: outsider.cookie },
    });
    expect(missing.body).toBe(response.body);
    const list = await sut.app.inject({
      method: 'GET',
      url: '/api/processes',
      headers: { cookie: outsider.cookie },
    });
    expect(list.json<{ processes: unknown[] }>().processes).toEqual([]);
    const anonymous = await sut.app.inject({ method: 'GET', url: `/api/processes/${slug}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('lets the owner give roles, and a member with a role read but not manage', async () => {
    const admin = await sut.signInNewUser({ isInstanceAdmin: true });
    const member = await sut.signInNewUser();
    const granted = await sut.app.inject({
      method: 'PUT',
      url: `/api/processes/${slug}/members`,
      headers: admin.headers,
      payload: { email: member.email, role: 'observer' },
    });
    expect(granted.statusCode).toBe(200);
    const read = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}`,
      headers: { cookie: member.cookie },
    });
    expect(read.statusCode).toBe(200);
    expect(read.json<{ myRole: string; canEdit: boolean }>()).toMatchObject({
      myRole: 'observer',
      canEdit: false,
    });
    const escalate = await sut.app.inject({
      method: 'PUT',
      url: `/api/processes/${slug}/members`,
      headers: member.headers,
      payload: { email: member.email, role: 'owner' },
    });
    expect(escalate.statusCode).toBe(403);
  });

  it('creates a process for an administrator and rejects a taken slug with 409', async () => {
    const admin = await sut.signInNewUser({ isInstanceAdmin: true });
    const created = await sut.app.inject({
      method: 'POST',
      url: '/api/processes',
      headers: admin.headers,
      payload: { title: 'Ny strategi for forskning' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<{ slug: string }>().slug).toBe('ny-strategi-for-forskning');
    const again = await sut.app.inject({
      method: 'POST',
      url: '/api/processes',
      headers: admin.headers,
      payload: { title: 'Ny strategi for forskning' },
    });
    expect(again.statusCode).toBe(409);
  });
});
