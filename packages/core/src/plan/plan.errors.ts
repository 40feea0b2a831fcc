import { ConflictError } from '../shared/domain-error.ts';

/** Another stakeholder body of the process already has this name (code `body_name_taken`). */
export class StakeholderBodyNameTakenError extends ConflictError {
  constructor() {
    super('body_name_taken', 'A body with this name exists already.', { fields: { name: 'Taken.' } });
  }
}
