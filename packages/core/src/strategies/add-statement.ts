import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { CanvasLockedError, HeadlineExistsError, InvalidSectionError } from './strategies.errors.ts';
import {
  clampPosition,
  isCanvasSection,
  isSingleStatementSection,
  processSections,
  type StatementSection,
} from './strategy.ts';
import { findSectionStatements, insertStatements, setStatementPosition } from './strategies.repository.ts';
import { loadCanvasForActor, recordRevision, statementSnapshot } from './strategy-context.ts';

export interface AddStatementInput {
  slug: string;
  /** The id of the canvas's theme, or null for a process-level statement (an overarching goal). */
  themeId: string | null;
  section: string;
  text: string;
  /** Where in the section (0 = first); the end when left out. */
  position?: number | undefined;
  isTruncated?: boolean | undefined;
}

/** Adds a bullet to a section of a canvas (or an overarching goal) at a position. */
export async function addStatement(db: Database, actor: Actor, input: AddStatementInput) {
  const text = input.text.trim();
  if (!text) throw new ValidationError('The statement needs a text.', { text: 'Required.' });
  return db.transaction(async (tx) => {
    let processId: string;
    let canvasId: string | null = null;
    if (input.themeId === null) {
      const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
      assertProcessPermission(access, canEditStrategy(access), 'edit the strategy');
      if (!(processSections as readonly string[]).includes(input.section)) {
        throw new InvalidSectionError(input.section);
      }
      processId = strategyProcess.id;
    } else {
      const loaded = await loadCanvasForActor(tx, actor, input.slug, input.themeId);
      assertProcessPermission(loaded.access, canEditStrategy(loaded.access), 'edit the strategy');
      if (!isCanvasSection(input.section)) throw new InvalidSectionError(input.section);
      if (loaded.canvas.status === 'approved') throw new CanvasLockedError();
      processId = loaded.strategyProcess.id;
      canvasId = loaded.canvas.id;
    }
    const section = input.section as StatementSection;
    const siblings = await findSectionStatements(tx, processId, canvasId, section);
    if (isSingleStatementSection(section) && siblings.length > 0) throw new HeadlineExistsError();
    const position = clampPosition(input.position, siblings.length);
    for (const sibling of siblings.slice(position)) {
      await setStatementPosition(tx, sibling.id, sibling.position + 1);
    }
    const [created] = await insertStatements(tx, [
      { processId, canvasId, section, position, text, isTruncated: input.isTruncated ?? false },
    ]);
    if (!created) throw new Error('insert statements returned no row');
    await recordRevision(tx, actor, {
      processId,
      canvasId,
      entityType: 'statement',
      entityId: created.id,
      version: created.version,
      action: 'created',
      before: null,
      after: statementSnapshot(created),
    });
    await recordAuditEvent(tx, actor, {
      processId,
      action: 'statement.created',
      entityType: 'statement',
      entityId: created.id,
      detail: { after: { section, position, text } },
    });
    return created;
  });
}
