import { ConflictError } from '../shared/domain-error.ts';

export class SlugTakenError extends ConflictError {
  constructor(slug: string) {
    super('slug_taken', `A strategy process with the short name "${slug}" already exists.`, {
      fields: { slug: 'Already in use.' },
    });
  }
}
