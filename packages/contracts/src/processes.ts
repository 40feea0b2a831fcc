import { z } from 'zod';
import * as vocabulary from '@innspill/vocabulary';
import { MembershipRoleSchema } from './accounts.ts';
import { EffectiveRoundStatusSchema } from './rounds.ts';

export const ProcessSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  language: z.string(),
  status: z.string(),
});
export type ProcessSummary = z.infer<typeof ProcessSummarySchema>;

export const ProcessListResponseSchema = z.object({ processes: z.array(ProcessSummarySchema) });

export const CreateProcessRequestSchema = z.object({
  title: z.string().trim().min(1).max(300),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use only a–z, 0–9 and hyphens.')
    .max(60)
    .optional(),
  subtitle: z.string().trim().max(500).optional(),
  language: z.enum(vocabulary.processLanguages).optional(),
  commissionedBy: z.string().trim().max(200).optional(),
});

export const MilestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  kind: z.enum(vocabulary.milestoneKinds),
  isDone: z.boolean(),
});

export const StakeholderBodySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  members: z.array(z.string()),
});

export const RoundSummarySchema = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  deadline: z.string(),
  status: z.enum(vocabulary.roundStatuses),
  /** The status now: a stored `open` round past its deadline is `closed`. */
  effectiveStatus: EffectiveRoundStatusSchema,
  visibility: z.enum(vocabulary.roundVisibilities),
});

export const ProcessOverviewSchema = ProcessSummarySchema.extend({
  commissionedBy: z.string().nullable(),
  commissionedByFullName: z.string().nullable(),
  assignedTo: z.string().nullable(),
  mandate: z.array(z.string()),
  principles: z.array(z.string()),
  myRole: MembershipRoleSchema.nullable(),
  canEdit: z.boolean(),
  milestones: z.array(MilestoneSchema),
  bodies: z.array(StakeholderBodySchema),
  rounds: z.array(RoundSummarySchema),
});
export type ProcessOverview = z.infer<typeof ProcessOverviewSchema>;

export const MemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: MembershipRoleSchema,
});
export const MemberListResponseSchema = z.object({ members: z.array(MemberSchema) });

export const SetMembershipRequestSchema = z.object({
  email: z.string().trim().min(3).max(254),
  role: MembershipRoleSchema.nullable(),
});
