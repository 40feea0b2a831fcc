import { z } from 'zod';
import * as vocabulary from '@innspill/vocabulary';
import { OsloLocalDateTimeSchema } from './oslo-dates.ts';

export const QuestionKindSchema = z.enum(vocabulary.questionKinds);
export const RoundVisibilitySchema = z.enum(vocabulary.roundVisibilities);
export const RoundLatePolicySchema = z.enum(vocabulary.roundLatePolicies);
export const EffectiveRoundStatusSchema = z.enum(vocabulary.effectiveRoundStatuses);

export const QuestionSchema = z.object({
  id: z.string(),
  position: z.number(),
  kind: QuestionKindSchema,
  text: z.string(),
  isRequired: z.boolean(),
  options: z.array(z.string()),
});
export type Question = z.infer<typeof QuestionSchema>;

export const RoundSchema = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  purpose: z.string(),
  publicationNote: z.string(),
  /** UTC instants. */
  opensAt: z.string().nullable(),
  deadline: z.string(),
  /** The same instants as Oslo wall-clock time, for forms. */
  opensAtLocal: z.string().nullable(),
  deadlineLocal: z.string(),
  status: z.enum(vocabulary.roundStatuses),
  effectiveStatus: EffectiveRoundStatusSchema,
  visibility: RoundVisibilitySchema,
  latePolicy: RoundLatePolicySchema,
  reminderDaysBefore: z.number().nullable(),
  questions: z.array(QuestionSchema),
});
export type Round = z.infer<typeof RoundSchema>;

export const RoundListResponseSchema = z.object({ rounds: z.array(RoundSchema), canManage: z.boolean() });
export type RoundListResponse = z.infer<typeof RoundListResponseSchema>;

export const RoundDetailResponseSchema = z.object({ round: RoundSchema, canManage: z.boolean() });
export type RoundDetailResponse = z.infer<typeof RoundDetailResponseSchema>;

export const RoundFieldsSchema = z.object({
  title: z.string().trim().min(1).max(300),
  purpose: z.string().max(20_000).optional(),
  publicationNote: z.string().max(20_000).optional(),
  opensAtLocal: OsloLocalDateTimeSchema.nullable().optional(),
  deadlineLocal: OsloLocalDateTimeSchema,
  visibility: RoundVisibilitySchema.optional(),
  latePolicy: RoundLatePolicySchema.optional(),
  reminderDaysBefore: z.number().int().min(1).max(60).nullable().optional(),
});

export const CreateRoundRequestSchema = RoundFieldsSchema.extend({
  number: z.number().int().min(1).max(999).optional(),
});
export type CreateRoundRequest = z.infer<typeof CreateRoundRequestSchema>;

export const UpdateRoundRequestSchema = RoundFieldsSchema.partial().extend({
  status: z.enum(vocabulary.roundStatuses).optional(),
});
export type UpdateRoundRequest = z.infer<typeof UpdateRoundRequestSchema>;

export const SaveQuestionsRequestSchema = z.object({
  questions: z
    .array(
      z.object({
        id: z.string().uuid().optional(),
        kind: QuestionKindSchema,
        text: z.string().max(5000),
        isRequired: z.boolean(),
        options: z.array(z.string().max(300)).max(50).optional(),
      }),
    )
    .max(100),
});
export type SaveQuestionsRequest = z.infer<typeof SaveQuestionsRequestSchema>;
export const QuestionListResponseSchema = z.object({ questions: z.array(QuestionSchema) });
