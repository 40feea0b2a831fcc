import type { Locale } from '@innspill/vocabulary';
import { coreMessages } from './messages.ts';
import { auditMessages } from '../features/audit/audit.messages.ts';
import { strategyMessages } from '../features/strategy/strategy.messages.ts';
import { roundsMessages } from '../features/rounds/rounds.messages.ts';
import { processesMessages } from '../features/processes/processes.messages.ts';
import { secretariatErrorMessages } from '../features/rounds/secretariat-errors.messages.ts';
import { apiErrorMessages } from '../lib/api-error-messages.messages.ts';

export type { Locale };
export type Catalogue = Record<Locale, Record<string, string>>;

/**
 * A catalogue that labels every value of some vocabularies, e.g.
 * `LabelledCatalogue<\`actorType.${ActorType}\`>`. Used with `satisfies`, so a value added to
 * `@innspill/vocabulary` fails to compile until it has a label in both languages.
 */
export type LabelledCatalogue<Key extends string> = Record<
  Locale,
  Record<string, string> & Record<Key, string>
>;

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
