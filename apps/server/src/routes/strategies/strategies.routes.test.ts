import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { accounts } from '@innspill/core';
import { randomUUID } from 'node:crypto';
import { demo, osloCalendarDate, processes, strategies, systemActor } from '@innspill/core';
import type {
  CanvasResponse,
  ProcessOverview,
  RevisionList,
  StrategyOverview,
  Timeline,
} from '@innspill/contracts';
import { buildTestApp, type TestApp, type TestSession } from '../../testing/build-test-app.ts';

const slug = demo.demoProcessSlug;
let sut: TestApp;
let editor: TestSession;
let reviewer: TestSession;

async function member(role: accounts.MembershipRole): Promise<TestSession> {
  const session = await sut.signInNewUser();
  await processes.setProcessMembership(sut.db, systemActor('test'), { slug, email: session.email, role });
  return session;
}

beforeAll(async () => {
  sut = await buildTestApp();
  await demo.loadDemoWorkspace(sut.db, systemActor('test'));
  editor = await member('secretariat');
  reviewer = await member('reviewer');
});
afterAll(async () => sut?.close());

/** Themes are addressed by id: the id of the strategic theme that has `number` now. */
async function themeId(number: number): Promise<string> {
  const overview = await strategies.getStrategyOverview(sut.db, systemActor('test'), slug);
  const theme = overview.themes.find((entry) => entry.theme.number === number)?.theme;
  if (!theme) throw new Error(`no theme ${number}`);
  return theme.id;
}

describe('strategy routes', () => {
  it('shows the strategy overview with goals and six themes, in both languages', async () => {
    const nb = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/strategy`,
      headers: { cookie: reviewer.cookie },
    });
    expect(nb.statusCode).toBe(200);
    const body = nb.json<StrategyOverview>();
    expect(body.goals).toHaveLength(4);
    expect(body.themes.map((theme) => theme.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(body.themes[1]).toMatchObject({
      title: 'Digital kompetanse i alle fag',
      counts: { challenges: 4, opportunities: 8, prerequisites: 7, keywords: 8 },
    });
    expect(body.structure.dimensions.map((d) => d.name)).toEqual([
      'Utfordringer',
      'Muligheter',
      'Forutsetninger',
      'Målbilder',
    ]);
    expect(body.canEdit).toBe(false);
    const en = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/strategy?lang=en`,
      headers: { cookie: reviewer.cookie },
    });
    expect(en.json<StrategyOverview>().themes[1]?.title).toMatch(/digital competence/i);
    expect(en.json<StrategyOverview>().structure.dimensions[0]?.name).toBe('Challenges');
  });

  it('shows a canvas, and in English shows translations with the original alongside', async () => {
    const response = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/themes/${await themeId(2)}?lang=en`,
      headers: { cookie: reviewer.cookie },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<CanvasResponse>();
    const challenge = body.statements.find((statement) => statement.section === 'challenge')!;
    expect(challenge.originalText).not.toBeNull();
    expect(challenge.text).not.toBe(challenge.originalText);
    expect(challenge.evidenceCount).toBe(0);
    expect(body).toMatchObject({
      previousThemeNumber: 1,
      nextThemeNumber: 3,
      permissions: { canEdit: false, canComment: true },
    });
    const missing = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/themes/${randomUUID()}`,
      headers: { cookie: reviewer.cookie },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('lets the secretariat add, edit, move and delete statements; history and restore follow', async () => {
    const url = `/api/processes/${slug}/themes/${await themeId(2)}`;
    const added = await sut.app.inject({
      method: 'POST',
      url: `${url}/statements`,
      headers: editor.headers,
      payload: { section: 'challenge', text: 'Ny utfordring', position: 0 },
    });
    expect(added.statusCode).toBe(201);
    const created = added.json<CanvasResponse>().statements.find((s) => s.text === 'Ny utfordring')!;
    expect(created.position).toBe(0);

    const edited = await sut.app.inject({
      method: 'PATCH',
      url: `${url}/statements/${created.id}`,
      headers: editor.headers,
      payload: { text: 'Endret utfordring' },
    });
    expect(edited.statusCode).toBe(200);
    const moved = await sut.app.inject({
      method: 'POST',
      url: `${url}/statements/${created.id}/move`,
      headers: editor.headers,
      payload: { position: 2 },
    });
    const challenges = moved.json<CanvasResponse>().statements.filter((s) => s.section === 'challenge');
    expect(challenges[2]?.text).toBe('Endret utfordring');

    const history = await sut.app.inject({
      method: 'GET',
      url: `${url}/history`,
      headers: { cookie: reviewer.cookie },
    });
    const revisions = history.json<RevisionList>().revisions.filter((r) => r.entityId === created.id);
    expect(revisions.map((r) => r.action)).toEqual(['moved', 'updated', 'created']);
    expect(revisions[1]).toMatchObject({
      before: { text: 'Ny utfordring' },
      after: { text: 'Endret utfordring' },
    });

    const deleted = await sut.app.inject({
      method: 'DELETE',
      url: `${url}/statements/${created.id}`,
      headers: editor.headers,
    });
    expect(deleted.json<CanvasResponse>().statements.map((s) => s.id)).not.toContain(created.id);
    const restore = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/revisions/${revisions[1]!.id}/restore`,
      headers: editor.headers,
    });
    expect(restore.statusCode).toBe(200);
    const after = await sut.app.inject({ method: 'GET', url, headers: { cookie: editor.cookie } });
    expect(after.json<CanvasResponse>().statements.find((s) => s.id === created.id)?.text).toBe(
      'Endret utfordring',
    );
  });

  it('refuses changes from reviewers, without CSRF token, and invalid bodies', async () => {
    const url = `/api/processes/${slug}/themes/${await themeId(3)}/statements`;
    const forbidden = await sut.app.inject({
      method: 'POST',
      url,
      headers: reviewer.headers,
      payload: { section: 'challenge', text: 'x' },
    });
    expect(forbidden.statusCode).toBe(403);
    const noCsrf = await sut.app.inject({
      method: 'POST',
      url,
      headers: { cookie: editor.cookie },
      payload: { section: 'challenge', text: 'x' },
    });
    expect(noCsrf.statusCode).toBe(403);
    const invalid = await sut.app.inject({
      method: 'POST',
      url,
      headers: editor.headers,
      payload: { section: 'challenge', text: '' },
    });
    expect(invalid.statusCode).toBe(400);
    const badSection = await sut.app.inject({
      method: 'POST',
      url,
      headers: editor.headers,
      payload: { section: 'x', text: 'y' },
    });
    expect(badSection.json<{ error: { code: string } }>().error.code).toBe('invalid_section');
    const anonymous = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/themes/${await themeId(3)}`,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('runs the review workflow with comments; approval needs the secretariat; approved canvases are locked', async () => {
    const url = `/api/processes/${slug}/themes/${await themeId(4)}`;
    const review = await sut.app.inject({
      method: 'POST',
      url: `${url}/status`,
      headers: editor.headers,
      payload: { status: 'in_review' },
    });
    expect(review.json<CanvasResponse>().canvas.status).toBe('in_review');
    const comment = await sut.app.inject({
      method: 'POST',
      url: `${url}/comments`,
      headers: reviewer.headers,
      payload: { body: 'Ser bra ut.' },
    });
    expect(comment.statusCode).toBe(201);
    expect(comment.json<CanvasResponse>().comments.map((c) => c.body)).toEqual(['Ser bra ut.']);
    const byReviewer = await sut.app.inject({
      method: 'POST',
      url: `${url}/status`,
      headers: reviewer.headers,
      payload: { status: 'approved' },
    });
    expect(byReviewer.statusCode).toBe(403);
    const approved = await sut.app.inject({
      method: 'POST',
      url: `${url}/status`,
      headers: editor.headers,
      payload: { status: 'approved' },
    });
    expect(approved.json<CanvasResponse>()).toMatchObject({
      canvas: { status: 'approved' },
      permissions: { canEdit: false },
    });
    const locked = await sut.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { mainGoal: 'x' },
    });
    expect(locked.statusCode).toBe(409);
  });

  it('edits the overarching goals and their lead', async () => {
    const lead = await sut.app.inject({
      method: 'PUT',
      url: `/api/processes/${slug}/strategy/goals-lead`,
      headers: editor.headers,
      payload: { lead: 'Ny ingress' },
    });
    expect(lead.json<StrategyOverview>().goalsLead).toBe('Ny ingress');
    const goals = lead.json<StrategyOverview>().goals;
    const moved = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/strategy/goals/${goals[0]!.id}/move`,
      headers: editor.headers,
      payload: { position: 3 },
    });
    expect(moved.json<StrategyOverview>().goals[3]?.id).toBe(goals[0]!.id);
    const history = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/strategy/history`,
      headers: { cookie: editor.cookie },
    });
    expect(history.json<RevisionList>().revisions.map((r) => r.action)).toEqual(['moved', 'updated']);
  });

  it('shows the timeline and where the process stands', async () => {
    const response = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/timeline`,
      headers: { cookie: reviewer.cookie },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<Timeline>();
    // Today in Oslo, not the UTC date (they differ between midnight and 01:00/02:00 Oslo).
    expect(body.today).toBe(osloCalendarDate(new Date()));
    expect(body.items.filter((item) => item.kind === 'milestone')).toHaveLength(4);
    expect(body.items.filter((item) => item.kind === 'round_deadline').map((item) => item.date)).toEqual([
      '2020-05-11',
      '2020-09-15',
    ]);
    expect(body.counts).toMatchObject({ rounds: 2, strategicThemes: 6, bodies: 6 });
    expect(body.deliverables.map((d) => d.date)).toEqual(['2021-01-15', '2021-04-01']);
    expect(body.involvement).toHaveLength(6);
  });

  it('keeps the involvement log, body members and milestones (secretariat only)', async () => {
    const timeline = (
      await sut.app.inject({
        method: 'GET',
        url: `/api/processes/${slug}/timeline`,
        headers: { cookie: editor.cookie },
      })
    ).json<Timeline>();
    expect(timeline.canEdit).toBe(true);
    const body = timeline.bodies.find((entry) => entry.name === 'UHR')!;
    const denied = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/involvement-events`,
      headers: reviewer.headers,
      payload: { date: '2020-10-20', kind: 'meeting' },
    });
    expect(denied.statusCode).toBe(403);
    const logged = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/involvement-events`,
      headers: editor.headers,
      payload: { date: '2020-10-20', kind: 'presentation', bodyId: body.id, notes: 'Presentasjon for UHR' },
    });
    expect(logged.statusCode).toBe(201);
    const item = logged.json<Timeline>().items.find((entry) => entry.kind === 'involvement')!;
    expect(item).toMatchObject({
      title: 'UHR',
      subKind: 'presentation',
      detail: 'Presentasjon for UHR',
      date: '2020-10-20',
    });
    const removed = await sut.app.inject({
      method: 'DELETE',
      url: `/api/processes/${slug}/involvement-events/${item.id}`,
      headers: editor.headers,
    });
    expect(removed.json<Timeline>().items.filter((entry) => entry.kind === 'involvement')).toEqual([]);
    const members = await sut.app.inject({
      method: 'PATCH',
      url: `/api/processes/${slug}/bodies/${body.id}`,
      headers: editor.headers,
      payload: { members: ['Rektor A', 'Rektor B'] },
    });
    expect(members.json<Timeline>().bodies.find((entry) => entry.id === body.id)?.members).toEqual([
      'Rektor A',
      'Rektor B',
    ]);
    const added = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/milestones`,
      headers: editor.headers,
      payload: { title: 'Høring', date: '2021-02-01', kind: 'meeting' },
    });
    expect(added.json<Timeline>().items.filter((entry) => entry.kind === 'milestone')).toHaveLength(5);
  });

  it('adds and reorders strategic themes (owner or secretariat)', async () => {
    const added = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/themes`,
      headers: editor.headers,
      payload: { title: 'Bærekraft' },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json<StrategyOverview>().themes.at(-1)).toMatchObject({
      number: 7,
      title: 'Bærekraft',
      status: 'draft',
    });
    const moved = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/themes/${await themeId(7)}/move`,
      headers: editor.headers,
      payload: { position: 0 },
    });
    expect(moved.json<StrategyOverview>().themes.map((theme) => theme.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(moved.json<StrategyOverview>().themes[0]?.title).toBe('Bærekraft');
    const back = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/themes/${await themeId(1)}/move`,
      headers: editor.headers,
      payload: { position: 6 },
    });
    expect(back.json<StrategyOverview>().themes[6]?.title).toBe('Bærekraft');
    const denied = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/themes`,
      headers: reviewer.headers,
      payload: { title: 'x' },
    });
    expect(denied.statusCode).toBe(403);
  });

  it('lets the secretariat edit the process text, deliverables and bodies (reviewers get 403)', async () => {
    const denied = await sut.app.inject({
      method: 'PATCH',
      url: `/api/processes/${slug}/details`,
      headers: reviewer.headers,
      payload: { title: 'Ny tittel' },
    });
    expect(denied.statusCode).toBe(403);
    const invalid = await sut.app.inject({
      method: 'PATCH',
      url: `/api/processes/${slug}/details`,
      headers: editor.headers,
      payload: { title: '', mandate: 'ikke en liste' },
    });
    expect(invalid.statusCode).toBe(400);
    const details = await sut.app.inject({
      method: 'PATCH',
      url: `/api/processes/${slug}/details?lang=nb`,
      headers: editor.headers,
      payload: { subtitle: 'Ny undertittel', mandate: ['Punkt 1', 'Punkt 2'], principles: ['Åpenhet'] },
    });
    expect(details.statusCode).toBe(200);
    expect(details.json<ProcessOverview>()).toMatchObject({
      subtitle: 'Ny undertittel',
      mandate: ['Punkt 1', 'Punkt 2'],
      principles: ['Åpenhet'],
      canEdit: true,
    });
    const history = (
      await sut.app.inject({
        method: 'GET',
        url: `/api/processes/${slug}/strategy/history`,
        headers: { cookie: reviewer.cookie },
      })
    ).json<RevisionList>();
    expect(history.revisions.find((revision) => revision.entityType === 'process')).toMatchObject({
      action: 'updated',
      after: { subtitle: 'Ny undertittel' },
    });

    const added = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/deliverables`,
      headers: editor.headers,
      payload: { name: 'Handlingsplan', recipient: 'KD', date: '2021-06-01' },
    });
    expect(added.statusCode).toBe(200);
    const deliverable = added.json<Timeline>().deliverables.find((row) => row.name === 'Handlingsplan')!;
    const changed = await sut.app.inject({
      method: 'PATCH',
      url: `/api/processes/${slug}/deliverables/${deliverable.id}`,
      headers: editor.headers,
      payload: { date: '2021-06-15', recipient: null },
    });
    expect(changed.json<Timeline>().deliverables).toContainEqual({
      id: deliverable.id,
      name: 'Handlingsplan',
      recipient: null,
      date: '2021-06-15',
    });
    const removed = await sut.app.inject({
      method: 'DELETE',
      url: `/api/processes/${slug}/deliverables/${deliverable.id}`,
      headers: editor.headers,
    });
    expect(removed.json<Timeline>().deliverables.map((row) => row.id)).not.toContain(deliverable.id);

    const newBody = await sut.app.inject({
      method: 'POST',
      url: `/api/processes/${slug}/bodies`,
      headers: editor.headers,
      payload: { name: 'Studentrådet', role: 'Studentenes stemme', members: ['Kari'] },
    });
    expect(newBody.statusCode).toBe(200);
    const body = newBody.json<Timeline>().bodies.find((row) => row.name === 'Studentrådet')!;
    const renamed = await sut.app.inject({
      method: 'PATCH',
      url: `/api/processes/${slug}/bodies/${body.id}`,
      headers: editor.headers,
      payload: { name: 'Studentparlamentet' },
    });
    expect(renamed.json<Timeline>().bodies).toContainEqual({
      id: body.id,
      name: 'Studentparlamentet',
      role: 'Studentenes stemme',
      members: ['Kari'],
    });
    const deniedDelete = await sut.app.inject({
      method: 'DELETE',
      url: `/api/processes/${slug}/bodies/${body.id}`,
      headers: reviewer.headers,
    });
    expect(deniedDelete.statusCode).toBe(403);
    const deleted = await sut.app.inject({
      method: 'DELETE',
      url: `/api/processes/${slug}/bodies/${body.id}`,
      headers: editor.headers,
    });
    expect(deleted.json<Timeline>().bodies.map((row) => row.id)).not.toContain(body.id);
  });

  it('lets writers change the structure (reviewers get 403)', async () => {
    const url = `/api/processes/${slug}/strategy/structure`;
    const denied = await sut.app.inject({
      method: 'PUT',
      url,
      headers: reviewer.headers,
      payload: { pillars: ['x'] },
    });
    expect(denied.statusCode).toBe(403);
    const invalid = await sut.app.inject({
      method: 'PUT',
      url,
      headers: editor.headers,
      payload: { dimensions: [{ name: '', description: '' }] },
    });
    expect(invalid.statusCode).toBe(400);
    const changed = await sut.app.inject({
      method: 'PUT',
      url: `${url}?lang=nb`,
      headers: editor.headers,
      payload: {
        pillarsLabel: 'Søyler',
        pillars: ['Utdanning', 'Forskning'],
        otherAreas: ['Administrasjon'],
      },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<StrategyOverview>().structure).toMatchObject({
      pillarsLabel: 'Søyler',
      pillars: ['Utdanning', 'Forskning'],
      otherAreas: ['Administrasjon'],
    });
    expect(changed.json<StrategyOverview>().structure.dimensions).toHaveLength(4);
  });

  it('answers 409 conflict to an edit based on an older version, and keeps the newer text', async () => {
    const writer = await member('working_group');
    const opened = (
      await sut.app.inject({
        method: 'GET',
        url: `/api/processes/${slug}/themes/${await themeId(1)}`,
        headers: { cookie: editor.cookie },
      })
    ).json<CanvasResponse>();
    const statement = opened.statements[0]!;
    const url = `/api/processes/${slug}/themes/${await themeId(1)}/statements/${statement.id}`;
    const first = await sut.app.inject({
      method: 'PATCH',
      url,
      headers: editor.headers,
      payload: { text: 'Sekretariatets tekst', baseVersion: statement.version },
    });
    expect(first.statusCode).toBe(200);
    const stale = await sut.app.inject({
      method: 'PATCH',
      url,
      headers: writer.headers,
      payload: { text: 'Arbeidsgruppens tekst', baseVersion: statement.version },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('conflict');
    const staleCanvas = await sut.app.inject({
      method: 'PATCH',
      url: `/api/processes/${slug}/themes/${await themeId(1)}`,
      headers: writer.headers,
      payload: { summary: 'x', baseVersion: opened.canvas.version - 1 },
    });
    expect(staleCanvas.statusCode).toBe(409);
    const overview = (
      await sut.app.inject({
        method: 'GET',
        url: `/api/processes/${slug}/strategy`,
        headers: { cookie: editor.cookie },
      })
    ).json<StrategyOverview>();
    const staleLead = await sut.app.inject({
      method: 'PUT',
      url: `/api/processes/${slug}/strategy/goals-lead`,
      headers: writer.headers,
      payload: { lead: 'x', baseVersion: overview.strategyVersion - 1 },
    });
    expect(staleLead.statusCode).toBe(409);
    const now = (
      await sut.app.inject({
        method: 'GET',
        url: `/api/processes/${slug}/themes/${await themeId(1)}`,
        headers: { cookie: editor.cookie },
      })
    ).json<CanvasResponse>();
    expect(now.statements.find((entry) => entry.id === statement.id)?.text).toBe('Sekretariatets tekst');
    expect(now.canvas.summary).toBe(opened.canvas.summary);
  });
  it('addresses a theme by its id; a display number no longer finds one', async () => {
    const id = await themeId(5);
    const byId = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/themes/${id}`,
      headers: { cookie: reviewer.cookie },
    });
    expect(byId.statusCode).toBe(200);
    expect(byId.json<CanvasResponse>().theme).toMatchObject({ id, number: 5, stage: 'strategic' });
    expect(byId.json<CanvasResponse>().previousThemeId).toBe(await themeId(4));
    expect(byId.json<CanvasResponse>().nextThemeId).toBe(await themeId(6));
    const history = await sut.app.inject({
      method: 'GET',
      url: `/api/processes/${slug}/themes/${id}/history`,
      headers: { cookie: reviewer.cookie },
    });
    expect(history.statusCode).toBe(200);
    for (const url of [`/api/processes/${slug}/themes/5`, `/api/processes/${slug}/themes/5/history`]) {
      const byNumber = await sut.app.inject({ method: 'GET', url, headers: { cookie: reviewer.cookie } });
      expect(byNumber.statusCode).toBe(400);
      expect(byNumber.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
    }
  });
});
