import { z } from 'zod';
import * as vocabulary from '@innspill/vocabulary';
import { PlanDateSchema } from './oslo-dates.ts';

export const CanvasStatusSchema = z.enum(vocabulary.canvasStatuses);
export type CanvasStatus = z.infer<typeof CanvasStatusSchema>;

export const canvasSectionNames = vocabulary.canvasSections;

/** One bullet as the reader sees it: in their language when a translation exists. */
export const StatementSchema = z.object({
  id: z.string(),
  section: z.string(),
  position: z.number(),
  text: z.string(),
  /** The text in the process language, when `text` is a translation. */
  originalText: z.string().nullable(),
  isTruncated: z.boolean(),
  version: z.number(),
  /** How many pieces of input back this statement (0 until analysis links segments). */
  evidenceCount: z.number(),
});
export type Statement = z.infer<typeof StatementSchema>;

export const StrategyCommentSchema = z.object({
  id: z.string(),
  statementId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type StrategyComment = z.infer<typeof StrategyCommentSchema>;

export const CanvasPermissionsSchema = z.object({
  canEdit: z.boolean(),
  canComment: z.boolean(),
  canApprove: z.boolean(),
  canChangeStatus: z.boolean(),
});

export const CanvasResponseSchema = z.object({
  process: z.object({ slug: z.string(), title: z.string(), language: z.string() }),
  /** The theme, addressed by `id`; `number` (what people cite) only for strategic themes. */
  theme: z.object({ id: z.string(), number: z.number().nullable(), title: z.string(), stage: z.string() }),
  canvas: z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    mainGoal: z.string(),
    status: CanvasStatusSchema,
    version: z.number(),
  }),
  statements: z.array(StatementSchema),
  comments: z.array(StrategyCommentSchema),
  permissions: CanvasPermissionsSchema,
  /** The strategic themes before and after this one: ids for links, numbers to show. */
  previousThemeId: z.string().nullable(),
  previousThemeNumber: z.number().nullable(),
  nextThemeId: z.string().nullable(),
  nextThemeNumber: z.number().nullable(),
  /** The language the texts are shown in (a translation when it differs from the process language). */
  locale: z.string(),
});
export type CanvasResponse = z.infer<typeof CanvasResponseSchema>;

export const StrategyOverviewSchema = z.object({
  process: z.object({ slug: z.string(), title: z.string(), language: z.string() }),
  goalsLead: z.string(),
  goals: z.array(StatementSchema),
  structure: z.object({
    dimensions: z.array(z.object({ name: z.string(), description: z.string() })),
    pillarsLabel: z.string().nullable(),
    pillars: z.array(z.string()),
    otherAreas: z.array(z.string()),
  }),
  /** The strategic themes in order: addressed by `id`, cited by `number`. */
  themes: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      title: z.string(),
      summary: z.string(),
      mainGoal: z.string(),
      status: CanvasStatusSchema,
      counts: z.object({
        challenges: z.number(),
        opportunities: z.number(),
        prerequisites: z.number(),
        keywords: z.number(),
      }),
    }),
  ),
  canEdit: z.boolean(),
  canApprove: z.boolean(),
  /** The version of the goals' lead and the structure together (0 before the first edit). */
  strategyVersion: z.number(),
  locale: z.string(),
});
export type StrategyOverview = z.infer<typeof StrategyOverviewSchema>;

export const RevisionSchema = z.object({
  id: z.string(),
  entityType: z.enum(vocabulary.revisionEntityTypes),
  entityId: z.string(),
  version: z.number(),
  action: z.string(),
  authorName: z.string().nullable(),
  at: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type Revision = z.infer<typeof RevisionSchema>;

export const RevisionListSchema = z.object({
  /** The process language: the snapshots' texts are in it (translations are keyed by their own). */
  language: z.string(),
  canRestore: z.boolean(),
  /** Whether revisions of the process text (entity `process`) may be restored: owner or secretariat. */
  canRestoreProcess: z.boolean(),
  revisions: z.array(RevisionSchema),
});
export type RevisionList = z.infer<typeof RevisionListSchema>;

export const AddStatementRequestSchema = z.object({
  section: z.string().min(1).max(40),
  text: z.string().trim().min(1).max(4000),
  position: z.number().int().nonnegative().optional(),
  isTruncated: z.boolean().optional(),
});
export const UpdateStatementRequestSchema = z.object({
  text: z.string().trim().min(1).max(4000).optional(),
  isTruncated: z.boolean().optional(),
  locale: z
    .enum(vocabulary.processLanguages)
    .optional() /** The version the edit started from; a change saved by someone else since then gives 409 `conflict`. */,
  baseVersion: z.number().int().nonnegative().optional(),
});
export const MoveStatementRequestSchema = z.object({
  position: z.number().int().nonnegative(),
  section: z.string().min(1).max(40).optional(),
});
export const UpdateCanvasRequestSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  summary: z.string().trim().max(4000).optional(),
  mainGoal: z.string().trim().max(4000).optional(),
  locale: z
    .enum(vocabulary.processLanguages)
    .optional() /** The version the edit started from; a change saved by someone else since then gives 409 `conflict`. */,
  baseVersion: z.number().int().nonnegative().optional(),
});
export const ChangeCanvasStatusRequestSchema = z.object({ status: CanvasStatusSchema });
export const AddCommentRequestSchema = z.object({
  body: z.string().trim().min(1).max(5000),
  statementId: z.string().uuid().nullable().optional(),
});
export const UpdateGoalsLeadRequestSchema = z.object({
  lead: z.string().trim().max(4000),
  locale: z
    .enum(vocabulary.processLanguages)
    .optional() /** The strategy version (`strategyVersion`) the edit started from; a change saved by someone else since then gives 409 `conflict`. */,
  baseVersion: z.number().int().nonnegative().optional(),
});

export const TimelineSchema = z.object({
  today: z.string(),
  process: z.object({ slug: z.string(), title: z.string(), status: z.string() }),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['milestone', 'deliverable', 'round_deadline', 'round_opens', 'involvement']),
      /** For milestones the milestone kind, for involvement events the event kind. */
      subKind: z.string().nullable(),
      date: z.string(),
      title: z.string(),
      detail: z.string().nullable(),
      isDone: z.boolean(),
    }),
  ),
  nextMilestone: z.object({ id: z.string(), title: z.string(), date: z.string() }).nullable(),
  openRounds: z.array(
    z.object({ id: z.string(), number: z.number(), title: z.string(), deadline: z.string() }),
  ),
  counts: z.object({
    rounds: z.number(),
    bodies: z.number(),
    strategicThemes: z.number(),
    statements: z.number(),
    milestones: z.number(),
    milestonesDone: z.number(),
  }),
  involvement: z.array(z.string()),
  deliverables: z.array(
    z.object({ id: z.string(), name: z.string(), recipient: z.string().nullable(), date: z.string() }),
  ),
  bodies: z.array(
    z.object({ id: z.string(), name: z.string(), role: z.string().nullable(), members: z.array(z.string()) }),
  ),
  canEdit: z.boolean(),
});
export type Timeline = z.infer<typeof TimelineSchema>;

export const InvolvementEventKindSchema = z.enum(vocabulary.involvementEventKinds);
export const LogInvolvementEventRequestSchema = z.object({
  date: PlanDateSchema,
  kind: InvolvementEventKindSchema,
  bodyId: z.string().uuid().nullable().optional(),
  notes: z.string().trim().max(4000).optional(),
});
export const UpdateStakeholderBodyRequestSchema = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  role: z.string().trim().max(500).nullable().optional(),
  members: z.array(z.string().trim().max(300)).max(200).optional(),
});
export const AddStakeholderBodyRequestSchema = z.object({
  name: z.string().trim().min(1).max(300),
  role: z.string().trim().max(500).nullable().optional(),
  members: z.array(z.string().trim().max(300)).max(200).optional(),
});
export const SaveDeliverableRequestSchema = z.object({
  name: z.string().trim().min(1).max(300).optional(),
  recipient: z.string().trim().max(300).nullable().optional(),
  date: PlanDateSchema.optional(),
});
export const AddDeliverableRequestSchema = SaveDeliverableRequestSchema.required({ name: true, date: true });
/** The process text the secretariat edits on the overview page (in the process language). */
export const UpdateProcessDetailsRequestSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  subtitle: z.string().trim().max(500).nullable().optional(),
  commissionedBy: z.string().trim().max(200).nullable().optional(),
  commissionedByFullName: z.string().trim().max(300).nullable().optional(),
  mandate: z.array(z.string().trim().max(2000)).max(100).optional(),
  principles: z.array(z.string().trim().max(2000)).max(100).optional(),
});
/** The strategy's structure (process language); each list replaces the one before. */
export const UpdateStructureRequestSchema = z.object({
  dimensions: z
    .array(z.object({ name: z.string().trim().min(1).max(200), description: z.string().trim().max(1000) }))
    .max(30)
    .optional(),
  pillarsLabel: z.string().trim().max(200).nullable().optional(),
  pillars: z.array(z.string().trim().max(300)).max(50).optional(),
  otherAreas: z
    .array(z.string().trim().max(300))
    .max(50)
    .optional() /** The strategy version (`strategyVersion`) the edit started from; a change saved by someone else since then gives 409 `conflict`. */,
  baseVersion: z.number().int().nonnegative().optional(),
});
export const SaveMilestoneRequestSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  date: PlanDateSchema.optional(),
  kind: z.enum(vocabulary.milestoneKinds).optional(),
  isDone: z.boolean().optional(),
});

export const CreateThemeRequestSchema = z.object({
  title: z.string().trim().min(1).max(300),
  mainGoal: z.string().trim().max(4000).optional(),
});
export const MoveThemeRequestSchema = z.object({ position: z.number().int().nonnegative() });
