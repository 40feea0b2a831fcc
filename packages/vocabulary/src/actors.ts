/** What kind of organisation (or person) an actor is; the values are the Norwegian category names. */
export const actorTypes = [
  'universitet',
  'hoyskole',
  'studentorganisasjon',
  'fagutvalg_rad',
  'statlig_virksomhet',
  'kommune_fylkeskommune',
  'naeringsliv',
  'arbeidstakerorganisasjon',
  'privatperson',
  'annet',
] as const;
export type ActorType = (typeof actorTypes)[number];
