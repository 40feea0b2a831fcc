/** @module instance — instance-wide settings and start-up checks. */
export { getOrCreateCookieSecret } from './get-or-create-cookie-secret.ts';
export { isWorkspaceEmpty } from './count-processes.ts';
