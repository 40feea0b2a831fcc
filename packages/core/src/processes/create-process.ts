import type { ProcessLanguage } from '@innspill/vocabulary';
import type { Database } from '../db/database.ts';
import { recordAuditEvent } from '../shared/record-audit-event.ts';
import type { Actor } from '../shared/actor.ts';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../shared/domain-error.ts';
import { upsertMembership } from '../accounts/index.ts';
import { canCreateProcess } from './processes.policies.ts';
import { findProcessBySlug, insertProcess } from './processes.repository.ts';
import { SlugTakenError } from './processes.errors.ts';
import { slugify, slugPattern } from './process.ts';

export interface CreateProcessInput {
  title: string;
  slug?: string | undefined;
  subtitle?: string | undefined;
  language?: ProcessLanguage | undefined;
  commissionedBy?: string | undefined;
}

/** Creates an empty strategy process; the creating user becomes its owner. */
export async function createProcess(db: Database, actor: Actor, input: CreateProcessInput) {
  if (actor.kind === 'anonymous') throw new UnauthenticatedError();
  if (!canCreateProcess(actor)) {
    throw new ForbiddenError('Only an administrator can create a strategy process.');
  }
  const title = input.title.trim();
  if (!title) throw new ValidationError('The process needs a title.', { title: 'Required.' });
  const slug = input.slug?.trim() || slugify(title);
  if (!slugPattern.test(slug)) {
    throw new ValidationError('The short name may contain only a–z, 0–9 and hyphens.', { slug: 'Invalid.' });
  }
  return db.transaction(async (tx) => {
    if (await findProcessBySlug(tx, slug)) throw new SlugTakenError(slug);
    const created = await insertProcess(tx, {
      slug,
      title,
      subtitle: input.subtitle?.trim() || null,
      language: input.language ?? 'nb',
      commissionedBy: input.commissionedBy?.trim() || null,
    });
    if (actor.kind === 'user') await upsertMembership(tx, actor.userId, created.id, 'owner');
    await recordAuditEvent(tx, actor, {
      processId: created.id,
      action: 'process.created',
      entityType: 'strategy_process',
      entityId: created.id,
      detail: { after: { slug, title } },
    });
    return created;
  });
}
