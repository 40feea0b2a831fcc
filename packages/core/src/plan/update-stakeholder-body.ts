import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError, ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission, canEditProcess, getProcessForActor } from '../processes/index.ts';
import {
  findStakeholderBodiesOfProcess,
  findStakeholderBodyById,
  updateStakeholderBodyRow,
} from './plan.repository.ts';
import { StakeholderBodyNameTakenError } from './plan.errors.ts';

/** Renames a stakeholder body or changes its role description and members (names, one per entry). */
export async function updateStakeholderBody(
  db: Database,
  actor: Actor,
  input: {
    slug: string;
    bodyId: string;
    name?: string | undefined;
    role?: string | null | undefined;
    members?: string[] | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canEditProcess(access), 'edit the bodies of the process');
    const body = await findStakeholderBodyById(tx, input.bodyId);
    if (!body || body.processId !== strategyProcess.id) throw new NotFoundError('The body');
    const changes: { name?: string; role?: string | null; members?: string[] } = {};
    if (input.name !== undefined && input.name.trim() !== body.name) {
      const name = input.name.trim();
      if (!name) throw new ValidationError('The body needs a name.', { name: 'Required.' });
      const others = await findStakeholderBodiesOfProcess(tx, strategyProcess.id);
      if (others.some((other) => other.id !== body.id && other.name === name)) {
        throw new StakeholderBodyNameTakenError();
      }
      changes.name = name;
    }
    if (input.role !== undefined) changes.role = input.role?.trim() || null;
    if (input.members !== undefined) {
      changes.members = input.members.map((member) => member.trim()).filter(Boolean);
    }
    if (!Object.keys(changes).length) return body;
    const updated = await updateStakeholderBodyRow(tx, body.id, changes);
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'stakeholder_body.updated',
      entityType: 'stakeholder_body',
      entityId: body.id,
      detail: {
        before: { name: body.name, role: body.role, members: body.members },
        after: { name: updated.name, role: updated.role, members: updated.members },
      },
    });
    return updated;
  });
}
