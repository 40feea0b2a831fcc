import { readFileSync } from 'node:fs';
import type { Database, Transaction } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ForbiddenError } from '../shared/domain-error.ts';
import { osloEndOfDayToUtc } from '../shared/oslo-time.ts';
import { canCreateProcess, findProcessBySlug, insertProcess } from '../processes/index.ts';
import { insertMilestones, insertStakeholderBodies } from '../plan/index.ts';
import { insertQuestions, insertRound } from '../rounds/index.ts';
import { loadDemoStrategy } from '../exchange/index.ts';
import { DemoDocumentSchema, type DemoDocument } from './demo-document.ts';

export const demoProcessSlug = 'uh-digitalisering-2021';

export function readDemoDocuments(): { original: DemoDocument; english: DemoDocument } {
  const read = (name: string) =>
    DemoDocumentSchema.parse(JSON.parse(readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8')));
  return { original: read('uh-digitalisering-2021.json'), english: read('uh-digitalisering-2021.en.json') };
}

function milestoneKind(label: string): 'deadline' | 'launch' | 'deliverable' {
  const lower = label.toLowerCase();
  if (lower.startsWith('frist')) return 'deadline';
  if (lower.startsWith('lanser')) return 'launch';
  return 'deliverable';
}

/**
 * Creates the example strategy process (the UH digitalisation strategy 2021) with its mandate,
 * principles, milestones, stakeholder bodies and both input rounds with their key questions.
 * Idempotent: when the process already exists nothing is written.
 */
export async function loadDemoWorkspace(
  db: Database,
  actor: Actor,
): Promise<{ created: boolean; processId: string; slug: string }> {
  if (!canCreateProcess(actor)) {
    throw new ForbiddenError('Only an administrator can load the example workspace.');
  }
  const { original, english } = readDemoDocuments();
  return db.transaction(async (tx) => {
    const existing = await findProcessBySlug(tx, demoProcessSlug);
    if (existing) return { created: false, processId: existing.id, slug: demoProcessSlug };
    const processId = await insertDemoProcess(tx, original, english);
    await recordAuditEvent(tx, actor, {
      processId,
      action: 'demo.loaded',
      entityType: 'strategy_process',
      entityId: processId,
    });
    return { created: true, processId, slug: demoProcessSlug };
  });
}

async function insertDemoProcess(tx: Transaction, doc: DemoDocument, en: DemoDocument): Promise<string> {
  const created = await insertProcess(tx, {
    slug: demoProcessSlug,
    title: doc.title,
    subtitle: doc.subtitle,
    language: doc.language,
    commissionedBy: doc.process.commissionedBy,
    commissionedByFullName: doc.process.commissionedByFullName,
    assignedTo: doc.process.assignedTo,
    mandate: doc.process.mandate,
    principles: doc.process.principles,
    status: 'closed',
    translations: {
      en: {
        title: en.title,
        subtitle: en.subtitle,
        commissionedByFullName: en.process.commissionedByFullName,
        mandate: en.process.mandate,
        principles: en.process.principles,
      },
    },
  });
  await insertMilestones(
    tx,
    doc.process.milestones.map((milestone, index) => ({
      processId: created.id,
      title: milestone.label,
      date: milestone.date,
      kind: milestoneKind(milestone.label),
      isDone: true,
      statedAs: milestone.statedAs,
      translations: { en: { title: en.process.milestones[index]?.label } },
    })),
  );
  await insertStakeholderBodies(
    tx,
    doc.process.stakeholderBodies.map((name, index) => {
      const isWorkingGroup = name.toLowerCase().startsWith('arbeidsgruppe');
      return {
        processId: created.id,
        name,
        role: isWorkingGroup ? doc.process.workingGroup : null,
        position: index,
        translations: {
          en: {
            name: en.process.stakeholderBodies[index],
            ...(isWorkingGroup ? { role: en.process.workingGroup } : {}),
          },
        },
      };
    }),
  );
  for (const [roundIndex, round] of doc.inputRounds.entries()) {
    const roundEn = en.inputRounds[roundIndex];
    const inserted = await insertRound(tx, {
      processId: created.id,
      number: round.number,
      title: `Innspillsrunde ${round.number} (${round.context})`,
      purpose: round.keyQuestionsHeading,
      context: round.context,
      referenceDate: round.referenceDate ?? null,
      deadline: osloEndOfDayToUtc(round.deadline),
      status: 'closed',
      visibility: 'public',
      translations: {
        en: {
          title: `Input round ${round.number} (${roundEn?.context ?? round.context})`,
          purpose: roundEn?.keyQuestionsHeading,
          context: roundEn?.context,
        },
      },
    });
    await insertQuestions(
      tx,
      round.keyQuestions.map((text, position) => ({
        roundId: inserted.id,
        position,
        kind: 'long_text' as const,
        text,
        isRequired: false,
        translations: { en: { text: roundEn?.keyQuestions[position] } },
      })),
    );
  }
  await loadDemoStrategy(tx, created.id, doc, en);
  return created.id;
}
