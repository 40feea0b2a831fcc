import { z } from 'zod';
import * as vocabulary from '@innspill/vocabulary';

export const ActorTypeSchema = z.enum(vocabulary.actorTypes);
export type ActorType = z.infer<typeof ActorTypeSchema>;

export const RegisteredActorSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: ActorTypeSchema,
  organisationNumber: z.string().nullable(),
  /** Only for the secretariat; empty for other members. */
  contactEmails: z.array(z.string()),
});
export type RegisteredActor = z.infer<typeof RegisteredActorSchema>;

export const ActorListResponseSchema = z.object({
  actors: z.array(RegisteredActorSchema),
  canManage: z.boolean(),
});
export type ActorListResponse = z.infer<typeof ActorListResponseSchema>;

export const SaveActorRequestSchema = z.object({
  name: z.string().max(300),
  type: ActorTypeSchema,
  organisationNumber: z.string().max(20).nullable().optional(),
  contactEmails: z.array(z.string().max(254)).max(20).optional(),
});
export type SaveActorRequest = z.infer<typeof SaveActorRequestSchema>;

export const ActorImportReportSchema = z.object({
  isCommitted: z.boolean(),
  errorCount: z.number(),
  createCount: z.number(),
  duplicateCount: z.number(),
  rows: z.array(
    z.object({
      line: z.number(),
      name: z.string(),
      type: ActorTypeSchema,
      organisationNumber: z.string().nullable(),
      contactEmails: z.array(z.string()),
      isDuplicate: z.boolean(),
      /** Field → English message. */
      problems: z.record(z.string(), z.string()),
      /** The same problems with stable codes (`required`, `too_long`, `unknown_actor_type`,
       * `invalid_organisation_number`, `invalid_email`) and the value at fault, for translation. */
      issues: z.array(z.object({ field: z.string(), code: z.string(), value: z.string().optional() })),
    }),
  ),
});
export type ActorImportReport = z.infer<typeof ActorImportReportSchema>;
