import type { Queryable } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { NotFoundError } from '../shared/domain-error.ts';
import { getProcessForActor } from '../processes/index.ts';
import { findThemeOfProcess } from './themes.repository.ts';

/** One theme of a process by its id, with the process and the actor's access; 404 when missing. */
export async function getTheme(db: Queryable, actor: Actor, input: { slug: string; themeId: string }) {
  const { strategyProcess, access } = await getProcessForActor(db, actor, input.slug);
  const theme = await findThemeOfProcess(db, strategyProcess.id, input.themeId);
  if (!theme) throw new NotFoundError('The theme');
  return { strategyProcess, access, theme };
}
