import { z } from 'zod';
import * as vocabulary from '@innspill/vocabulary';
import { InvalidProcessDocumentError } from './exchange.errors.ts';

/**
 * The exchange format of a whole process: the shape and key names of the example file
 * (`uh-digitalisering-2021.json`), extended with ids, statuses, versions, translations, comments
 * and revisions. A plain demo file is a valid document: every extension is optional, and a bullet
 * may be a plain string or an object with its id and translations.
 */

const TranslationsSchema = z.record(z.string(), z.record(z.string(), z.unknown()));
const IdSchema = z.uuid();

export const TextItemSchema = z.union([
  z.string(),
  z.object({
    id: IdSchema.optional(),
    text: z.string(),
    version: z.number().int().positive().optional(),
    translations: TranslationsSchema.optional(),
  }),
]);
export type TextItem = z.infer<typeof TextItemSchema>;

export const KeywordItemSchema = z.object({
  id: IdSchema.optional(),
  text: z.string(),
  truncated: z.boolean().default(false),
  version: z.number().int().positive().optional(),
  translations: TranslationsSchema.optional(),
});

const BreakdownColumnSchema = z.looseObject({
  label: z.string().optional(),
  headline: z.string(),
  headlineId: IdSchema.optional(),
  headlineVersion: z.number().int().positive().optional(),
  opportunities: z.array(TextItemSchema),
  prerequisites: z.array(TextItemSchema),
  translations: TranslationsSchema.optional(),
});

const DeletedStatementSchema = z.object({
  id: IdSchema,
  section: z.string(),
  position: z.number().int().nonnegative(),
  text: z.string(),
  isTruncated: z.boolean().default(false),
  version: z.number().int().positive(),
  translations: TranslationsSchema.default({}),
  deletedAt: z.iso.datetime({ offset: true }),
});

const CommentSchema = z.object({
  id: IdSchema.optional(),
  statementId: IdSchema.nullable().optional(),
  author: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable().optional(),
  body: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }).optional(),
});

export const StrategicThemeSchema = z.looseObject({
  id: IdSchema.optional(),
  canvasId: IdSchema.optional(),
  number: z.number().int().positive(),
  title: z.string().min(1),
  slideTitle: z.string().optional(),
  summary: z.string(),
  mainGoal: z.string(),
  status: z.enum(vocabulary.canvasStatuses).optional(),
  stage: z.enum(vocabulary.themeStages).optional(),
  version: z.number().int().positive().optional(),
  translations: TranslationsSchema.optional(),
  challenges: z.array(TextItemSchema),
  breakdown: z.object({
    individual: BreakdownColumnSchema,
    institution: BreakdownColumnSchema,
    society: BreakdownColumnSchema,
  }),
  keywords: z.array(KeywordItemSchema),
  deepDive: z.array(TextItemSchema),
  deletedStatements: z.array(DeletedStatementSchema).optional(),
  comments: z.array(CommentSchema).optional(),
});
export type StrategicThemeDocument = z.infer<typeof StrategicThemeSchema>;

const MilestoneDocumentSchema = z.object({
  id: IdSchema.optional(),
  date: z.iso.date(),
  label: z.string().min(1),
  statedAs: z.string().nullable().optional(),
  kind: z.enum(vocabulary.milestoneKinds).optional(),
  done: z.boolean().optional(),
  translations: TranslationsSchema.optional(),
});

const DeliverableDocumentSchema = z.object({
  id: IdSchema.optional(),
  name: z.string().min(1),
  recipient: z.string().nullable(),
  date: z.iso.date(),
  statedAs: z.array(z.string()).default([]),
  translations: TranslationsSchema.optional(),
});

const BodyDocumentSchema = z.union([
  z.string().min(1),
  z.object({
    id: IdSchema.optional(),
    name: z.string().min(1),
    role: z.string().nullable().optional(),
    members: z.array(z.string()).default([]),
    translations: TranslationsSchema.optional(),
  }),
]);

const InvolvementEventDocumentSchema = z.object({
  id: IdSchema.optional(),
  date: z.iso.date(),
  body: z.string().nullable().optional(),
  kind: z.enum(vocabulary.involvementEventKinds),
  notes: z.string().default(''),
  translations: TranslationsSchema.optional(),
});

const InputRoundDocumentSchema = z.looseObject({
  id: IdSchema.optional(),
  number: z.number().int().positive(),
  title: z.string().optional(),
  purpose: z.string().optional(),
  context: z.string().optional(),
  deadline: z.iso.date(),
  deadlineAt: z.iso.datetime({ offset: true }).optional(),
  opensAt: z.iso.datetime({ offset: true }).nullable().optional(),
  referenceDate: z.iso.date().optional(),
  status: z.enum(vocabulary.roundStatuses).optional(),
  visibility: z.enum(vocabulary.roundVisibilities).optional(),
  keyQuestionsHeading: z.string().optional(),
  keyQuestions: z.array(TextItemSchema),
  translations: TranslationsSchema.optional(),
});

const RevisionDocumentSchema = z.object({
  id: IdSchema.optional(),
  themeNumber: z.number().int().positive().nullable(),
  entityType: z.enum(vocabulary.revisionEntityTypes),
  entityId: IdSchema,
  version: z.number().int().positive(),
  action: z.string(),
  author: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  at: z.iso.datetime({ offset: true }),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});

export const ProcessDocumentSchema = z.looseObject({
  format: z.literal('innspill-process').optional(),
  formatVersion: z.literal(1).optional(),
  id: IdSchema.optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a slug (a–z, 0–9, hyphens)')
    .optional(),
  status: z.enum(vocabulary.processStatuses).optional(),
  language: z.string().min(2),
  title: z.string().min(1),
  subtitle: z.string().nullable().optional(),
  translations: TranslationsSchema.optional(),
  process: z.looseObject({
    commissionedBy: z.string().nullable().optional(),
    commissionedByFullName: z.string().nullable().optional(),
    assignedTo: z.string().nullable().optional(),
    mandate: z.array(z.string()).default([]),
    principles: z.array(z.string()).default([]),
    deliverables: z.array(DeliverableDocumentSchema).default([]),
    milestones: z.array(MilestoneDocumentSchema).default([]),
    involvement: z.array(z.string()).default([]),
    stakeholderBodies: z.array(BodyDocumentSchema).default([]),
    workingGroup: z.string().optional(),
    involvementEvents: z.array(InvolvementEventDocumentSchema).optional(),
  }),
  structure: z.record(z.string(), z.unknown()).optional(),
  inputRounds: z.array(InputRoundDocumentSchema).default([]),
  overarchingGoals: z
    .looseObject({
      id: IdSchema.optional(),
      version: z.number().int().positive().optional(),
      lead: z.string(),
      goals: z.array(TextItemSchema),
      translations: TranslationsSchema.optional(),
    })
    .optional(),
  strategicThemes: z.array(StrategicThemeSchema).default([]),
  revisions: z.array(RevisionDocumentSchema).optional(),
});
export type ProcessDocument = z.infer<typeof ProcessDocumentSchema>;

/** `strategicThemes[2].breakdown.society.headline` from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => {
    if (typeof part === 'number') return `${acc}[${part}]`;
    return acc ? `${acc}.${String(part)}` : String(part);
  }, '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value') {
    return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  if (issue.code === 'invalid_union') return 'expected a string or an object with "text"';
  return issue.message;
}

/** Parses a process document; throws with the path of the first problem. Nothing is written. */
export function parseProcessDocument(raw: unknown): ProcessDocument {
  const result = ProcessDocumentSchema.safeParse(raw);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  if (!first) throw new InvalidProcessDocumentError('', 'The document is not valid.');
  throw new InvalidProcessDocumentError(formatIssuePath(first.path), describeIssue(first));
}

/** The text and translations of a bullet, whether written as a string or an object. */
export function textItem(item: TextItem): {
  id?: string | undefined;
  text: string;
  version?: number | undefined;
  translations: Record<string, Record<string, unknown>>;
} {
  if (typeof item === 'string') return { text: item, translations: {} };
  return { id: item.id, text: item.text, version: item.version, translations: item.translations ?? {} };
}

/** Keys of the top-level document, `process` and a theme that are modelled; the rest is kept as extras. */
export const modelledKeys = {
  document: new Set([
    'format',
    'formatVersion',
    'id',
    'slug',
    'status',
    'language',
    'title',
    'subtitle',
    'translations',
    'process',
    'structure',
    'inputRounds',
    'overarchingGoals',
    'strategicThemes',
    'revisions',
  ]),
  process: new Set([
    'commissionedBy',
    'commissionedByFullName',
    'assignedTo',
    'mandate',
    'principles',
    'deliverables',
    'milestones',
    'involvement',
    'stakeholderBodies',
    'involvementEvents',
  ]),
  overarchingGoals: new Set(['id', 'version', 'lead', 'goals', 'translations']),
  theme: new Set([
    'id',
    'canvasId',
    'number',
    'title',
    'summary',
    'mainGoal',
    'status',
    'stage',
    'version',
    'translations',
    'challenges',
    'breakdown',
    'keywords',
    'deepDive',
    'deletedStatements',
    'comments',
  ]),
  column: new Set([
    'headline',
    'headlineId',
    'headlineVersion',
    'opportunities',
    'prerequisites',
    'translations',
  ]),
  round: new Set([
    'id',
    'number',
    'title',
    'purpose',
    'context',
    'deadline',
    'deadlineAt',
    'opensAt',
    'referenceDate',
    'status',
    'visibility',
    'keyQuestions',
    'translations',
  ]),
};

/** The keys of an object that are not modelled (kept as-is for a lossless export). */
export function extrasOf(value: Record<string, unknown>, modelled: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !modelled.has(key)));
}
