import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import type { Clock } from '../shared/clock.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { assertRoundFields, type RoundFields } from './create-round.ts';
import { loadRoundForActor, type RoundLocator } from './load-round-for-actor.ts';
import type { InputRound } from './round.ts';
import { updateRoundRow } from './rounds.repository.ts';

export interface UpdateRoundInput extends Partial<RoundFields> {
  /** draft → open → closed; a closed round can be reopened, an open one put back to draft. */
  status?: InputRound['status'] | undefined;
}

/** Edits a round's fields and moves it through draft → open → closed. */
export async function updateRound(
  db: Database,
  actor: Actor,
  locator: RoundLocator,
  input: UpdateRoundInput,
  clock: Clock,
) {
  const { round, strategyProcess } = await loadRoundForActor(db, actor, locator, true);
  const merged = {
    title: input.title ?? round.title,
    deadline: input.deadline ?? round.deadline,
    opensAt: input.opensAt === undefined ? round.opensAt : input.opensAt,
    reminderDaysBefore:
      input.reminderDaysBefore === undefined ? round.reminderDaysBefore : input.reminderDaysBefore,
  };
  assertRoundFields(merged);
  const changes: Partial<InputRound> = {};
  if (input.title !== undefined) changes.title = input.title.trim();
  if (input.purpose !== undefined) changes.purpose = input.purpose.trim();
  if (input.publicationNote !== undefined) changes.publicationNote = input.publicationNote.trim();
  if (input.opensAt !== undefined) changes.opensAt = input.opensAt;
  if (input.deadline !== undefined) changes.deadline = input.deadline;
  if (input.visibility !== undefined) changes.visibility = input.visibility;
  if (input.latePolicy !== undefined) changes.latePolicy = input.latePolicy;
  if (input.reminderDaysBefore !== undefined) changes.reminderDaysBefore = input.reminderDaysBefore;
  if (input.status !== undefined && input.status !== round.status) {
    if (input.status === 'open' && merged.deadline <= clock.now()) {
      throw new ValidationError('Move the deadline into the future before opening the round.', {
        deadline: 'In the past.',
      });
    }
    changes.status = input.status;
    changes.closedAt = input.status === 'closed' ? clock.now() : null;
  }
  return db.transaction(async (tx) => {
    const updated = await updateRoundRow(tx, round.id, changes);
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: changes.status
        ? `round.${changes.status === 'open' ? 'opened' : changes.status === 'closed' ? 'closed' : 'updated'}`
        : 'round.updated',
      entityType: 'input_round',
      entityId: round.id,
      detail: { before: pickKeys(round, Object.keys(changes)), after: changes },
    });
    return updated;
  });
}

function pickKeys(row: InputRound, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key as keyof InputRound]]));
}
