/** Pure rules of the strategy text: sections of a canvas, ordering, the canvas workflow. */

import {
  breakdownColumns,
  canvasSections,
  processSections,
  type BreakdownColumn,
  type CanvasSection,
  type CanvasStatus,
  type ProcessSection,
} from '@innspill/vocabulary';

export { breakdownColumns, canvasSections, processSections };
export type { BreakdownColumn, CanvasSection, CanvasStatus, ProcessSection };

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
