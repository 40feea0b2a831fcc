import type { ProcessAccess } from '../processes/index.ts';

function hasRole(access: ProcessAccess, roles: readonly string[]): boolean {
  return access.isSuperuser || (access.role !== undefined && roles.includes(access.role));
}

/** Writing the strategy text: the secretariat and the working group. */
export function canEditStrategy(access: ProcessAccess): boolean {
  return hasRole(access, ['owner', 'secretariat', 'working_group']);
}

/** Commenting: everyone who works on or reviews the text (observers only read). */
export function canCommentOnStrategy(access: ProcessAccess): boolean {
  return hasRole(access, ['owner', 'secretariat', 'working_group', 'reviewer']);
}

/** Approving a canvas (and reopening an approved one): owner or secretariat. */
export function canApproveCanvas(access: ProcessAccess): boolean {
  return hasRole(access, ['owner', 'secretariat']);
}

/** Importing and exporting whole processes is for the secretariat (and the operator's CLI). */
export function canExportProcess(access: ProcessAccess): boolean {
  return hasRole(access, ['owner', 'secretariat']);
}
