import { canEditProcess, type ProcessAccess } from '../processes/index.ts';

/**
 * Adding, reordering and grouping themes shapes the whole strategy: owner or secretariat (the same
 * people who approve canvases).
 */
export function canArrangeThemes(access: ProcessAccess): boolean {
  return canEditProcess(access);
}
