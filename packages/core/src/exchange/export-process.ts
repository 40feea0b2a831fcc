import type { Database } from '../db/database.ts';
import type { Actor } from '../shared/actor.ts';
import { osloTimeZone } from '../shared/oslo-time.ts';
import { assertProcessPermission, getProcessForActor } from '../processes/index.ts';
import { findQuestionsOfRounds, findRoundsOfProcess } from '../rounds/index.ts';
import {
  findDeliverablesOfProcess,
  findInvolvementEventsOfProcess,
  findMilestonesOfProcess,
  findStakeholderBodiesOfProcess,
} from '../plan/index.ts';
import {
  breakdownColumns,
  canExportProcess,
  findAllRevisionsOfProcess,
  findAllStatementsOfProcess,
  findCanvasesOfProcess,
  findCommentsOfProcess,
  findStrategyOfProcess,
  findUserNames,
  type StatementRow,
} from '../strategies/index.ts';
import { findThemesOfProcess } from '../themes/index.ts';

type Translations = Record<string, Record<string, unknown>>;

function osloDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: osloTimeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

function item(row: StatementRow) {
  return { id: row.id, text: row.text, version: row.version, translations: row.translations };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * A whole process as one JSON document in the shape of the example file, extended with ids,
 * statuses, versions, translations, comments and revisions (see `process-document.ts`).
 */
export async function exportProcess(db: Database, actor: Actor, slug: string) {
  const { strategyProcess: p, access } = await getProcessForActor(db, actor, slug);
  assertProcessPermission(access, canExportProcess(access), 'export the process');
  const [
    milestoneRows,
    bodyRows,
    roundRows,
    deliverableRows,
    eventRows,
    strategy,
    themeRows,
    canvasRows,
    statementRows,
    commentRows,
    revisionRows,
  ] = await Promise.all([
    findMilestonesOfProcess(db, p.id),
    findStakeholderBodiesOfProcess(db, p.id),
    findRoundsOfProcess(db, p.id),
    findDeliverablesOfProcess(db, p.id),
    findInvolvementEventsOfProcess(db, p.id),
    findStrategyOfProcess(db, p.id),
    findThemesOfProcess(db, p.id),
    findCanvasesOfProcess(db, p.id),
    findAllStatementsOfProcess(db, p.id),
    findCommentsOfProcess(db, p.id),
    findAllRevisionsOfProcess(db, p.id),
  ]);
  const questionRows = await findQuestionsOfRounds(
    db,
    roundRows.map((round) => round.id),
  );
  const people = await findUserNames(db, [
    ...new Set(
      [...revisionRows, ...commentRows].map((row) => row.authorId).filter((id): id is string => !!id),
    ),
  ]);
  const author = (authorId: string | null, authorName: string | null) =>
    authorId || authorName
      ? {
          name: (authorId ? people.get(authorId)?.name : undefined) ?? authorName,
          email: authorId ? (people.get(authorId)?.email ?? null) : null,
        }
      : null;
  const extras = record(strategy?.extras);
  const bodyName = new Map(bodyRows.map((body) => [body.id, body.name]));
  const canvasByTheme = new Map(canvasRows.map((canvas) => [canvas.themeId, canvas]));
  const numberByCanvas = new Map(
    canvasRows.map((canvas) => [
      canvas.id,
      themeRows.find((theme) => theme.id === canvas.themeId)?.number ?? null,
    ]),
  );
  const live = statementRows.filter((row) => row.deletedAt === null).sort((a, b) => a.position - b.position);
  const liveOf = (canvasId: string | null, section: string) =>
    live.filter((row) => row.canvasId === canvasId && row.section === section);

  return {
    format: 'innspill-process' as const,
    formatVersion: 1 as const,
    id: p.id,
    slug: p.slug,
    status: p.status,
    language: p.language,
    title: p.title,
    subtitle: p.subtitle,
    translations: p.translations,
    ...record(extras.document),
    process: {
      commissionedBy: p.commissionedBy,
      commissionedByFullName: p.commissionedByFullName,
      assignedTo: p.assignedTo,
      mandate: p.mandate,
      principles: p.principles,
      deliverables: deliverableRows.map((row) => ({
        id: row.id,
        name: row.name,
        recipient: row.recipient,
        date: row.date,
        statedAs: row.statedAs,
        translations: row.translations,
      })),
      milestones: milestoneRows.map((row) => ({
        id: row.id,
        date: row.date,
        label: row.title,
        statedAs: row.statedAs,
        kind: row.kind,
        done: row.isDone,
        translations: row.translations,
      })),
      involvement: p.involvement,
      stakeholderBodies: bodyRows.map((row) => ({
        id: row.id,
        name: row.name,
        role: row.role,
        members: row.members,
        translations: row.translations,
      })),
      involvementEvents: eventRows.map((row) => ({
        id: row.id,
        date: row.date,
        body: row.bodyId ? (bodyName.get(row.bodyId) ?? null) : null,
        kind: row.kind,
        notes: row.notes,
        translations: row.translations,
      })),
      ...record(extras.process),
    },
    structure: strategy?.structure ?? {},
    inputRounds: roundRows.map((round) => ({
      id: round.id,
      number: round.number,
      title: round.title,
      purpose: round.purpose,
      ...(round.context !== null ? { context: round.context } : {}),
      deadline: osloDate(round.deadline),
      deadlineAt: round.deadline.toISOString(),
      opensAt: round.opensAt ? round.opensAt.toISOString() : null,
      ...(round.referenceDate ? { referenceDate: round.referenceDate } : {}),
      status: round.status,
      visibility: round.visibility,
      keyQuestions: questionRows
        .filter((question) => question.roundId === round.id)
        .map((question) => ({ id: question.id, text: question.text, translations: question.translations })),
      translations: round.translations,
    })),
    overarchingGoals: {
      ...record(extras.overarchingGoals),
      id: strategy?.id,
      version: strategy?.version ?? 1,
      lead: strategy?.goalsLead ?? '',
      goals: liveOf(null, 'overarching_goal').map(item),
      translations: strategy?.translations ?? {},
    },
    strategicThemes: themeRows
      .filter((theme) => theme.number !== null && canvasByTheme.has(theme.id))
      .map((theme) => {
        const canvas = canvasByTheme.get(theme.id)!;
        const canvasExtras = record(canvas.extras);
        const columnExtras = record(canvasExtras.columns);
        const breakdown = Object.fromEntries(
          breakdownColumns.map((column) => {
            const [headline] = liveOf(canvas.id, `headline.${column}`);
            return [
              column,
              {
                ...record(columnExtras[column]),
                headline: headline?.text ?? '',
                ...(headline ? { headlineId: headline.id, headlineVersion: headline.version } : {}),
                opportunities: liveOf(canvas.id, `${column}.opportunity`).map(item),
                prerequisites: liveOf(canvas.id, `${column}.prerequisite`).map(item),
                ...(headline ? { translations: headline.translations } : {}),
              },
            ];
          }),
        );
        return {
          id: theme.id,
          canvasId: canvas.id,
          number: theme.number!,
          title: canvas.title,
          ...record(canvasExtras.theme),
          summary: canvas.summary,
          mainGoal: canvas.mainGoal,
          status: canvas.status,
          stage: theme.stage,
          version: canvas.version,
          translations: canvas.translations as Translations,
          challenges: liveOf(canvas.id, 'challenge').map(item),
          breakdown,
          keywords: liveOf(canvas.id, 'keyword').map((row) => ({
            id: row.id,
            text: row.text,
            truncated: row.isTruncated,
            version: row.version,
            translations: row.translations,
          })),
          deepDive: liveOf(canvas.id, 'deep_dive').map(item),
          deletedStatements: statementRows
            .filter((row) => row.canvasId === canvas.id && row.deletedAt !== null)
            .map((row) => ({
              id: row.id,
              section: row.section,
              position: row.position,
              text: row.text,
              isTruncated: row.isTruncated,
              version: row.version,
              translations: row.translations,
              deletedAt: row.deletedAt!.toISOString(),
            })),
          comments: commentRows
            .filter((comment) => comment.canvasId === canvas.id)
            .map((comment) => ({
              id: comment.id,
              statementId: comment.statementId,
              author: author(comment.authorId, comment.authorName),
              body: comment.body,
              createdAt: comment.createdAt.toISOString(),
            })),
        };
      }),
    revisions: revisionRows.map((revision) => ({
      id: revision.id,
      themeNumber: revision.canvasId ? (numberByCanvas.get(revision.canvasId) ?? null) : null,
      entityType: revision.entityType,
      entityId: revision.entityId,
      version: revision.version,
      action: revision.action,
      author: author(revision.authorId, revision.authorName),
      at: revision.at.toISOString(),
      before: revision.before,
      after: revision.after,
    })),
  };
}

export type ProcessExport = Awaited<ReturnType<typeof exportProcess>>;
