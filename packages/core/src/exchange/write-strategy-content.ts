import { randomUUID } from 'node:crypto';
import type { Transaction } from '../db/database.ts';
import {
  breakdownColumns,
  findUserIdsByEmail,
  insertCanvas,
  insertComments,
  insertRevisions,
  insertStatements,
  insertStrategy,
  type CanvasSection,
} from '../strategies/index.ts';
import {
  extrasOf,
  modelledKeys,
  textItem,
  type ProcessDocument,
  type StrategicThemeDocument,
  type TextItem,
} from './process-document.ts';
import { insertTheme } from '../themes/index.ts';

type Translations = Record<string, Record<string, unknown>>;
type StatementValues = Parameters<typeof insertStatements>[1][number];

/** Keeps ids from the document (or makes new ones), the same old id always giving the same new one. */
export function idMapper(preserve: boolean): (id: string | undefined) => string {
  const seen = new Map<string, string>();
  return (id) => {
    if (!id) return randomUUID();
    const known = seen.get(id);
    if (known) return known;
    const mapped = preserve ? id : randomUUID();
    seen.set(id, mapped);
    return mapped;
  };
}

/** Adds the companion document's English to `translations` (nothing when it has none). */
export function withEnglish(
  translations: Translations,
  english: Record<string, unknown> | undefined,
): Translations {
  if (!english || !Object.values(english).some((value) => value !== undefined && value !== null)) {
    return translations;
  }
  return { ...translations, en: { ...(translations.en ?? {}), ...english } };
}

function englishText(item: TextItem | undefined): string | undefined {
  return item === undefined ? undefined : textItem(item).text;
}

/**
 * Writes the strategy of a parsed document into a process (the plan part is `writePlanContent`'s):
 * the structure, the overarching goals, every theme with its canvas and statements in order, the
 * comments and the revisions. `english` is an optional companion document of the same shape
 * (the demo's `.en.json`) whose texts become the `en` translations.
 */
export async function writeStrategyContent(
  tx: Transaction,
  processId: string,
  doc: ProcessDocument,
  options: { english?: ProcessDocument | undefined; mapId: (id: string | undefined) => string },
) {
  const { english, mapId } = options;
  const en = english;
  const goals = doc.overarchingGoals;
  const strategy = await insertStrategy(tx, {
    id: mapId(goals?.id),
    processId,
    goalsLead: goals?.lead ?? '',
    version: goals?.version ?? 1,
    structure: doc.structure ?? {},
    extras: {
      document: extrasOf(doc, modelledKeys.document),
      process: extrasOf(doc.process, modelledKeys.process),
      overarchingGoals: goals ? extrasOf(goals, modelledKeys.overarchingGoals) : {},
    },
    translations: withEnglish(goals?.translations ?? {}, {
      goalsLead: en?.overarchingGoals?.lead,
      structure: en?.structure,
    }),
  });
  if (goals) {
    await insertStatements(
      tx,
      goals.goals.map((goal, position) => {
        const item = textItem(goal);
        return {
          id: mapId(item.id),
          processId,
          canvasId: null,
          section: 'overarching_goal',
          position,
          text: item.text,
          version: item.version ?? 1,
          translations: withEnglish(item.translations, {
            text: englishText(en?.overarchingGoals?.goals[position]),
          }),
        };
      }),
    );
  }

  const canvasIdByNumber = new Map<number, string>();
  for (const [index, theme] of doc.strategicThemes.entries()) {
    const enTheme = en?.strategicThemes[index];
    const canvasId = await writeTheme(tx, processId, theme, enTheme, index, mapId);
    canvasIdByNumber.set(theme.number, canvasId);
  }

  const revisionRows = doc.revisions ?? [];
  const emails = [
    ...revisionRows.map((revision) => revision.author?.email),
    ...doc.strategicThemes.flatMap((theme) => (theme.comments ?? []).map((comment) => comment.author?.email)),
  ].filter((email): email is string => !!email);
  const userIds = await findUserIdsByEmail(tx, [...new Set(emails)]);
  await insertRevisions(
    tx,
    revisionRows.map((revision) => ({
      id: mapId(revision.id),
      processId,
      canvasId: revision.themeNumber === null ? null : (canvasIdByNumber.get(revision.themeNumber) ?? null),
      entityType: revision.entityType,
      entityId:
        revision.entityType === 'strategy'
          ? strategy.id
          : revision.entityType === 'process'
            ? processId
            : mapId(revision.entityId),
      version: revision.version,
      action: revision.action,
      authorId: revision.author?.email ? (userIds.get(revision.author.email) ?? null) : null,
      authorName: revision.author?.name ?? null,
      at: new Date(revision.at),
      before: revision.before,
      after: revision.after,
    })),
  );
  await insertComments(
    tx,
    doc.strategicThemes.flatMap((theme) =>
      (theme.comments ?? []).map((comment) => ({
        id: mapId(comment.id),
        processId,
        canvasId: canvasIdByNumber.get(theme.number) ?? mapId(theme.canvasId),
        statementId: comment.statementId ? mapId(comment.statementId) : null,
        authorId: comment.author?.email ? (userIds.get(comment.author.email) ?? null) : null,
        authorName: comment.author?.name ?? null,
        body: comment.body,
        ...(comment.createdAt ? { createdAt: new Date(comment.createdAt) } : {}),
      })),
    ),
  );
  return { strategyId: strategy.id, themeCount: doc.strategicThemes.length };
}

async function writeTheme(
  tx: Transaction,
  processId: string,
  theme: StrategicThemeDocument,
  enTheme: StrategicThemeDocument | undefined,
  index: number,
  mapId: (id: string | undefined) => string,
): Promise<string> {
  const canvasTranslations = withEnglish(theme.translations ?? {}, {
    title: enTheme?.title,
    summary: enTheme?.summary,
    mainGoal: enTheme?.mainGoal,
    slideTitle: enTheme?.slideTitle,
    labels: enTheme
      ? Object.fromEntries(breakdownColumns.map((column) => [column, enTheme.breakdown[column].label]))
      : undefined,
  });
  const themeRow = await insertTheme(tx, {
    id: mapId(theme.id),
    processId,
    // only strategic themes carry a number (a check in the database)
    number: (theme.stage ?? 'strategic') === 'strategic' ? theme.number : null,
    position: index,
    title: theme.title,
    description: theme.summary,
    stage: theme.stage ?? 'strategic',
    translations: Object.fromEntries(
      Object.entries(canvasTranslations).map(([locale, fields]) => [
        locale,
        { title: fields.title, description: fields.summary },
      ]),
    ),
  });
  const columnExtras = Object.fromEntries(
    breakdownColumns.map((column) => [column, extrasOf(theme.breakdown[column], modelledKeys.column)]),
  );
  const canvas = await insertCanvas(tx, {
    id: mapId(theme.canvasId),
    processId,
    themeId: themeRow.id,
    title: theme.title,
    summary: theme.summary,
    mainGoal: theme.mainGoal,
    status: theme.status ?? 'draft',
    version: theme.version ?? 1,
    extras: { theme: extrasOf(theme, modelledKeys.theme), columns: columnExtras },
    translations: canvasTranslations,
  });

  const rows: StatementValues[] = [];
  const push = (
    section: CanvasSection,
    items: readonly TextItem[],
    enItems: readonly TextItem[] | undefined,
  ) => {
    for (const [position, raw] of items.entries()) {
      const item = textItem(raw);
      rows.push({
        id: mapId(item.id),
        processId,
        canvasId: canvas.id,
        section,
        position,
        text: item.text,
        version: item.version ?? 1,
        translations: withEnglish(item.translations, { text: englishText(enItems?.[position]) }),
      });
    }
  };
  push('challenge', theme.challenges, enTheme?.challenges);
  for (const column of breakdownColumns) {
    const part = theme.breakdown[column];
    const enPart = enTheme?.breakdown[column];
    if (part.headline) {
      rows.push({
        id: mapId(part.headlineId),
        processId,
        canvasId: canvas.id,
        section: `headline.${column}`,
        position: 0,
        text: part.headline,
        version: part.headlineVersion ?? 1,
        translations: withEnglish(part.translations ?? {}, { text: enPart?.headline }),
      });
    }
    push(`${column}.opportunity`, part.opportunities, enPart?.opportunities);
    push(`${column}.prerequisite`, part.prerequisites, enPart?.prerequisites);
  }
  for (const [position, keyword] of theme.keywords.entries()) {
    rows.push({
      id: mapId(keyword.id),
      processId,
      canvasId: canvas.id,
      section: 'keyword',
      position,
      text: keyword.text,
      isTruncated: keyword.truncated,
      version: keyword.version ?? 1,
      translations: withEnglish(keyword.translations ?? {}, { text: enTheme?.keywords[position]?.text }),
    });
  }
  push('deep_dive', theme.deepDive, enTheme?.deepDive);
  for (const deleted of theme.deletedStatements ?? []) {
    rows.push({
      id: mapId(deleted.id),
      processId,
      canvasId: canvas.id,
      section: deleted.section,
      position: deleted.position,
      text: deleted.text,
      isTruncated: deleted.isTruncated,
      version: deleted.version,
      translations: deleted.translations,
      deletedAt: new Date(deleted.deletedAt),
    });
  }
  await insertStatements(tx, rows);
  return canvas.id;
}
