import type { Transaction } from '../db/database.ts';
import { parseProcessDocument } from './process-document.ts';
import { writePlanContent } from './write-plan-content.ts';
import { idMapper, writeStrategyContent } from './write-strategy-content.ts';

/**
 * The strategy part of the example workspace: deliverables, involvement, structure, the four
 * overarching goals and the six themes with every bullet in its place, English in `translations`.
 * Called by the demo loader inside its transaction, after the process itself exists.
 */
export async function loadDemoStrategy(
  tx: Transaction,
  processId: string,
  original: unknown,
  english: unknown,
) {
  const doc = parseProcessDocument(original);
  const en = parseProcessDocument(english);
  const mapId = idMapper(false);
  await writePlanContent(tx, processId, doc, { english: en, mapId });
  return writeStrategyContent(tx, processId, doc, { english: en, mapId });
}
