import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import { moveInList } from '../shared/ordering.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { isStrategicTheme } from './theme.ts';
import { canArrangeThemes } from './themes.policies.ts';
import { findThemesOfProcess, setThemeOrder } from './themes.repository.ts';

/**
 * Reorders the strategic themes; they are renumbered 1..n in their new order (the number is what
 * people cite, so it always follows the order). Owner or secretariat.
 */
export async function moveStrategicTheme(
  db: Database,
  actor: Actor,
  input: { slug: string; themeId: string; position: number },
) {
  return db.transaction(async (tx) => {
    const { strategyProcess, access } = await getProcessForActor(tx, actor, input.slug);
    assertProcessPermission(access, canArrangeThemes(access), 'reorder strategic themes');
    const strategic = (await findThemesOfProcess(tx, strategyProcess.id)).filter(isStrategicTheme);
    const moving = strategic.find((theme) => theme.id === input.themeId);
    if (!moving) throw new NotFoundError('The theme');
    const order = moveInList(
      strategic.map((theme) => theme.id),
      moving.id,
      input.position,
    );
    const byId = new Map(strategic.map((theme) => [theme.id, theme]));
    for (const [index, id] of order.entries()) {
      const theme = byId.get(id)!;
      if (theme.position !== index || theme.number !== index + 1) {
        await setThemeOrder(tx, id, index, index + 1);
      }
    }
    const newNumber = order.indexOf(moving.id) + 1;
    await recordAuditEvent(tx, actor, {
      processId: strategyProcess.id,
      action: 'theme.moved',
      entityType: 'theme',
      entityId: moving.id,
      detail: { before: { number: moving.number }, after: { number: newNumber } },
    });
    return { number: newNumber };
  });
}
