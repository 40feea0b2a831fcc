/** The three columns of a canvas's breakdown. */
export const breakdownColumns = ['individual', 'institution', 'society'] as const;
export type BreakdownColumn = (typeof breakdownColumns)[number];

/** The sections of a theme's canvas, in the order of the source slide. */
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

/** A canvas's workflow. */
export const canvasStatuses = ['draft', 'in_review', 'approved'] as const;
export type CanvasStatus = (typeof canvasStatuses)[number];

/** What a revision in the history is a revision of. */
export const revisionEntityTypes = ['statement', 'canvas', 'strategy', 'process'] as const;
export type RevisionEntityType = (typeof revisionEntityTypes)[number];
