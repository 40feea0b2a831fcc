/** The languages a process (and its texts) can be written in: bokmål, nynorsk, English. */
export const processLanguages = ['nb', 'nn', 'en'] as const;
export type ProcessLanguage = (typeof processLanguages)[number];

/** A process's lifecycle. */
export const processStatuses = ['active', 'closed', 'archived'] as const;
export type ProcessStatus = (typeof processStatuses)[number];

/** What a milestone on the timeline marks. */
export const milestoneKinds = ['deliverable', 'launch', 'meeting', 'deadline'] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

/** How the sector was involved, in the involvement log. */
export const involvementEventKinds = ['meeting', 'status_report', 'presentation', 'hearing'] as const;
export type InvolvementEventKind = (typeof involvementEventKinds)[number];
