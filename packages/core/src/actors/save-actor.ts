import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { OrganisationNumberTakenError } from './actors.errors.ts';
import { canManageActors } from './actors.policies.ts';
import {
  findActorById,
  findActorByOrganisationNumber,
  insertActorRow,
  updateActorRow,
} from './actors.repository.ts';
import { assertActor, type ActorInput } from './validate-actor.ts';

/** Adds an actor to the registry, or updates one when `actorId` is given. */
export async function saveActor(
  db: Database,
  actor: Actor,
  slug: string,
  input: ActorInput & { actorId?: string | undefined },
) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  assertProcessPermission(access, canManageActors(access), 'edit the actor registry');
  const clean = assertActor(input);
  return db.transaction(async (tx) => {
    if (clean.organisationNumber) {
      const holder = await findActorByOrganisationNumber(tx, strategyProcess.id, clean.organisationNumber);
      if (holder && holder.id !== input.actorId) {
        throw new OrganisationNumberTakenError(clean.organisationNumber);
      }
    }
    if (input.actorId) {
      const existing = await findActorById(tx, strategyProcess.id, input.actorId);
      if (!existing) throw new NotFoundError('The actor');
      const updated = await updateActorRow(tx, existing.id, clean);
      await recordAuditEvent(tx, actor, {
        processId: strategyProcess.id,
        action: 'actor.updated',
        entityType: 'actor',
        entityId: existing.id,
        detail: {
          before: { name: existing.name, type: existing.type },
          after: { name: clean.name, type: clean.type },
        },
      });
      return updated ?? existing;
    }
    const created = await insertActorRow(tx, { ...clean, processId: strategyProcess.id });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'actor.created',
      entityType: 'actor',
      entityId: created.id,
      detail: { after: { name: clean.name, type: clean.type } },
    });
    return created;
  });
}
