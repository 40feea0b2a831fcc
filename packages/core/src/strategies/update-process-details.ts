import type { Database, Queryable } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ValidationError } from '../shared/domain-error.ts';
import {
  assertProcessPermission,
  canEditProcess,
  getProcessForActor,
  lockProcessRow,
  updateProcessRow,
  type ProcessRow,
} from '../processes/index.ts';
import { findLatestRevisionVersion } from './strategies.repository.ts';
import { recordRevision } from './strategy-context.ts';

/** The process text a revision records: what the secretariat edits on the overview page. */
export interface ProcessDetailsSnapshot {
  title: string;
  subtitle: string | null;
  commissionedBy: string | null;
  commissionedByFullName: string | null;
  mandate: string[];
  principles: string[];
}

export type UpdateProcessDetailsInput = { slug: string } & Partial<{
  title: string;
  subtitle: string | null;
  commissionedBy: string | null;
  commissionedByFullName: string | null;
  mandate: string[];
  principles: string[];
}>;

export function processDetailsSnapshot(row: ProcessRow): ProcessDetailsSnapshot {
  return {
    title: row.title,
    subtitle: row.subtitle,
    commissionedBy: row.commissionedBy,
    commissionedByFullName: row.commissionedByFullName,
    mandate: row.mandate,
    principles: row.principles,
  };
}

const optionalText = (value: string | null) => value?.trim() || null;
const bullets = (values: string[]) => values.map((value) => value.trim()).filter(Boolean);

async function loadEditableProcess(db: Queryable, actor: Actor, slug: string, what: string) {
  const loaded = await getProcessForActor(db, actor, slug);
  assertProcessPermission(loaded.access, canEditProcess(loaded.access), what);
  return loaded;
}

/**
 * Changes the process text (title, subtitle, who commissioned it, mandate, principles) in the
 * process language. Each change is a revision (entity "process", before/after) and an audit event.
 */
export async function updateProcessDetails(db: Database, actor: Actor, input: UpdateProcessDetailsInput) {
  if (input.title !== undefined && !input.title.trim()) {
    throw new ValidationError('The process needs a title.', { title: 'Required.' });
  }
  return db.transaction(async (tx) => {
    const { strategyProcess } = await loadEditableProcess(tx, actor, input.slug, 'edit the process');
    const current = (await lockProcessRow(tx, strategyProcess.id)) ?? strategyProcess;
    const changes: Partial<ProcessDetailsSnapshot> = {};
    if (input.title !== undefined) changes.title = input.title.trim();
    if (input.subtitle !== undefined) changes.subtitle = optionalText(input.subtitle);
    if (input.commissionedBy !== undefined) changes.commissionedBy = optionalText(input.commissionedBy);
    if (input.commissionedByFullName !== undefined) {
      changes.commissionedByFullName = optionalText(input.commissionedByFullName);
    }
    if (input.mandate !== undefined) changes.mandate = bullets(input.mandate);
    if (input.principles !== undefined) changes.principles = bullets(input.principles);
    const before = processDetailsSnapshot(current);
    const after = { ...before, ...changes };
    if (JSON.stringify(before) === JSON.stringify(after)) return current;
    const updated = await updateProcessRow(tx, current.id, changes);
    const version = (await findLatestRevisionVersion(tx, 'process', current.id)) + 1;
    await recordRevision(tx, actor, {
      processId: current.id,
      canvasId: null,
      entityType: 'process',
      entityId: current.id,
      version,
      action: 'updated',
      before,
      after: processDetailsSnapshot(updated),
    });
    const changed = Object.keys(changes).filter(
      (key) =>
        JSON.stringify(before[key as keyof ProcessDetailsSnapshot]) !==
        JSON.stringify(after[key as keyof ProcessDetailsSnapshot]),
    );
    await recordAuditEvent(tx, actor, {
      processId: current.id,
      action: 'process.details_updated',
      entityType: 'strategy_process',
      entityId: current.id,
      detail: {
        fields: changed,
        before: Object.fromEntries(changed.map((key) => [key, before[key as keyof ProcessDetailsSnapshot]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key as keyof ProcessDetailsSnapshot]])),
      },
    });
    return updated;
  });
}
