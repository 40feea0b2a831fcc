/** @module accounts — users, passwords, sessions, one-time links and roles. */
export * from './account.ts';
export * from './accounts.errors.ts';
export { canManageUsers } from './accounts.policies.ts';
export { addUser, type AddUserInput } from './add-user.ts';
export { changePassword } from './change-password.ts';
export { completeAccountSetup, type CompleteAccountSetupInput } from './complete-account-setup.ts';
export { createSession, type IssuedSession } from './create-session.ts';
export { issueFirstAdminLink } from './issue-first-admin-link.ts';
export { getSetupLinkStatus } from './get-setup-link-status.ts';
export { resolveSession } from './resolve-session.ts';
export { signIn } from './sign-in.ts';
export { signOut } from './sign-out.ts';
export {
  deleteMembership,
  findMembershipRole,
  findMembershipsOfProcess,
  findMembershipsOfUser,
  findUserByEmail,
  insertUser,
  upsertMembership,
} from './accounts.repository.ts';
export { hashPassword } from './passwords.ts';
