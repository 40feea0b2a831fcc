/** @module instance — instance-wide settings and start-up checks. */
export { getOrCreateCookieSecret } from './get-or-create-cookie-secret.ts';
export { isWorkspaceEmpty } from './is-workspace-empty.ts';
