import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { StaleEditError } from './strategies.errors.ts';
import { findStrategyOfProcess, insertStrategy, updateStrategyAtVersion } from './strategies.repository.ts';
import { recordRevision } from './strategy-context.ts';

/** Changes the lead text above the overarching goals (or its translation); a revision each time. */
export async function updateGoalsLead(
  db: Database,
  actor: Actor,
  input: {
    slug: string;
    lead: string;
    locale?: string | undefined;
    /** The strategy version the editor started from; a lead changed since then is not overwritten. */
    baseVersion?: number | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canEditStrategy(access), 'edit the strategy');
    const existing = await findStrategyOfProcess(tx, strategyProcess.id);
    if (input.baseVersion !== undefined && input.baseVersion !== (existing?.version ?? 0)) {
      throw new StaleEditError('The lead text');
    }
    const strategy = existing ?? (await insertStrategy(tx, { processId: strategyProcess.id }));
    const lead = input.lead.trim();
    const isTranslation = input.locale !== undefined && input.locale !== strategyProcess.language;
    const current =
      isTranslation && input.locale ? strategy.translations[input.locale]?.goalsLead : strategy.goalsLead;
    // saving what is already there is not a change: no new version, no empty history entry
    if (current === lead) return strategy;
    const before = { goalsLead: strategy.goalsLead, translations: strategy.translations };
    const updated = await updateStrategyAtVersion(
      tx,
      strategy.id,
      strategy.version,
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
    if (!updated) throw new StaleEditError('The lead text');
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
