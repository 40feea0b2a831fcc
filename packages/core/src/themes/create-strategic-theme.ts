import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { nextThemeNumber, nextThemePosition } from './theme.ts';
import { canArrangeThemes } from './themes.policies.ts';
import { findThemesOfProcess, insertTheme } from './themes.repository.ts';

/**
 * Adds a strategic theme, numbered and placed after the last one. Owner or secretariat.
 * Pass a transaction to add more in the same one (the strategy module adds the theme's canvas:
 * `strategies.addStrategicTheme`).
 */
export async function createStrategicTheme(
  db: Database,
  actor: Actor,
  input: { slug: string; title: string },
) {
  const title = input.title.trim();
  if (!title) throw new ValidationError('The theme needs a title.', { title: 'Required.' });
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canArrangeThemes(access), 'add strategic themes');
    const existing = await findThemesOfProcess(tx, strategyProcess.id);
    const number = nextThemeNumber(existing);
    const theme = await insertTheme(tx, {
      processId: strategyProcess.id,
      number,
      position: nextThemePosition(existing),
      title,
      stage: 'strategic',
    });
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'theme.created',
      entityType: 'theme',
      entityId: theme.id,
      detail: { after: { number, title } },
    });
    return { strategyProcess, theme };
  });
}
