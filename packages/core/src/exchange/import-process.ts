import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../shared/domain-error.ts';
import { osloEndOfDayToUtc } from '../shared/oslo-time.ts';
import { upsertMembership } from '../accounts/index.ts';
import {
  canCreateProcess,
  findProcessById,
  findProcessBySlug,
  insertProcess,
  slugify,
  SlugTakenError,
} from '../processes/index.ts';
import { insertInvolvementEvents, insertMilestones, insertStakeholderBodies } from '../plan/index.ts';
import { insertQuestions, insertRound } from '../rounds/index.ts';
import { parseProcessDocument, textItem } from './process-document.ts';
import { writePlanContent } from './write-plan-content.ts';
import { idMapper, writeStrategyContent } from './write-strategy-content.ts';

function milestoneKind(label: string): 'deadline' | 'launch' | 'deliverable' {
  const lower = label.toLowerCase();
  if (lower.startsWith('frist') || lower.startsWith('deadline')) return 'deadline';
  if (lower.startsWith('lanser') || lower.startsWith('launch')) return 'launch';
  return 'deliverable';
}

export interface ImportProcessOptions {
  /** Use this short name instead of the document's. */
  slug?: string | undefined;
  /** A companion document of the same shape whose texts become the English translations. */
  english?: unknown;
}

/**
 * Creates a whole process from an exchange document (an export, or the example file) in one
 * transaction: nothing is written when the document is invalid or the short name is taken. Ids are
 * kept unless the process already exists in this database (then every id is new).
 */
export async function importProcess(
  db: Database,
  actor: Actor,
  raw: unknown,
  options: ImportProcessOptions = {},
) {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (!canCreateProcess(actor)) {
    throw new ForbiddenError('Only an administrator can import a strategy process.');
  }
  const doc = parseProcessDocument(raw);
  const english = options.english === undefined ? undefined : parseProcessDocument(options.english);
  const slug = options.slug ?? doc.slug ?? slugify(doc.title);
  return db.transaction(async (tx) => {
    if (await findProcessBySlug(tx, slug)) throw new SlugTakenError(slug);
    const preserve = !doc.id || !(await findProcessById(tx, doc.id));
    const mapId = idMapper(preserve);
    const en = english;
    const created = await insertProcess(tx, {
      id: mapId(doc.id),
      slug,
      title: doc.title,
      subtitle: doc.subtitle ?? null,
      language: doc.language,
      commissionedBy: doc.process.commissionedBy ?? null,
      commissionedByFullName: doc.process.commissionedByFullName ?? null,
      assignedTo: doc.process.assignedTo ?? null,
      mandate: doc.process.mandate,
      principles: doc.process.principles,
      status: doc.status ?? 'active',
      translations: {
        ...(doc.translations ?? {}),
        ...(en
          ? {
              en: {
                title: en.title,
                subtitle: en.subtitle,
                commissionedByFullName: en.process.commissionedByFullName,
                mandate: en.process.mandate,
                principles: en.process.principles,
              },
            }
          : {}),
      },
    });
    const processId = created.id;
    await insertMilestones(
      tx,
      doc.process.milestones.map((milestone, index) => ({
        id: mapId(milestone.id),
        processId,
        title: milestone.label,
        date: milestone.date,
        kind: milestone.kind ?? milestoneKind(milestone.label),
        isDone: milestone.done ?? false,
        statedAs: milestone.statedAs ?? null,
        translations:
          milestone.translations ?? (en ? { en: { title: en.process.milestones[index]?.label } } : {}),
      })),
    );
    const bodies = await insertStakeholderBodies(
      tx,
      doc.process.stakeholderBodies.map((body, index) => {
        const enBody = en?.process.stakeholderBodies[index];
        const enName = typeof enBody === 'string' ? enBody : enBody?.name;
        if (typeof body === 'string') {
          const isWorkingGroup = body.toLowerCase().startsWith('arbeidsgruppe') && !!doc.process.workingGroup;
          return {
            processId,
            name: body,
            role: isWorkingGroup ? (doc.process.workingGroup ?? null) : null,
            position: index,
            translations: (en
              ? { en: { name: enName, ...(isWorkingGroup ? { role: en.process.workingGroup } : {}) } }
              : {}) as Record<string, Record<string, unknown>>,
          };
        }
        return {
          id: mapId(body.id),
          processId,
          name: body.name,
          role: body.role ?? null,
          members: body.members,
          position: index,
          translations: body.translations ?? {},
        };
      }),
    );
    const bodyIdByName = new Map(bodies.map((body) => [body.name, body.id]));
    await insertInvolvementEvents(
      tx,
      (doc.process.involvementEvents ?? []).map((event) => ({
        id: mapId(event.id),
        processId,
        bodyId: event.body ? (bodyIdByName.get(event.body) ?? null) : null,
        date: event.date,
        kind: event.kind,
        notes: event.notes,
        translations: event.translations ?? {},
      })),
    );
    for (const [index, round] of doc.inputRounds.entries()) {
      const enRound = en?.inputRounds[index];
      const inserted = await insertRound(tx, {
        id: mapId(round.id),
        processId,
        number: round.number,
        title: round.title ?? `Innspillsrunde ${round.number}${round.context ? ` (${round.context})` : ''}`,
        purpose: round.purpose ?? round.keyQuestionsHeading ?? '',
        context: round.context ?? null,
        referenceDate: round.referenceDate ?? null,
        opensAt: round.opensAt ? new Date(round.opensAt) : null,
        deadline: round.deadlineAt ? new Date(round.deadlineAt) : osloEndOfDayToUtc(round.deadline),
        status: round.status ?? 'closed',
        visibility: round.visibility ?? 'public',
        translations:
          round.translations ??
          (enRound
            ? {
                en: {
                  title: `Input round ${round.number}${enRound.context ? ` (${enRound.context})` : ''}`,
                  purpose: enRound.keyQuestionsHeading,
                  context: enRound.context,
                },
              }
            : {}),
      });
      await insertQuestions(
        tx,
        round.keyQuestions.map((question, position) => {
          const parsed = textItem(question);
          const enQuestion = enRound?.keyQuestions[position];
          return {
            id: mapId(parsed.id),
            roundId: inserted.id,
            position,
            kind: 'long_text' as const,
            text: parsed.text,
            isRequired: false,
            translations: enQuestion
              ? { ...parsed.translations, en: { text: textItem(enQuestion).text } }
              : parsed.translations,
          };
        }),
      );
    }
    await writePlanContent(tx, processId, doc, { english: en, mapId });
    const content = await writeStrategyContent(tx, processId, doc, { english: en, mapId });
    if (actor.kind === 'user') await upsertMembership(tx, actor.userId, processId, 'owner');
    await recordAuditEvent(tx, actor, {
      processId,
      action: 'process.imported',
      entityType: 'strategy_process',
      entityId: processId,
      detail: { slug, themes: content.themeCount, idsKept: preserve },
    });
    return { processId, slug, themeCount: content.themeCount, idsKept: preserve };
  });
}
