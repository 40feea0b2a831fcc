import { canEditProcess, canViewProcess, type ProcessAccess } from '../processes/index.ts';

/** Members see the registry; the secretariat maintains it (contact emails are personal data). */
export function canViewActors(access: ProcessAccess): boolean {
  return canViewProcess(access);
}

export function canManageActors(access: ProcessAccess): boolean {
  return canEditProcess(access);
}
