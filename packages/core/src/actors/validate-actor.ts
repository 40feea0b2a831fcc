import { ValidationError } from '../shared/domain-error.ts';
import { actorTypes, isValidEmail, type ActorType } from './actor.ts';
import { isValidOrganisationNumber, normaliseOrganisationNumber } from './organisation-number.ts';

export interface ActorInput {
  name: string;
  type: ActorType;
  organisationNumber?: string | null | undefined;
  contactEmails?: string[] | undefined;
}

export interface CleanActor {
  name: string;
  type: ActorType;
  organisationNumber: string | null;
  contactEmails: string[];
}

/** Checks and normalises one actor; returns field errors instead of throwing (used per import row). */
export function checkActor(input: ActorInput): { actor: CleanActor; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) problems.name = 'Required.';
  if (name.length > 300) problems.name = 'At most 300 characters.';
  if (!actorTypes.includes(input.type)) problems.type = 'Unknown actor type.';
  const rawNumber = input.organisationNumber?.trim() ?? '';
  const organisationNumber = rawNumber ? normaliseOrganisationNumber(rawNumber) : null;
  if (organisationNumber && !isValidOrganisationNumber(organisationNumber)) {
    problems.organisationNumber =
      'Not a valid Norwegian organisation number (nine digits with a mod-11 check digit).';
  }
  const contactEmails = [
    ...new Set((input.contactEmails ?? []).map((email) => email.trim().toLowerCase()).filter(Boolean)),
  ];
  const badEmail = contactEmails.find((email) => !isValidEmail(email));
  if (badEmail) problems.contactEmails = `Not a valid email address: ${badEmail}`;
  return { actor: { name, type: input.type, organisationNumber, contactEmails }, problems };
}

export function assertActor(input: ActorInput): CleanActor {
  const { actor, problems } = checkActor(input);
  if (Object.keys(problems).length) throw new ValidationError('The actor is not valid.', problems);
  return actor;
}
