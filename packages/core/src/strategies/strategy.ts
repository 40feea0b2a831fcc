/** Pure rules of the strategy text: sections of a canvas, ordering, the canvas workflow. */

export const breakdownColumns = ['individual', 'institution', 'society'] as const;
export type BreakdownColumn = (typeof breakdownColumns)[number];

export const canvasSections = [
  'challenge',
  'headline.individual',
  'individual.opportunity',
  'individual.prerequisite',
  'headline.institution',
  'institution.opportunity',
  'institution.prerequisite',
  'headline.society',
  'society.opportunity',
  'society.prerequisite',
  'keyword',
  'deep_dive',
] as const;
export type CanvasSection = (typeof canvasSections)[number];

/** Statements that belong to the process rather than to one canvas. */
export const processSections = ['overarching_goal'] as const;
export type ProcessSection = (typeof processSections)[number];

export type StatementSection = CanvasSection | ProcessSection;
export const statementSections: readonly StatementSection[] = [...canvasSections, ...processSections];

export function isCanvasSection(value: string): value is CanvasSection {
  return (canvasSections as readonly string[]).includes(value);
}

export function isStatementSection(value: string): value is StatementSection {
  return statementSections.includes(value as StatementSection);
}

/** A headline (the slogan of a column) is a single statement, not a list. */
export function isSingleStatementSection(section: StatementSection): boolean {
  return section.startsWith('headline.');
}

export type CanvasStatus = 'draft' | 'in_review' | 'approved';

/** Which status changes exist, and whether they need the approver role (owner or secretariat). */
export const canvasTransitions: Record<CanvasStatus, Partial<Record<CanvasStatus, 'editor' | 'approver'>>> = {
  draft: { in_review: 'editor' },
  in_review: { approved: 'approver', draft: 'editor' },
  approved: { draft: 'approver' },
};

export function transitionNeeds(from: CanvasStatus, to: CanvasStatus): 'editor' | 'approver' | undefined {
  return canvasTransitions[from][to];
}

export { clampPosition, moveInList } from '../shared/ordering.ts';

/** The fields of a statement that a revision records. */
export interface StatementSnapshot {
  section: string;
  position: number;
  text: string;
  isTruncated: boolean;
  translations: Record<string, Record<string, unknown>>;
  deleted: boolean;
}

/** The fields of a canvas that a revision records. */
export interface CanvasSnapshot {
  title: string;
  summary: string;
  mainGoal: string;
  status: CanvasStatus;
  translations: Record<string, Record<string, unknown>>;
}
