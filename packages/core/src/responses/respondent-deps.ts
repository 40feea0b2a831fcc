import type { Database } from '../db/database.ts';
import type { Clock } from '../shared/clock.ts';

/** What the respondent use-cases (start, save, submit, withdraw, attachments) need. */
export interface RespondentDeps {
  db: Database;
  clock: Clock;
  /** Base URL for links in emails. */
  publicUrl: string;
}
