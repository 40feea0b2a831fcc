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

/** Why a field of an actor is not valid: a stable code (clients translate it) and the value at fault. */
export interface ActorIssue {
  field: 'name' | 'type' | 'organisationNumber' | 'contactEmails';
  code: 'required' | 'too_long' | 'unknown_actor_type' | 'invalid_organisation_number' | 'invalid_email';
  value?: string;
}

/**
 * Checks and normalises one actor; returns field errors instead of throwing (used per import row):
 * `problems` in English (field → message, for the CLI and the API's `fields`) and the same as
 * `issues` with stable codes.
 */
export function checkActor(input: ActorInput): {
  actor: CleanActor;
  problems: Record<string, string>;
  issues: ActorIssue[];
} {
  const issues: ActorIssue[] = [];
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) issues.push({ field: 'name', code: 'required' });
  if (name.length > 300) issues.push({ field: 'name', code: 'too_long' });
  if (!actorTypes.includes(input.type)) {
    issues.push({ field: 'type', code: 'unknown_actor_type', value: input.type });
  }
  const rawNumber = input.organisationNumber?.trim() ?? '';
  const organisationNumber = rawNumber ? normaliseOrganisationNumber(rawNumber) : null;
  if (organisationNumber && !isValidOrganisationNumber(organisationNumber)) {
    issues.push({ field: 'organisationNumber', code: 'invalid_organisation_number', value: rawNumber });
  }
  const contactEmails = [
    ...new Set((input.contactEmails ?? []).map((email) => email.trim().toLowerCase()).filter(Boolean)),
  ];
  const badEmail = contactEmails.find((email) => !isValidEmail(email));
  if (badEmail) issues.push({ field: 'contactEmails', code: 'invalid_email', value: badEmail });
  return {
    actor: { name, type: input.type, organisationNumber, contactEmails },
    problems: actorProblems(issues),
    issues,
  };
}

const issueMessages: Record<ActorIssue['code'], (value: string) => string> = {
  required: () => 'Required.',
  too_long: () => 'At most 300 characters.',
  unknown_actor_type: (value) => (value ? `Unknown actor type "${value}".` : 'Unknown actor type.'),
  invalid_organisation_number: () =>
    'Not a valid Norwegian organisation number (nine digits with a mod-11 check digit).',
  invalid_email: (value) => `Not a valid email address: ${value}`,
};

/** The English field → message form of actor issues (the last issue of a field wins). */
export function actorProblems(issues: ActorIssue[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of issues) problems[issue.field] = issueMessages[issue.code](issue.value ?? '');
  return problems;
}

export function assertActor(input: ActorInput): CleanActor {
  const { actor, problems } = checkActor(input);
  if (Object.keys(problems).length) throw new ValidationError('The actor is not valid.', problems);
  return actor;
}
