import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import type { InputRound } from './round.ts';
import { RoundNumberTakenError } from './rounds.errors.ts';
import { canManageRounds } from './rounds.policies.ts';
import { findHighestRoundNumber, findRoundByNumber, insertRound } from './rounds.repository.ts';

export interface RoundFields {
  title: string;
  purpose?: string | undefined;
  publicationNote?: string | undefined;
  opensAt?: Date | null | undefined;
  deadline: Date;
  visibility?: InputRound['visibility'] | undefined;
  latePolicy?: InputRound['latePolicy'] | undefined;
  reminderDaysBefore?: number | null | undefined;
}

export interface CreateRoundInput extends RoundFields {
  slug: string;
  /** Defaults to the next free number in the process. */
  number?: number | undefined;
}

export function assertRoundFields(fields: Partial<RoundFields>): void {
  const problems: Record<string, string> = {};
  if (fields.title !== undefined && !fields.title.trim()) problems.title = 'Required.';
  if (fields.deadline && Number.isNaN(fields.deadline.getTime())) problems.deadline = 'Not a valid time.';
  if (fields.opensAt && fields.deadline && fields.opensAt >= fields.deadline) {
    problems.opensAt = 'Must be before the deadline.';
  }
  if (
    fields.reminderDaysBefore !== null &&
    fields.reminderDaysBefore !== undefined &&
    (fields.reminderDaysBefore < 1 || fields.reminderDaysBefore > 60)
  ) {
    problems.reminderDaysBefore = 'Between 1 and 60 days.';
  }
  if (Object.keys(problems).length) throw new ValidationError('The round is not valid.', problems);
}

/** Creates a draft round in a process; it opens when the secretariat says so. */
export async function createRound(db: Database, actor: Actor, input: CreateRoundInput) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, input.slug);
  assertProcessPermission(access, canManageRounds(access), 'create input rounds');
  assertRoundFields(input);
  return db.transaction(async (tx) => {
    const roundNumber = input.number ?? (await findHighestRoundNumber(tx, strategyProcess.id)) + 1;
    if (await findRoundByNumber(tx, strategyProcess.id, roundNumber)) {
      throw new RoundNumberTakenError(roundNumber);
    }
    const round = await insertRound(tx, {
      processId: strategyProcess.id,
      number: roundNumber,
      title: input.title.trim(),
      purpose: input.purpose?.trim() ?? '',
      publicationNote: input.publicationNote?.trim() ?? '',
      opensAt: input.opensAt ?? null,
      deadline: input.deadline,
      visibility: input.visibility ?? 'public',
      latePolicy: input.latePolicy ?? 'accept_flagged',
      reminderDaysBefore: input.reminderDaysBefore ?? null,
      status: 'draft',
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'round.created',
      entityType: 'input_round',
      entityId: round.id,
      detail: { after: { number: round.number, title: round.title } },
    });
    return round;
  });
}
