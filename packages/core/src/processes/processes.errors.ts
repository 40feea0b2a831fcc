import { DomainError } from '../shared/domain-error.ts';

export class SlugTakenError extends DomainError {
  constructor(slug: string) {
    super('slug_taken', `A strategy process with the short name "${slug}" already exists.`, {
      fields: { slug: 'Already in use.' },
    });
  }
}
