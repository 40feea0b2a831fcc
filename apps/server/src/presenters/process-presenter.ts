import { processes, type plan } from '@innspill/core';
import type { ProcessOverview, ProcessSummary } from '@innspill/contracts';

const { translated } = processes;

type OverviewResult = Awaited<ReturnType<typeof plan.getProcessOverview>>;
type ProcessRow = OverviewResult['strategyProcess'];

export function presentProcessSummary(row: ProcessRow, locale: string): ProcessSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: translated(row.title, row.translations, 'title', locale),
    subtitle: translated(row.subtitle, row.translations, 'subtitle', locale),
    language: row.language,
    status: row.status,
  };
}

/** An allow-list of what the overview page shows; never a table row as it is. */
export function presentProcessOverview(
  result: OverviewResult,
  locale: string,
  canEdit: boolean,
): ProcessOverview {
  const row = result.strategyProcess;
  return {
    ...presentProcessSummary(row, locale),
    commissionedBy: row.commissionedBy,
    commissionedByFullName: translated(
      row.commissionedByFullName,
      row.translations,
      'commissionedByFullName',
      locale,
    ),
    assignedTo: row.assignedTo,
    mandate: translated(row.mandate, row.translations, 'mandate', locale),
    principles: translated(row.principles, row.translations, 'principles', locale),
    myRole: result.access.role ?? null,
    canEdit,
    milestones: result.milestones.map((milestone) => ({
      id: milestone.id,
      title: translated(milestone.title, milestone.translations, 'title', locale),
      date: milestone.date,
      kind: milestone.kind,
      isDone: milestone.isDone,
    })),
    bodies: result.bodies.map((body) => ({
      id: body.id,
      name: translated(body.name, body.translations, 'name', locale),
      role: translated(body.role, body.translations, 'role', locale),
      members: body.members,
    })),
    rounds: result.rounds.map((round) => ({
      id: round.id,
      number: round.number,
      title: translated(round.title, round.translations, 'title', locale),
      deadline: round.deadline.toISOString(),
      status: round.status,
      effectiveStatus: round.effectiveStatus,
      visibility: round.visibility,
    })),
  };
}
