/** Ordering of lists people rearrange (statements of a section, strategic themes). */

/** Clamps a wished position into 0..length (inclusive: length appends). */
export function clampPosition(position: number | undefined, length: number): number {
  if (position === undefined || !Number.isFinite(position)) return length;
  return Math.max(0, Math.min(length, Math.trunc(position)));
}

/** Moves one id within an ordered list: the new order of ids. */
export function moveInList(ids: readonly string[], id: string, toIndex: number): string[] {
  const rest = ids.filter((candidate) => candidate !== id);
  const target = clampPosition(toIndex, rest.length);
  return [...rest.slice(0, target), id, ...rest.slice(target)];
}
