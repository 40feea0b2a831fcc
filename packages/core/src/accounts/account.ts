import { membershipRoles } from '../db/schema/index.ts';

export type MembershipRole = (typeof membershipRoles)[number];
export { membershipRoles };

/** Sessions last 14 days from sign-in; a revoked or expired session is simply gone. */
export const sessionLifetimeMs = 14 * 24 * 60 * 60 * 1000;
/** One-time setup and invitation links are valid for 7 days. */
export const setupLinkLifetimeMs = 7 * 24 * 60 * 60 * 1000;

/** What the rest of the system knows of a signed-in user. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  isInstanceAdmin: boolean;
}

export function toSessionUser(row: {
  id: string;
  email: string;
  name: string;
  locale: string;
  isInstanceAdmin: boolean;
}): SessionUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale,
    isInstanceAdmin: row.isInstanceAdmin,
  };
}

/** Lower-cases and trims an email address; returns undefined if it does not look like one. */
export function normalizeEmail(input: string): string | undefined {
  const email = input.trim().toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254 ? email : undefined;
}
