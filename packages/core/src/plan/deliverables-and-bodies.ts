import type { Database, Queryable } from '../db/database.ts';
import { isCalendarDate } from '../shared/oslo-time.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission, canEditProcess, getProcessForActor } from '../processes/index.ts';
import {
  deleteDeliverableById,
  deleteStakeholderBodyById,
  findDeliverableById,
  findDeliverablesOfProcess,
  findInvolvementEventsOfProcess,
  findStakeholderBodiesOfProcess,
  findStakeholderBodyById,
  insertDeliverable,
  insertStakeholderBody,
  updateDeliverableRow,
} from './plan.repository.ts';
import { StakeholderBodyNameTakenError } from './plan.errors.ts';

const optionalText = (value: string | null) => value?.trim() || null;
const bullets = (values: string[]) => values.map((value) => value.trim()).filter(Boolean);

function assertIsoDate(date: string | undefined) {
  if (date !== undefined && !isCalendarDate(date)) {
    throw new ValidationError('Give the date as YYYY-MM-DD.', { date: 'Invalid date.' });
  }
}

async function loadEditableProcess(db: Queryable, actor: Actor, slug: string, what: string) {
  const loaded = await getProcessForActor(db, actor, slug);
  assertProcessPermission(loaded.access, canEditProcess(loaded.access), what);
  return loaded;
}

export interface SaveDeliverableInput {
  slug: string;
  /** Leave out to add a new deliverable (at the end). */
  deliverableId?: string | undefined;
  name?: string | undefined;
  recipient?: string | null | undefined;
  date?: string | undefined;
}

/** Adds a deliverable (what the process hands over, to whom, when) or changes one. */
export async function saveDeliverable(db: Database, actor: Actor, input: SaveDeliverableInput) {
  assertIsoDate(input.date);
  if (input.name !== undefined && !input.name.trim()) {
    throw new ValidationError('The deliverable needs a name.', { name: 'Required.' });
  }
  return db.transaction(async (tx) => {
    const { strategyProcess } = await loadEditableProcess(tx, actor, input.slug, 'edit the deliverables');
    if (!input.deliverableId) {
      if (!input.name || !input.date) throw new ValidationError('A new deliverable needs a name and a date.');
      const existing = await findDeliverablesOfProcess(tx, strategyProcess.id);
      const created = await insertDeliverable(tx, {
        processId: strategyProcess.id,
        name: input.name.trim(),
        recipient: optionalText(input.recipient ?? null),
        date: input.date,
        position: existing.reduce((max, row) => Math.max(max, row.position + 1), 0),
      });
      await recordAuditEvent(tx, actor, {
        processId: strategyProcess.id,
        action: 'deliverable.created',
        entityType: 'deliverable',
        entityId: created.id,
        detail: { after: { name: created.name, recipient: created.recipient, date: created.date } },
      });
      return created;
    }
    const deliverable = await findDeliverableById(tx, input.deliverableId);
    if (!deliverable || deliverable.processId !== strategyProcess.id) {
      throw new NotFoundError('The deliverable');
    }
    const updated = await updateDeliverableRow(tx, deliverable.id, {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.recipient !== undefined ? { recipient: optionalText(input.recipient) } : {}),
      ...(input.date !== undefined ? { date: input.date } : {}),
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'deliverable.updated',
      entityType: 'deliverable',
      entityId: deliverable.id,
      detail: {
        before: { name: deliverable.name, recipient: deliverable.recipient, date: deliverable.date },
        after: { name: updated.name, recipient: updated.recipient, date: updated.date },
      },
    });
    return updated;
  });
}

export async function deleteDeliverable(
  db: Database,
  actor: Actor,
  input: { slug: string; deliverableId: string },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess } = await loadEditableProcess(tx, actor, input.slug, 'edit the deliverables');
    const deliverable = await findDeliverableById(tx, input.deliverableId);
    if (!deliverable || deliverable.processId !== strategyProcess.id) {
      throw new NotFoundError('The deliverable');
    }
    await deleteDeliverableById(tx, deliverable.id);
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'deliverable.deleted',
      entityType: 'deliverable',
      entityId: deliverable.id,
      detail: {
        before: { name: deliverable.name, recipient: deliverable.recipient, date: deliverable.date },
      },
    });
  });
}

/** Adds a stakeholder body (working group, board, council) at the end of the list. */
export async function addStakeholderBody(
  db: Database,
  actor: Actor,
  input: { slug: string; name: string; role?: string | null | undefined; members?: string[] | undefined },
) {
  if (!input.name.trim()) throw new ValidationError('The body needs a name.', { name: 'Required.' });
  return db.transaction(async (tx) => {
    const { strategyProcess } = await loadEditableProcess(
      tx,
      actor,
      input.slug,
      'edit the bodies of the process',
    );
    const existing = await findStakeholderBodiesOfProcess(tx, strategyProcess.id);
    const name = input.name.trim();
    if (existing.some((body) => body.name === name)) {
      throw new StakeholderBodyNameTakenError();
    }
    const created = await insertStakeholderBody(tx, {
      processId: strategyProcess.id,
      name,
      role: optionalText(input.role ?? null),
      members: bullets(input.members ?? []),
      position: existing.reduce((max, row) => Math.max(max, row.position + 1), 0),
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'stakeholder_body.created',
      entityType: 'stakeholder_body',
      entityId: created.id,
      detail: { after: { name: created.name, role: created.role, members: created.members } },
    });
    return created;
  });
}

/**
 * Removes a body that no involvement event names. The involvement log is the record of who took
 * part, so a body it names stays (409 `body_in_involvement_log`) until those entries are deleted.
 */
export async function deleteStakeholderBody(
  db: Database,
  actor: Actor,
  input: { slug: string; bodyId: string },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess } = await loadEditableProcess(
      tx,
      actor,
      input.slug,
      'edit the bodies of the process',
    );
    const body = await findStakeholderBodyById(tx, input.bodyId);
    if (!body || body.processId !== strategyProcess.id) throw new NotFoundError('The body');
    const naming = (await findInvolvementEventsOfProcess(tx, strategyProcess.id)).filter(
      (event) => event.bodyId === body.id,
    );
    if (naming.length > 0) {
      throw new ConflictError(
        'body_in_involvement_log',
        `${body.name} is named in ${naming.length} ${naming.length === 1 ? 'entry' : 'entries'} of the involvement log (the record of who took part), so it cannot be deleted. Delete those entries first if they were made by mistake.`,
      );
    }
    await deleteStakeholderBodyById(tx, body.id);
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'stakeholder_body.deleted',
      entityType: 'stakeholder_body',
      entityId: body.id,
      detail: { before: { name: body.name, role: body.role, members: body.members } },
    });
  });
}
