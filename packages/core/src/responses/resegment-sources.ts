import { randomUUID } from 'node:crypto';
import type { Transaction } from '../db/database.ts';
import { matchSegments } from './match-segments.ts';
import {
  insertSegments,
  retireSegments,
  updateSegmentPositions,
  type LiveSegmentRow,
  type NewSegment,
} from './responses.repository.ts';
import { searchConfigFor, segmentLanguage } from './segment-text.ts';

/** One source of segments (an answer or an attachment) and its text's segments, in order. */
export interface SegmentSource {
  answerId: string | null;
  attachmentId: string | null;
  texts: string[];
}

const sourceKey = (source: { answerId: string | null; attachmentId: string | null }) =>
  source.attachmentId ? `attachment:${source.attachmentId}` : `answer:${source.answerId ?? ''}`;

/**
 * Brings the stored segments of the given sources in line with their new texts without losing any
 * segment's identity (docs/decisions/segment-identity.md): an unchanged text keeps its id and
 * moves to its new position, a new text becomes a new segment (language and search vector
 * computed in SQL), and a stored text that is gone is retired as `changed` (linked to the segment
 * that replaced it) or `removed`. `stored` are the sources' live segments; a source without new
 * texts retires all of its segments. At most three statements, whatever the number of sources.
 */
export async function resegmentSources(
  tx: Transaction,
  submissionId: string,
  sources: SegmentSource[],
  stored: LiveSegmentRow[],
  now: Date,
) {
  const storedBySource = new Map<string, LiveSegmentRow[]>();
  for (const segment of stored) {
    const key = sourceKey(segment);
    const rows = storedBySource.get(key);
    if (rows) rows.push(segment);
    else storedBySource.set(key, [segment]);
  }
  const inserts: NewSegment[] = [];
  const moves: { id: string; position: number }[] = [];
  const retirements: Parameters<typeof retireSegments>[1] = [];
  for (const source of sources) {
    const own = (storedBySource.get(sourceKey(source)) ?? []).sort((a, b) => a.position - b.position);
    const match = matchSegments(own, source.texts);
    const positionOf = new Map(own.map((segment) => [segment.id, segment.position]));
    for (const kept of match.kept) {
      if (positionOf.get(kept.id) !== kept.position) moves.push(kept);
    }
    const idAtPosition = new Map<number, string>();
    for (const added of match.added) {
      const id = randomUUID();
      idAtPosition.set(added.position, id);
      const language = segmentLanguage(added.text);
      inserts.push({
        id,
        submissionId,
        answerId: source.answerId,
        attachmentId: source.attachmentId,
        position: added.position,
        text: added.text,
        language,
        searchConfig: searchConfigFor(language),
      });
    }
    for (const retired of match.retired) {
      const replacedBy =
        retired.replacedByPosition === undefined ? undefined : idAtPosition.get(retired.replacedByPosition);
      retirements.push({
        id: retired.id,
        reason: replacedBy ? 'changed' : 'removed',
        replacedBySegmentId: replacedBy ?? null,
      });
    }
  }
  // Insert first: a retired segment's replaced_by_segment_id points at a new row.
  await insertSegments(tx, inserts);
  await retireSegments(tx, retirements, now);
  await updateSegmentPositions(tx, moves);
}
