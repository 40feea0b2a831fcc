import { canEditProcess, canViewProcess, type ProcessAccess } from '../processes/index.ts';

/** The secretariat (and owners) create rounds, edit questions, invite actors and import responses. */
export function canManageRounds(access: ProcessAccess): boolean {
  return canEditProcess(access);
}

/** Any member may see rounds and participation; submitter personal data is for managers only. */
export function canViewRounds(access: ProcessAccess): boolean {
  return canViewProcess(access);
}
