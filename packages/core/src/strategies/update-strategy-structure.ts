import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../audit/index.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { findStrategyOfProcess, insertStrategy, updateStrategy } from './strategies.repository.ts';
import { recordRevision } from './strategy-context.ts';

export interface UpdateStrategyStructureInput {
  slug: string;
  dimensions?: { name: string; description: string }[] | undefined;
  pillarsLabel?: string | null | undefined;
  pillars?: string[] | undefined;
  otherAreas?: string[] | undefined;
}

const names = (values: string[]) => values.map((value) => value.trim()).filter(Boolean);

/**
 * Changes the strategy's structure (dimensions, pillars and their label, other areas) in the
 * process language. Keys the editor does not know (the source's notes, slide title …) are kept.
 * A revision (entity "strategy", before/after `structure`) and an audit event each time.
 */
export async function updateStrategyStructure(
  db: Database,
  actor: Actor,
  input: UpdateStrategyStructureInput,
) {
  if (input.dimensions?.some((dimension) => !dimension.name.trim())) {
    throw new ValidationError('Every dimension needs a name.', { dimensions: 'Name required.' });
  }
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canEditStrategy(access), 'edit the strategy');
    const strategy =
      (await findStrategyOfProcess(tx, strategyProcess.id)) ??
      (await insertStrategy(tx, { processId: strategyProcess.id }));
    const before = strategy.structure;
    const after: Record<string, unknown> = { ...before };
    if (input.dimensions !== undefined) {
      after.dimensions = input.dimensions.map((dimension) => ({
        name: dimension.name.trim(),
        description: dimension.description.trim(),
      }));
    }
    if (input.pillarsLabel !== undefined) after.pillarsLabel = input.pillarsLabel?.trim() || null;
    if (input.pillars !== undefined) after.pillars = names(input.pillars);
    if (input.otherAreas !== undefined) after.otherAreas = names(input.otherAreas);
    if (JSON.stringify(before) === JSON.stringify(after)) return strategy;
    const updated = await updateStrategy(tx, strategy.id, {
      structure: after,
      version: strategy.version + 1,
    });
    await recordRevision(tx, actor, {
      processId: strategyProcess.id,
      canvasId: null,
      entityType: 'strategy',
      entityId: strategy.id,
      version: updated.version,
      action: 'updated',
      before: { structure: before },
      after: { structure: updated.structure },
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'strategy.structure_updated',
      entityType: 'strategy',
      entityId: strategy.id,
      detail: { before, after: updated.structure },
    });
    return updated;
  });
}
