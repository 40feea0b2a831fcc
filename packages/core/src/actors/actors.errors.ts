import { ConflictError } from '../shared/domain-error.ts';

export class OrganisationNumberTakenError extends ConflictError {
  constructor(organisationNumber: string) {
    super(
      'organisation_number_taken',
      `An actor with organisation number ${organisationNumber} is already registered.`,
      {
        fields: { organisationNumber: 'Already registered.' },
      },
    );
  }
}
