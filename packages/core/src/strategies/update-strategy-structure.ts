import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { StaleEditError } from './strategies.errors.ts';
import { findStrategyOfProcess, insertStrategy, updateStrategyAtVersion } from './strategies.repository.ts';
import { recordRevision } from './strategy-context.ts';

export interface UpdateStrategyStructureInput {
  slug: string;
  dimensions?: { name: string; description: string }[] | undefined;
  pillarsLabel?: string | null | undefined;
  pillars?: string[] | undefined;
  otherAreas?: string[] | undefined;
  /** The strategy version the editor started from; a structure changed since then is not overwritten. */
  baseVersion?: number | undefined;
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
    const existing = await findStrategyOfProcess(tx, strategyProcess.id);
    if (input.baseVersion !== undefined && input.baseVersion !== (existing?.version ?? 0)) {
      throw new StaleEditError('The structure');
    }
    const strategy = existing ?? (await insertStrategy(tx, { processId: strategyProcess.id }));
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
    const updated = await updateStrategyAtVersion(tx, strategy.id, strategy.version, {
      structure: after,
      version: strategy.version + 1,
    });
    if (!updated) throw new StaleEditError('The structure');
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
