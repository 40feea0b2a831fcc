import type { Transaction } from '../db/database.ts';
import { setProcessInvolvement } from '../processes/index.ts';
import { insertDeliverables } from '../plan/index.ts';
import type { ProcessDocument } from './process-document.ts';
import { withEnglish } from './write-strategy-content.ts';

/**
 * Writes the plan part of a parsed document that the import and the demo loader share: the
 * involvement bullets (on the process row, written by `processes`) and the deliverables (written
 * by `plan`). `english` is the optional companion document whose texts become `en` translations.
 */
export async function writePlanContent(
  tx: Transaction,
  processId: string,
  doc: ProcessDocument,
  options: { english?: ProcessDocument | undefined; mapId: (id: string | undefined) => string },
) {
  const { english: en, mapId } = options;
  await setProcessInvolvement(
    tx,
    processId,
    doc.process.involvement,
    en ? { involvement: en.process.involvement } : undefined,
  );
  await insertDeliverables(
    tx,
    doc.process.deliverables.map((deliverable, index) => ({
      id: mapId(deliverable.id),
      processId,
      name: deliverable.name,
      recipient: deliverable.recipient,
      date: deliverable.date,
      statedAs: deliverable.statedAs,
      position: index,
      translations: withEnglish(deliverable.translations ?? {}, {
        name: en?.process.deliverables[index]?.name,
        statedAs: en?.process.deliverables[index]?.statedAs,
      }),
    })),
  );
}
