/** A live segment of one source (an answer or an attachment) as stored, in position order. */
export interface StoredSegmentText {
  id: string;
  text: string;
}

/** What re-segmenting one source does to its stored segments (no database access). */
export interface SegmentMatch {
  /** Stored segments whose text is still there: same id, maybe a new position. */
  kept: { id: string; position: number }[];
  /** Texts that no stored segment had: new segments. */
  added: { position: number; text: string }[];
  /**
   * Stored segments whose text is gone. `replacedByPosition` is the position of the added segment
   * that took its place (the text was `changed`); without it the text was `removed`.
   */
  retired: { id: string; replacedByPosition: number | undefined }[];
}

/** How segment texts are compared: whitespace collapsed (segmentText already does this). */
export function normaliseSegmentText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Matches the stored live segments of one source against its new segment texts (in order). The
 * same normalised text keeps its stored id wherever it moved; identical texts pair one-to-one in
 * order. Every new text appears exactly once (kept or added) at its index as position; every
 * stored segment is kept or retired, never lost. A retired segment is paired, in order, with an
 * added text as the one that replaced it (the k-th unmatched stored segment with the k-th
 * unmatched new text): a hint for showing what an edited paragraph now says.
 */
export function matchSegments(stored: StoredSegmentText[], next: string[]): SegmentMatch {
  const idsByText = new Map<string, string[]>();
  for (const segment of stored) {
    const key = normaliseSegmentText(segment.text);
    const ids = idsByText.get(key);
    if (ids) ids.push(segment.id);
    else idsByText.set(key, [segment.id]);
  }
  const kept: SegmentMatch['kept'] = [];
  const added: SegmentMatch['added'] = [];
  const keptIds = new Set<string>();
  next.forEach((text, position) => {
    const id = idsByText.get(normaliseSegmentText(text))?.shift();
    if (id === undefined) {
      added.push({ position, text });
    } else {
      kept.push({ id, position });
      keptIds.add(id);
    }
  });
  const retired = stored
    .filter((segment) => !keptIds.has(segment.id))
    .map((segment, index) => ({ id: segment.id, replacedByPosition: added[index]?.position }));
  return { kept, added, retired };
}
