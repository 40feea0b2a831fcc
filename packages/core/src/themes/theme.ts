/** Pure rules of the theme tree: which themes are numbered, the next number, the grouping. */
import type { ThemeStage } from '@innspill/vocabulary';

/** The fields of a theme these rules look at. */
export interface ThemeNode {
  id: string;
  parentId: string | null;
  number: number | null;
  position: number;
  stage: ThemeStage;
}

/** Strategic themes carry the number people cite; candidate and dropped themes have none. */
export function isStrategicTheme(theme: Pick<ThemeNode, 'stage'>): boolean {
  return theme.stage === 'strategic';
}

/** The number a new strategic theme gets: one after the highest in use. */
export function nextThemeNumber(themes: readonly Pick<ThemeNode, 'number'>[]): number {
  return Math.max(0, ...themes.map((theme) => theme.number ?? 0)) + 1;
}

/** The position a new theme gets: after the last one. */
export function nextThemePosition(themes: readonly Pick<ThemeNode, 'position'>[]): number {
  return Math.max(-1, ...themes.map((theme) => theme.position)) + 1;
}

/** The tree: strategic themes in order, each with the candidates grouped under it, and the rest. */
export interface ThemeTree<T extends ThemeNode> {
  strategic: { theme: T; candidates: T[] }[];
  /** Candidate (and dropped) themes not grouped under a strategic theme. */
  ungrouped: T[];
}

/** Groups themes (already in display order) into the tree; order within each list is kept. */
export function buildThemeTree<T extends ThemeNode>(themes: readonly T[]): ThemeTree<T> {
  const strategic = themes.filter(isStrategicTheme).map((theme) => ({ theme, candidates: [] as T[] }));
  const byId = new Map(strategic.map((entry) => [entry.theme.id, entry]));
  const ungrouped: T[] = [];
  for (const theme of themes) {
    if (isStrategicTheme(theme)) continue;
    const parent = theme.parentId ? byId.get(theme.parentId) : undefined;
    if (parent) parent.candidates.push(theme);
    else ungrouped.push(theme);
  }
  return { strategic, ungrouped };
}
