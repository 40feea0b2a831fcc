import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { getProcessForActor } from '../processes/index.ts';
import { buildThemeTree } from './theme.ts';
import { canArrangeThemes } from './themes.policies.ts';
import { findThemesOfProcess } from './themes.repository.ts';

/**
 * The theme tree of a process: the strategic themes in order with the candidate themes grouped
 * under each (22 under 6 in the example), and the candidates not grouped yet. Any member.
 */
export async function listThemes(db: Queryable, actor: Actor, slug: string) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, slug);
  const rows = await findThemesOfProcess(db, strategyProcess.id);
  return { strategyProcess, access, canArrange: canArrangeThemes(access), ...buildThemeTree(rows) };
}
