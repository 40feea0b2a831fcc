import { actorTypes, type actors } from '../db/schema/index.ts';

export type RegisteredActor = typeof actors.$inferSelect;
export type ActorType = (typeof actorTypes)[number];
export { actorTypes };

/** Labels people write in spreadsheets, mapped to actor types (lower-cased, accents kept). */
const typeAliases: Record<string, ActorType> = {
  universitet: 'universitet',
  university: 'universitet',
  høyskole: 'hoyskole',
  høgskole: 'hoyskole',
  hoyskole: 'hoyskole',
  'university college': 'hoyskole',
  studentorganisasjon: 'studentorganisasjon',
  'student organisation': 'studentorganisasjon',
  'fagutvalg/råd': 'fagutvalg_rad',
  fagutvalg: 'fagutvalg_rad',
  råd: 'fagutvalg_rad',
  fagutvalg_rad: 'fagutvalg_rad',
  'statlig virksomhet': 'statlig_virksomhet',
  statlig_virksomhet: 'statlig_virksomhet',
  'government agency': 'statlig_virksomhet',
  'kommune/fylkeskommune': 'kommune_fylkeskommune',
  kommune: 'kommune_fylkeskommune',
  fylkeskommune: 'kommune_fylkeskommune',
  kommune_fylkeskommune: 'kommune_fylkeskommune',
  næringsliv: 'naeringsliv',
  naeringsliv: 'naeringsliv',
  business: 'naeringsliv',
  arbeidstakerorganisasjon: 'arbeidstakerorganisasjon',
  'trade union': 'arbeidstakerorganisasjon',
  privatperson: 'privatperson',
  individual: 'privatperson',
  annet: 'annet',
  other: 'annet',
};

/** Reads an actor type from a spreadsheet cell; undefined when it is not recognised. */
export function parseActorType(input: string): ActorType | undefined {
  const key = input.trim().toLowerCase();
  if (!key) return 'annet';
  return typeAliases[key];
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isValidEmail(input: string): boolean {
  return emailPattern.test(input) && input.length <= 254;
}

/** Splits "a@x.no; b@y.no, c@z.no" into addresses. */
export function splitEmails(input: string): string[] {
  return input
    .split(/[;,\s]+/)
    .map((email) => email.trim())
    .filter(Boolean);
}
