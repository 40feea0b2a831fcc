import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../audit/index.ts';
import type { Actor } from '../shared/actor.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { findStrategyOfProcess, insertStrategy, updateStrategy } from './strategies.repository.ts';
import { recordRevision } from './strategy-context.ts';

/** Changes the lead text above the overarching goals (or its translation); a revision each time. */
export async function updateGoalsLead(
  db: Database,
  actor: Actor,
  input: { slug: string; lead: string; locale?: string | undefined },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canEditStrategy(access), 'edit the strategy');
    const strategy =
      (await findStrategyOfProcess(tx, strategyProcess.id)) ??
      (await insertStrategy(tx, { processId: strategyProcess.id }));
    const lead = input.lead.trim();
    const isTranslation = input.locale !== undefined && input.locale !== strategyProcess.language;
    const before = { goalsLead: strategy.goalsLead, translations: strategy.translations };
    const updated = await updateStrategy(
      tx,
      strategy.id,
      isTranslation && input.locale
        ? {
            translations: {
              ...strategy.translations,
              [input.locale]: { ...(strategy.translations[input.locale] ?? {}), goalsLead: lead },
            },
            version: strategy.version + 1,
          }
        : { goalsLead: lead, version: strategy.version + 1 },
    );
    await recordRevision(tx, actor, {
      processId: strategyProcess.id,
      canvasId: null,
      entityType: 'strategy',
      entityId: strategy.id,
      version: updated.version,
      action: 'updated',
      before,
      after: { goalsLead: updated.goalsLead, translations: updated.translations },
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'strategy.goals_lead_updated',
      entityType: 'strategy',
      entityId: strategy.id,
      detail: { before: before.goalsLead, after: updated.goalsLead },
    });
    return updated;
  });
}
