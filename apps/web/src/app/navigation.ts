/**
 * The seven areas of a process (design.md). Only areas whose pages exist are listed: a feature
 * adds its entry here when it ships, never a "coming soon" placeholder.
 */
export interface ProcessArea {
  /** Path below /p/:slug ('' for the overview). */
  path: string;
  labelKey: string;
  /** Shown only to these roles (and administrators); all members when omitted. The server checks too. */
  roles?: string[];
}

export const processAreas: ProcessArea[] = [
  { path: '', labelKey: 'nav.process' },
  { path: 'timeline', labelKey: 'nav.timeline' },
  { path: 'rounds', labelKey: 'nav.rounds' },
  { path: 'actors', labelKey: 'nav.actors' },
  { path: 'strategy', labelKey: 'nav.strategy' },
  { path: 'audit', labelKey: 'nav.audit', roles: ['owner', 'secretariat'] },
];
