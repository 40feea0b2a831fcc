import type { Database } from '../db/database.ts';
import { isCalendarDate } from '../shared/oslo-time.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError, ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission, canEditProcess, getProcessForActor } from '../processes/index.ts';
import { findMilestoneById, insertMilestone, updateMilestoneRow } from './plan.repository.ts';

export const milestoneKinds = ['deliverable', 'launch', 'meeting', 'deadline'] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

export interface SaveMilestoneInput {
  slug: string;
  /** Leave out to add a new milestone. */
  milestoneId?: string | undefined;
  title?: string | undefined;
  date?: string | undefined;
  kind?: MilestoneKind | undefined;
  isDone?: boolean | undefined;
}

/** Adds a milestone to the plan, or changes one (title, date, kind, done). */
export async function saveMilestone(db: Database, actor: Actor, input: SaveMilestoneInput) {
  if (input.date !== undefined && !isCalendarDate(input.date)) {
    throw new ValidationError('Give the date as YYYY-MM-DD.', { date: 'Invalid date.' });
  }
  if (input.title !== undefined && !input.title.trim()) {
    throw new ValidationError('The milestone needs a title.', { title: 'Required.' });
  }
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canEditProcess(access), 'edit the plan');
    if (!input.milestoneId) {
      if (!input.title || !input.date) throw new ValidationError('A new milestone needs a title and a date.');
      const created = await insertMilestone(tx, {
        processId: strategyProcess.id,
        title: input.title.trim(),
        date: input.date,
        kind: input.kind ?? 'meeting',
        isDone: input.isDone ?? false,
      });
      await recordAuditEvent(tx, actor, {
        processId: strategyProcess.id,
        action: 'milestone.created',
        entityType: 'milestone',
        entityId: created.id,
        detail: { after: { title: created.title, date: created.date, kind: created.kind } },
      });
      return created;
    }
    const milestone = await findMilestoneById(tx, input.milestoneId);
    if (!milestone || milestone.processId !== strategyProcess.id) throw new NotFoundError('The milestone');
    const updated = await updateMilestoneRow(tx, milestone.id, {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.date !== undefined ? { date: input.date } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.isDone !== undefined ? { isDone: input.isDone } : {}),
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'milestone.updated',
      entityType: 'milestone',
      entityId: milestone.id,
      detail: {
        before: {
          title: milestone.title,
          date: milestone.date,
          kind: milestone.kind,
          isDone: milestone.isDone,
        },
        after: { title: updated.title, date: updated.date, kind: updated.kind, isDone: updated.isDone },
      },
    });
    return updated;
  });
}
