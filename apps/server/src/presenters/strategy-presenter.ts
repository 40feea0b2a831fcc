import { processes } from '@innspill/core';
import type { plan, strategies } from '@innspill/core';
import type {
  CanvasResponse,
  RevisionList,
  StrategyOverview,
  Timeline,
  Statement,
} from '@innspill/contracts';

const { translated } = processes;

type CanvasResult = Awaited<ReturnType<typeof strategies.getCanvas>>;
type OverviewResult = Awaited<ReturnType<typeof strategies.getStrategyOverview>>;
type RevisionsResult = Awaited<ReturnType<typeof strategies.listRevisions>>;
type TimelineResult = Awaited<ReturnType<typeof plan.getProcessTimeline>>;
type StatementRow = CanvasResult['statements'][number]['statement'];

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function presentStatement(row: StatementRow, evidenceCount: number, locale: string): Statement {
  const text = translated(row.text, row.translations, 'text', locale);
  return {
    id: row.id,
    section: row.section,
    position: row.position,
    text,
    originalText: text === row.text ? null : row.text,
    isTruncated: row.isTruncated,
    version: row.version,
    evidenceCount,
  };
}

export function presentCanvas(result: CanvasResult, locale: string): CanvasResponse {
  const { strategyProcess: p, theme, canvas } = result;
  return {
    process: {
      slug: p.slug,
      title: translated(p.title, p.translations, 'title', locale),
      language: p.language,
    },
    theme: {
      id: theme.id,
      number: theme.number,
      title: translated(theme.title, theme.translations, 'title', locale),
      stage: theme.stage,
    },
    canvas: {
      id: canvas.id,
      title: translated(canvas.title, canvas.translations, 'title', locale),
      summary: translated(canvas.summary, canvas.translations, 'summary', locale),
      mainGoal: translated(canvas.mainGoal, canvas.translations, 'mainGoal', locale),
      status: canvas.status,
      version: canvas.version,
    },
    statements: result.statements.map((entry) =>
      presentStatement(entry.statement, entry.evidenceCount, locale),
    ),
    comments: result.comments.map((comment) => ({
      id: comment.id,
      statementId: comment.statementId,
      authorName: comment.authorName,
      body: comment.body,
      createdAt: comment.createdAt.toISOString(),
    })),
    permissions: result.permissions,
    previousThemeId: result.previousThemeId,
    previousThemeNumber: result.previousThemeNumber,
    nextThemeId: result.nextThemeId,
    nextThemeNumber: result.nextThemeNumber,
    locale,
  };
}

export function presentStrategyOverview(result: OverviewResult, locale: string): StrategyOverview {
  const p = result.strategyProcess;
  const strategy = result.strategy;
  const structure = (
    strategy ? translated(strategy.structure, strategy.translations, 'structure', locale) : {}
  ) as Record<string, unknown>;
  const dimensions = Array.isArray(structure.dimensions) ? (structure.dimensions as unknown[]) : [];
  return {
    process: {
      slug: p.slug,
      title: translated(p.title, p.translations, 'title', locale),
      language: p.language,
    },
    goalsLead: strategy ? translated(strategy.goalsLead, strategy.translations, 'goalsLead', locale) : '',
    goals: result.goals.map((goal) => presentStatement(goal, 0, locale)),
    structure: {
      dimensions: dimensions.map((dimension) => {
        const entry = (dimension ?? {}) as Record<string, unknown>;
        return { name: String(entry.name ?? ''), description: String(entry.description ?? '') };
      }),
      pillarsLabel: typeof structure.pillarsLabel === 'string' ? structure.pillarsLabel : null,
      pillars: stringList(structure.pillars),
      otherAreas: stringList(structure.otherAreas),
    },
    themes: result.themes
      .filter((entry) => entry.canvas && entry.theme.number !== null)
      .map(({ theme, canvas, sectionCounts }) => {
        const count = (suffix: string) =>
          Object.entries(sectionCounts)
            .filter(([section]) => section.endsWith(suffix))
            .reduce((sum, [, value]) => sum + value, 0);
        return {
          id: theme.id,
          number: theme.number!,
          title: translated(canvas!.title, canvas!.translations, 'title', locale),
          summary: translated(canvas!.summary, canvas!.translations, 'summary', locale),
          mainGoal: translated(canvas!.mainGoal, canvas!.translations, 'mainGoal', locale),
          status: canvas!.status,
          counts: {
            challenges: sectionCounts.challenge ?? 0,
            opportunities: count('.opportunity'),
            prerequisites: count('.prerequisite'),
            keywords: sectionCounts.keyword ?? 0,
          },
        };
      }),
    canEdit: result.canEdit,
    canApprove: result.canApprove,
    strategyVersion: strategy?.version ?? 0,
    locale,
  };
}

export function presentRevisions(result: RevisionsResult): RevisionList {
  return {
    language: result.language,
    canRestore: result.canRestore,
    canRestoreProcess: result.canRestoreProcess,
    revisions: result.revisions.map(({ revision, authorName }) => ({
      id: revision.id,
      entityType: revision.entityType,
      entityId: revision.entityId,
      version: revision.version,
      action: revision.action,
      authorName,
      at: revision.at.toISOString(),
      before: revision.before,
      after: revision.after,
    })),
  };
}

export function presentTimeline(result: TimelineResult, locale: string): Timeline {
  const p = result.strategyProcess;
  const bodyName = new Map(
    result.bodies.map((body) => [body.id, translated(body.name, body.translations, 'name', locale)]),
  );
  const osloDate = (at: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
  const items: Timeline['items'] = [
    ...result.milestones.map((milestone) => ({
      id: milestone.id,
      kind: 'milestone' as const,
      subKind: milestone.kind,
      date: milestone.date,
      title: translated(milestone.title, milestone.translations, 'title', locale),
      detail: milestone.statedAs,
      isDone: milestone.isDone,
    })),
    ...result.rounds.flatMap((round) => {
      const title = translated(round.title, round.translations, 'title', locale);
      return [
        ...(round.opensAt
          ? [
              {
                id: `${round.id}:opens`,
                kind: 'round_opens' as const,
                subKind: round.effectiveStatus,
                date: osloDate(round.opensAt),
                title,
                detail: null,
                isDone: round.hasOpened && round.effectiveStatus !== 'draft',
              },
            ]
          : []),
        {
          id: `${round.id}:deadline`,
          kind: 'round_deadline' as const,
          // The status the round has now: a draft is not published, and an open round past its
          // deadline is closed (the timeline shows this, not the stored status).
          subKind: round.effectiveStatus,
          date: osloDate(round.deadline),
          title,
          detail: null,
          isDone: round.effectiveStatus === 'closed',
        },
      ];
    }),
    ...result.events.map((event) => ({
      id: event.id,
      kind: 'involvement' as const,
      subKind: event.kind,
      date: event.date,
      title: event.bodyId ? (bodyName.get(event.bodyId) ?? '') : '',
      detail: translated(event.notes, event.translations, 'notes', locale) || null,
      isDone: event.date <= result.today,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
  return {
    today: result.today,
    process: { slug: p.slug, title: translated(p.title, p.translations, 'title', locale), status: p.status },
    items,
    nextMilestone: result.nextMilestone
      ? {
          id: result.nextMilestone.id,
          title: translated(result.nextMilestone.title, result.nextMilestone.translations, 'title', locale),
          date: result.nextMilestone.date,
        }
      : null,
    openRounds: result.openRounds.map((round) => ({
      id: round.id,
      number: round.number,
      title: translated(round.title, round.translations, 'title', locale),
      deadline: round.deadline.toISOString(),
    })),
    counts: result.counts,
    involvement: translated(p.involvement, p.translations, 'involvement', locale),
    bodies: result.bodies.map((body) => ({
      id: body.id,
      name: translated(body.name, body.translations, 'name', locale),
      role: translated(body.role, body.translations, 'role', locale),
      members: body.members,
    })),
    canEdit: result.canEdit,
    deliverables: result.deliverables.map((deliverable) => ({
      id: deliverable.id,
      name: translated(deliverable.name, deliverable.translations, 'name', locale),
      recipient: deliverable.recipient,
      date: deliverable.date,
    })),
  };
}
