import { z } from 'zod';
import * as vocabulary from '@innspill/vocabulary';

export const LocaleSchema = z.enum(vocabulary.locales);
export type Locale = z.infer<typeof LocaleSchema>;

export const MembershipRoleSchema = z.enum(vocabulary.membershipRoles);
export type MembershipRole = z.infer<typeof MembershipRoleSchema>;

export const EmailSchema = z.string().trim().max(254).email();

export const SessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  isInstanceAdmin: z.boolean(),
});
export type SessionUser = z.infer<typeof SessionUserSchema>;

/** `GET /api/auth/session`: who is signed in, and the CSRF token for changes. */
export const SessionResponseSchema = z.object({
  user: SessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  memberships: z.array(z.object({ processId: z.string(), slug: z.string(), role: MembershipRoleSchema })),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const SignInRequestSchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const CompleteSetupRequestSchema = z.object({
  token: z.string().min(10).max(200),
  email: EmailSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().min(1).max(1024),
});
export type CompleteSetupRequest = z.infer<typeof CompleteSetupRequestSchema>;

export const SetupLinkStatusSchema = z.object({
  isValid: z.boolean(),
  purpose: z.enum(vocabulary.setupLinkPurposes).nullable(),
  email: z.string().nullable(),
});

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const AddUserRequestSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1).max(200).optional(),
  isInstanceAdmin: z.boolean().default(false),
});

export const AddUserResponseSchema = z.object({
  user: SessionUserSchema,
  /** The one-time link, shown once to the administrator who created the user. */
  setupUrl: z.string(),
});
