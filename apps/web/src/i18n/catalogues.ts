import { coreMessages } from './messages.ts';
import { auditMessages } from '../features/audit/audit.messages.ts';
import { strategyMessages } from '../features/strategy/strategy.messages.ts';
import { roundsMessages } from '../features/rounds/rounds.messages.ts';
import { processesMessages } from '../features/processes/processes.messages.ts';
import { secretariatErrorMessages } from '../features/rounds/secretariat-errors.messages.ts';
import { apiErrorMessages } from '../lib/api-error-messages.messages.ts';

export type Locale = 'nb' | 'en';
export type Catalogue = Record<Locale, Record<string, string>>;

/** Every catalogue of the app. A feature adds its own file here: `import { roundsMessages } …`. */
export const catalogues: Catalogue[] = [
  coreMessages,
  auditMessages,
  strategyMessages,
  roundsMessages,
  processesMessages,
  secretariatErrorMessages,
  apiErrorMessages,
];
