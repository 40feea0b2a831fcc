import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildMember, buildUser, type TestDatabase } from '../testing/index.ts';
import { systemActor, type Actor } from '../shared/actor.ts';
import { loadDemoWorkspace, demoProcessSlug } from '../demo/index.ts';
import { findProcessBySlug } from '../processes/index.ts';
import { findAuditEvents } from '../audit/index.ts';
import { addStatement } from './add-statement.ts';
import { updateStatement } from './update-statement.ts';
import { deleteStatement } from './delete-statement.ts';
import { moveStatement } from './move-statement.ts';
import { getCanvas } from './get-canvas.ts';
import { listRevisions } from './list-revisions.ts';
import { restoreRevision } from './restore-revision.ts';
import { changeCanvasStatus } from './change-canvas-status.ts';
import { addComment } from './add-comment.ts';
import { updateCanvas } from './update-canvas.ts';
import { updateGoalsLead } from './update-goals-lead.ts';
import { getStrategyOverview } from './get-strategy-overview.ts';
import type { Database } from '../db/database.ts';
import { findThemeByNumber } from '../themes/index.ts';

const slug = demoProcessSlug;

/** Themes are addressed by id: the id of the strategic theme that has `number` now. */
async function themeId(db: Database, number: number): Promise<string> {
  const processId = (await findProcessBySlug(db, demoProcessSlug))!.id;
  return (await findThemeByNumber(db, processId, number))!.id;
}

describe('strategy statements, history and workflow', () => {
  let database: TestDatabase;
  let owner: Actor;
  let secretariat: Actor;
  let workingGroup: Actor;
  let reviewer: Actor;
  let observer: Actor;
  let outsider: Actor;

  const section = async (themeNumber: number, name: string) =>
    (
      await getCanvas(database.db, owner, { slug, themeId: await themeId(database.db, themeNumber) })
    ).statements
      .filter((entry) => entry.statement.section === name)
      .map((entry) => entry.statement);

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadDemoWorkspace(database.db, systemActor('test'));
    const processId = (await findProcessBySlug(database.db, slug))!.id;
    owner = (await buildMember(database.db, processId, 'owner')).actor;
    secretariat = (await buildMember(database.db, processId, 'secretariat')).actor;
    workingGroup = (await buildMember(database.db, processId, 'working_group')).actor;
    reviewer = (await buildMember(database.db, processId, 'reviewer')).actor;
    observer = (await buildMember(database.db, processId, 'observer')).actor;
    outsider = (await buildUser(database.db)).actor;
  });
  afterAll(async () => database.close());

  it('adds a statement at a position and shifts the ones after it', async () => {
    const before = await section(1, 'challenge');
    const created = await addStatement(database.db, workingGroup, {
      slug,
      themeId: await themeId(database.db, 1),
      section: 'challenge',
      text: ' Ny utfordring ',
      position: 1,
    });
    const after = await section(1, 'challenge');
    expect(after.map((row) => row.id)).toEqual([before[0]!.id, created.id, before[1]!.id, before[2]!.id]);
    expect(after.map((row) => row.position)).toEqual([0, 1, 2, 3]);
    expect(created.text).toBe('Ny utfordring');
  });

  it('rejects unknown sections, empty text and a second headline', async () => {
    await expect(
      addStatement(database.db, owner, {
        slug,
        themeId: await themeId(database.db, 1),
        section: 'nonsense',
        text: 'x',
      }),
    ).rejects.toMatchObject({ code: 'invalid_section' });
    await expect(
      addStatement(database.db, owner, {
        slug,
        themeId: await themeId(database.db, 1),
        section: 'challenge',
        text: '  ',
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      addStatement(database.db, owner, {
        slug,
        themeId: await themeId(database.db, 1),
        section: 'headline.society',
        text: 'x',
      }),
    ).rejects.toMatchObject({ code: 'headline_exists' });
    await expect(
      addStatement(database.db, owner, { slug, themeId: null, section: 'challenge', text: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_section' });
  });

  it('moves a statement within its section (down and up) and records it', async () => {
    const before = await section(2, 'individual.opportunity');
    const first = before[0]!;
    await moveStatement(database.db, workingGroup, { slug, statementId: first.id, position: 2 });
    let after = await section(2, 'individual.opportunity');
    expect(after.map((row) => row.id)).toEqual([before[1]!.id, before[2]!.id, first.id]);
    expect(after.map((row) => row.position)).toEqual([0, 1, 2]);
    await moveStatement(database.db, workingGroup, { slug, statementId: first.id, position: 0 });
    after = await section(2, 'individual.opportunity');
    expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id));
    const history = await listRevisions(database.db, reviewer, {
      slug,
      themeId: await themeId(database.db, 2),
    });
    expect(
      history.revisions
        .filter((entry) => entry.revision.entityId === first.id)
        .map((entry) => entry.revision.action),
    ).toEqual(['moved', 'moved']);
  });

  it('moves a statement to another section of the same canvas, closing the gap', async () => {
    const opportunities = await section(3, 'society.opportunity');
    const moved = opportunities[0]!;
    await moveStatement(database.db, owner, {
      slug,
      statementId: moved.id,
      section: 'society.prerequisite',
      position: 0,
    });
    const prerequisites = await section(3, 'society.prerequisite');
    expect(prerequisites.map((row) => row.id)).toEqual([moved.id]);
    const left = await section(3, 'society.opportunity');
    expect(left.map((row) => row.position)).toEqual([0]);
  });

  it('edits, deletes and restores with a revision for every change', async () => {
    const [target] = await section(4, 'challenge');
    const original = target!.text;
    await updateStatement(database.db, secretariat, { slug, statementId: target!.id, text: 'Endret tekst' });
    await updateStatement(database.db, secretariat, {
      slug,
      statementId: target!.id,
      text: 'Changed text',
      locale: 'en',
    });
    const edited = (await section(4, 'challenge'))[0]!;
    expect(edited.text).toBe('Endret tekst');
    expect(edited.translations.en?.text).toBe('Changed text');
    await deleteStatement(database.db, secretariat, { slug, statementId: target!.id });
    expect((await section(4, 'challenge')).map((row) => row.id)).not.toContain(target!.id);
    expect((await section(4, 'challenge')).map((row) => row.position)).toEqual([0, 1]);

    const history = await listRevisions(database.db, observer, {
      slug,
      themeId: await themeId(database.db, 4),
    });
    const mine = history.revisions.filter((entry) => entry.revision.entityId === target!.id);
    expect(mine.map((entry) => [entry.revision.action, entry.revision.version])).toEqual([
      ['deleted', 4],
      ['updated', 3],
      ['updated', 2],
    ]);
    expect(mine[2]?.revision.before).toMatchObject({ text: original });
    expect(mine[2]?.revision.after).toMatchObject({ text: 'Endret tekst' });
    expect(mine[2]?.authorName).toEqual(expect.any(String));

    // restoring the first edit brings the statement back at its old place, with that text
    await restoreRevision(database.db, workingGroup, { slug, revisionId: mine[2]!.revision.id });
    const restored = await section(4, 'challenge');
    expect(restored[0]?.id).toBe(target!.id);
    expect(restored[0]?.text).toBe('Endret tekst');
    expect(restored[0]?.version).toBe(5);
    expect(restored.map((row) => row.position)).toEqual([0, 1, 2]);

    const events = await findAuditEvents(database.db, { action: 'revision.restored' });
    expect(events).toHaveLength(1);
  });

  it('records canvas and goal lead changes as revisions and restores them', async () => {
    await updateCanvas(database.db, owner, {
      slug,
      themeId: await themeId(database.db, 5),
      mainGoal: 'Nytt hovedmål',
    });
    const history = await listRevisions(database.db, owner, { slug, themeId: await themeId(database.db, 5) });
    const canvasRevision = history.revisions.find((entry) => entry.revision.entityType === 'canvas')!;
    expect(canvasRevision.revision.before).toMatchObject({ mainGoal: expect.stringMatching(/^\S/) });
    await updateGoalsLead(database.db, owner, { slug, lead: 'Ny ingress' });
    const processHistory = await listRevisions(database.db, owner, { slug, themeId: null });
    expect(processHistory.revisions[0]?.revision.after).toMatchObject({ goalsLead: 'Ny ingress' });
    const firstCanvasState = history.revisions.at(-1)!;
    await restoreRevision(database.db, owner, { slug, revisionId: firstCanvasState.revision.id });
    const canvas = await getCanvas(database.db, owner, { slug, themeId: await themeId(database.db, 5) });
    expect(canvas.canvas.mainGoal).toBe('Nytt hovedmål');
    expect((await getStrategyOverview(database.db, owner, slug)).strategy?.goalsLead).toBe('Ny ingress');
  });

  it('lets only editors change text; reviewers comment; observers and outsiders cannot', async () => {
    const [target] = await section(6, 'challenge');
    await expect(
      updateStatement(database.db, reviewer, { slug, statementId: target!.id, text: 'x' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      addStatement(database.db, observer, {
        slug,
        themeId: await themeId(database.db, 6),
        section: 'keyword',
        text: 'x',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      getCanvas(database.db, outsider, { slug, themeId: await themeId(database.db, 6) }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const comment = await addComment(database.db, reviewer, {
      slug,
      themeId: await themeId(database.db, 6),
      statementId: target!.id,
      body: 'Bør skjerpes.',
    });
    expect(comment.statementId).toBe(target!.id);
    await expect(
      addComment(database.db, observer, { slug, themeId: await themeId(database.db, 6), body: 'Hei' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const canvas = await getCanvas(database.db, reviewer, { slug, themeId: await themeId(database.db, 6) });
    expect(canvas.comments.map((row) => row.body)).toEqual(['Bør skjerpes.']);
    expect(canvas.permissions).toMatchObject({ canEdit: false, canComment: true, canApprove: false });
  });

  it('runs the workflow draft → in review → approved; approving needs owner or secretariat', async () => {
    await expect(
      changeCanvasStatus(database.db, workingGroup, {
        slug,
        themeId: await themeId(database.db, 6),
        status: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await changeCanvasStatus(database.db, workingGroup, {
      slug,
      themeId: await themeId(database.db, 6),
      status: 'in_review',
    });
    await expect(
      changeCanvasStatus(database.db, workingGroup, {
        slug,
        themeId: await themeId(database.db, 6),
        status: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      changeCanvasStatus(database.db, reviewer, {
        slug,
        themeId: await themeId(database.db, 6),
        status: 'approved',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const approved = await changeCanvasStatus(database.db, secretariat, {
      slug,
      themeId: await themeId(database.db, 6),
      status: 'approved',
    });
    expect(approved.status).toBe('approved');
    const [target] = await section(6, 'challenge');
    await expect(
      updateStatement(database.db, owner, { slug, statementId: target!.id, text: 'x' }),
    ).rejects.toMatchObject({ code: 'canvas_locked' });
    await expect(
      changeCanvasStatus(database.db, workingGroup, {
        slug,
        themeId: await themeId(database.db, 6),
        status: 'draft',
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await changeCanvasStatus(database.db, owner, {
      slug,
      themeId: await themeId(database.db, 6),
      status: 'draft',
    });
    const history = await listRevisions(database.db, owner, { slug, themeId: await themeId(database.db, 6) });
    expect(history.revisions.filter((entry) => entry.revision.action === 'status_changed')).toHaveLength(3);
  });
});
