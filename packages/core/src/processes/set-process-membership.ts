import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError, ValidationError } from '../shared/domain-error.ts';
import {
  deleteMembership,
  findMembershipRole,
  findMembershipsOfProcess,
  findUserByEmail,
  upsertMembership,
} from '../accounts/index.ts';
import type { MembershipRole } from '../accounts/index.ts';
import { getProcessForActor } from './get-process-for-actor.ts';
import { assertProcessPermission, canManageProcessMembers } from './processes.policies.ts';

/** Gives a user a role in a process (or changes it); `role: null` removes the membership. */
export async function setProcessMembership(
  db: Database,
  actor: Actor,
  input: { slug: string; email: string; role: MembershipRole | null },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canManageProcessMembers(access), 'manage members');
    const user = await findUserByEmail(tx, input.email.trim());
    if (!user) throw new NotFoundError(`A user with the email address ${input.email}`);
    const before = await findMembershipRole(tx, user.id, strategyProcess.id);
    if (input.role === null) {
      if (before === 'owner') {
        const owners = (await findMembershipsOfProcess(tx, strategyProcess.id)).filter(
          (m) => m.role === 'owner',
        );
        if (owners.length <= 1) throw new ValidationError('A process must keep at least one owner.');
      }
      await deleteMembership(tx, user.id, strategyProcess.id);
    } else {
      await upsertMembership(tx, user.id, strategyProcess.id, input.role);
    }
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'membership.changed',
      entityType: 'membership',
      entityId: user.id,
      detail: { before: before ?? null, after: input.role },
    });
  });
}

/** The members of a process with their roles. */
export async function listProcessMembers(db: Database, actor: Actor, slug: string) {
  const { strategyProcess } = await getProcessForActor(db, actor, slug);
  return findMembershipsOfProcess(db, strategyProcess.id);
}
