import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildMember, buildUser, type TestDatabase } from '../testing/index.ts';
import { systemActor } from '../shared/actor.ts';
import { loadDemoWorkspace, demoProcessSlug } from '../demo/index.ts';
import { findProcessBySlug } from '../processes/index.ts';
import {
  addComment,
  addStatement,
  changeCanvasStatus,
  deleteStatement,
  getCanvas,
  moveStatement,
  updateProcessDetails,
  updateStatement,
  updateStrategyStructure,
} from '../strategies/index.ts';
import { addStakeholderBody, saveDeliverable, updateStakeholderBody } from '../plan/index.ts';
import { exportProcess } from './export-process.ts';
import { importProcess } from './import-process.ts';
import { parseProcessDocument } from './process-document.ts';
import type { Database } from '../db/database.ts';
import { findThemeByNumber } from '../themes/index.ts';

const system = systemActor('test');
const slug = demoProcessSlug;

/** Themes are addressed by id: the id of the strategic theme that has `number` now. */
async function themeId(db: Database, number: number): Promise<string> {
  const processId = (await findProcessBySlug(db, demoProcessSlug))!.id;
  return (await findThemeByNumber(db, processId, number))!.id;
}

describe('process exchange after editing', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    await loadDemoWorkspace(source.db, system);
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('keeps edits, order, deleted statements, comments, statuses and revisions', async () => {
    const processId = (await findProcessBySlug(source.db, slug))!.id;
    const { actor: editor, user } = await buildMember(source.db, processId, 'secretariat');
    const canvas = await getCanvas(source.db, editor, { slug, themeId: await themeId(source.db, 2) });
    const [first, second] = canvas.statements
      .filter((entry) => entry.statement.section === 'challenge')
      .map((entry) => entry.statement);
    await updateStatement(source.db, editor, { slug, statementId: first!.id, text: 'Redigert' });
    await moveStatement(source.db, editor, { slug, statementId: first!.id, position: 3 });
    await deleteStatement(source.db, editor, { slug, statementId: second!.id });
    await addStatement(source.db, editor, {
      slug,
      themeId: await themeId(source.db, 2),
      section: 'deep_dive',
      text: 'Dypdykk',
    });
    await addComment(source.db, editor, {
      slug,
      themeId: await themeId(source.db, 2),
      statementId: first!.id,
      body: 'Fint',
    });
    await changeCanvasStatus(source.db, editor, {
      slug,
      themeId: await themeId(source.db, 2),
      status: 'in_review',
    });
    // process metadata edited by the secretariat
    await updateProcessDetails(source.db, editor, {
      slug,
      subtitle: 'Redigert undertittel',
      commissionedBy: 'Kunnskapsdepartementet',
      mandate: ['Nytt mandatpunkt'],
      principles: ['Prinsipp A', 'Prinsipp B'],
    });
    await saveDeliverable(source.db, editor, {
      slug,
      name: 'Handlingsplan',
      recipient: 'Departementet',
      date: '2021-06-01',
    });
    const body = await addStakeholderBody(source.db, editor, {
      slug,
      name: 'Studentrådet',
      members: ['Kari'],
    });
    await updateStakeholderBody(source.db, editor, { slug, bodyId: body.id, role: 'Studentenes stemme' });
    await updateStrategyStructure(source.db, editor, {
      slug,
      pillars: ['Utdanning', 'Forskning'],
      otherAreas: ['Data'],
    });

    const exported = await exportProcess(source.db, system, slug);
    // the export is itself a valid import document
    expect(() => parseProcessDocument(JSON.parse(JSON.stringify(exported)))).not.toThrow();
    expect(exported.strategicThemes[1]).toMatchObject({
      status: 'in_review',
      deepDive: [{ text: 'Dypdykk' }],
    });
    expect(exported.strategicThemes[1]?.deletedStatements).toHaveLength(1);
    expect(exported).toMatchObject({
      subtitle: 'Redigert undertittel',
      process: {
        commissionedBy: 'Kunnskapsdepartementet',
        mandate: ['Nytt mandatpunkt'],
        principles: ['Prinsipp A', 'Prinsipp B'],
      },
    });
    expect(exported.structure).toMatchObject({ pillars: ['Utdanning', 'Forskning'], otherAreas: ['Data'] });
    expect(exported.process.deliverables).toContainEqual(
      expect.objectContaining({ name: 'Handlingsplan', recipient: 'Departementet', date: '2021-06-01' }),
    );
    expect(exported.process.stakeholderBodies).toContainEqual(
      expect.objectContaining({
        id: body.id,
        name: 'Studentrådet',
        role: 'Studentenes stemme',
        members: ['Kari'],
      }),
    );
    expect(exported.revisions.map((revision) => revision.action).sort()).toEqual([
      'created',
      'deleted',
      'moved',
      'status_changed',
      'updated',
      'updated', // the process details
      'updated', // the structure
    ]);
    expect(exported.revisions.find((revision) => revision.entityType === 'process')).toMatchObject({
      entityId: processId,
      after: { subtitle: 'Redigert undertittel', mandate: ['Nytt mandatpunkt'] },
    });

    // the same person exists in the other instance (matched by email)
    await buildUser(target.db, { email: user.email, name: user.name });
    const admin = (await buildUser(target.db, { isInstanceAdmin: true })).actor;
    const result = await importProcess(target.db, admin, JSON.parse(JSON.stringify(exported)));
    expect(result.idsKept).toBe(true);
    const again = await exportProcess(target.db, system, slug);
    expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(JSON.stringify(exported)));

    // importing into the database it came from, under a new name, gives new ids
    const copy = await importProcess(source.db, system, JSON.parse(JSON.stringify(exported)), {
      slug: 'kopi',
    });
    expect(copy.idsKept).toBe(false);
    const copied = await exportProcess(source.db, system, 'kopi');
    expect(copied.process.mandate).toEqual(['Nytt mandatpunkt']);
    expect(copied.revisions.find((revision) => revision.entityType === 'process')?.entityId).toBe(
      copy.processId,
    );
    expect(copied.strategicThemes[1]?.challenges.map((item) => item.text)).toEqual(
      exported.strategicThemes[1]?.challenges.map((item) => item.text),
    );
    expect(copied.strategicThemes[1]?.challenges[0]?.id).not.toBe(
      exported.strategicThemes[1]?.challenges[0]?.id,
    );
  });

  it('rejects a document with the path of the first problem', () => {
    expect(() =>
      parseProcessDocument({ language: 'nb', title: 'x', process: {}, strategicThemes: [{ number: 1 }] }),
    ).toThrow(/^strategicThemes\[0\]\.title: expected string$/);
    expect(() => parseProcessDocument({ language: 'nb', title: 'x' })).toThrow(/^process: expected object$/);
  });

  it('lets only administrators import', async () => {
    const member = (await buildUser(target.db)).actor;
    await expect(importProcess(target.db, member, {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});
