import type { processes } from '@innspill/core';
import type { ProcessOverview, ProcessSummary } from '@innspill/contracts';

type OverviewResult = Awaited<ReturnType<typeof processes.getProcessOverview>>;
type ProcessRow = OverviewResult['strategyProcess'];
type Translations = Record<string, Record<string, unknown>>;

/** The value of a field in the reader's locale when a translation exists, otherwise the original. */
function pick<T>(value: T, translations: Translations, field: string, locale: string): T {
  const candidate = translations[locale]?.[field];
  return candidate === undefined || candidate === null ? value : (candidate as T);
}

export function presentProcessSummary(row: ProcessRow, locale: string): ProcessSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: pick(row.title, row.translations, 'title', locale),
    subtitle: pick(row.subtitle, row.translations, 'subtitle', locale),
    language: row.language,
    status: row.status,
  };
}

/** An allow-list of what the overview page shows; never a table row as it is. */
export function presentProcessOverview(result: OverviewResult, locale: string, canEdit: boolean): ProcessOverview {
  const row = result.strategyProcess;
  return {
    ...presentProcessSummary(row, locale),
    commissionedBy: row.commissionedBy,
    commissionedByFullName: pick(row.commissionedByFullName, row.translations, 'commissionedByFullName', locale),
    assignedTo: row.assignedTo,
    mandate: pick(row.mandate, row.translations, 'mandate', locale),
    principles: pick(row.principles, row.translations, 'principles', locale),
    myRole: result.access.role ?? null,
    canEdit,
    milestones: result.milestones.map((milestone) => ({
      id: milestone.id,
      title: pick(milestone.title, milestone.translations, 'title', locale),
      date: milestone.date,
      kind: milestone.kind,
      isDone: milestone.isDone,
    })),
    bodies: result.bodies.map((body) => ({
      id: body.id,
      name: pick(body.name, body.translations, 'name', locale),
      role: pick(body.role, body.translations, 'role', locale),
      members: body.members,
    })),
    rounds: result.rounds.map((round) => ({
      id: round.id,
      number: round.number,
      title: pick(round.title, round.translations, 'title', locale),
      deadline: round.deadline.toISOString(),
      status: round.status,
      visibility: round.visibility,
    })),
  };
}
