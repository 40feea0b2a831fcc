/** The authorization matrix's shapes and role groups (docs/security.md, "Who uses it"). */
import { matrixRoles, type MatrixFixture, type MatrixRole } from './authorization-fixture.ts';

/** What a request factory produces: a valid request, so an allowed caller gets 2xx and never 400. */
export interface MatrixRequest {
  url: string;
  payload?: unknown;
  /** Merged over the role's own headers (cookie + CSRF token); used for multipart bodies and fresh sessions. */
  headers?: Record<string, string>;
}

export interface MatrixEntry {
  /** The roles that must get a 2xx; every other role must get 401, 403 or 404. */
  allowed: readonly MatrixRole[];
  request: (fixture: MatrixFixture, role: MatrixRole) => Promise<MatrixRequest>;
}

// Role groups, from docs/security.md ("Who uses it") and the named policies in core.
export const everyone = matrixRoles;
/** Everyone with an account (not the anonymous caller, nor the holder of someone else's answer link). */
export const signedIn: readonly MatrixRole[] = matrixRoles.filter(
  (role) => role !== 'anonymous' && role !== 'foreign_link',
);
/** canViewProcess: any member (and administrators). */
export const members: readonly MatrixRole[] = signedIn.filter((role) => role !== 'outsider');
/** canCommentOnStrategy: observers only read. */
export const commenters: readonly MatrixRole[] = [
  'reviewer',
  'working_group',
  'secretariat',
  'owner',
  'admin',
];
/** canEditStrategy: the secretariat and the working group write the text. */
export const writers: readonly MatrixRole[] = ['working_group', 'secretariat', 'owner', 'admin'];
/** canEditProcess / canManageRounds / canApproveCanvas: the secretariat runs the process. */
export const managers: readonly MatrixRole[] = ['secretariat', 'owner', 'admin'];
/** canManageProcessMembers. */
export const owners: readonly MatrixRole[] = ['owner', 'admin'];
export const administrators: readonly MatrixRole[] = ['admin'];

/** A request with nothing but a URL (GETs, and POSTs without a body). */
export const at = (url: (f: MatrixFixture) => string) => async (f: MatrixFixture) => ({ url: url(f) });
