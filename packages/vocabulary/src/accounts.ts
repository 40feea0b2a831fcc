/** A member's role in one strategy process. */
export const membershipRoles = ['owner', 'secretariat', 'working_group', 'reviewer', 'observer'] as const;
export type MembershipRole = (typeof membershipRoles)[number];

/** The languages the user interface is written in. */
export const locales = ['nb', 'en'] as const;
export type Locale = (typeof locales)[number];

/** What a one-time setup link is for: the instance's first administrator, or an invited user. */
export const setupLinkPurposes = ['first_admin', 'user_invite'] as const;
export type SetupLinkPurpose = (typeof setupLinkPurposes)[number];
