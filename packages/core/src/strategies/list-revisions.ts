import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { canEditProcess, getProcessForActor } from '../processes/index.ts';
import { canEditStrategy } from './strategies.policies.ts';
import { findProcessLevelRevisions, findRevisionsOfCanvas, findUserNames } from './strategies.repository.ts';
import { loadCanvasForActor } from './strategy-context.ts';

/**
 * The history of a canvas (its own changes and its statements'), newest first; with
 * `themeId: null` the history of the process-level text (goals and their lead).
 */
export async function listRevisions(
  db: Database,
  actor: Actor,
  input: { slug: string; themeId: string | null },
) {
  let rows;
  let access;
  let language;
  if (input.themeId === null) {
    const loaded = await getProcessForActor(db, actor, input.slug);
    access = loaded.access;
    language = loaded.strategyProcess.language;
    rows = await findProcessLevelRevisions(db, loaded.strategyProcess.id);
  } else {
    const loaded = await loadCanvasForActor(db, actor, input.slug, input.themeId);
    access = loaded.access;
    language = loaded.strategyProcess.language;
    rows = await findRevisionsOfCanvas(db, loaded.canvas.id);
  }
  const names = await findUserNames(db, [
    ...new Set(rows.map((row) => row.authorId).filter((id): id is string => !!id)),
  ]);
  return {
    /** The language the texts (not their translations) are written in. */
    language,
    canRestore: canEditStrategy(access),
    // the process text's own revisions are listed with the goals, but only its editors restore them
    canRestoreProcess: canEditProcess(access),
    revisions: rows.map((row) => ({
      revision: row,
      authorName: (row.authorId ? names.get(row.authorId)?.name : undefined) ?? row.authorName ?? null,
    })),
  };
}
