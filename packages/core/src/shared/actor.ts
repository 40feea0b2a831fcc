/**
 * Who is asking. Every use-case takes one explicitly (conventions §5) and checks it with a named
 * policy before doing anything.
 */
export type Actor =
  | { kind: 'user'; userId: string; isInstanceAdmin: boolean }
  | { kind: 'anonymous' }
  /** The CLI, the demo loader and background jobs: trusted code run by the operator. */
  | { kind: 'system'; reason: string };

export const anonymousActor: Actor = { kind: 'anonymous' };

export function systemActor(reason: string): Actor {
  return { kind: 'system', reason };
}

/** The user id to record in audit events and revisions, or null for anonymous/system. */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}
