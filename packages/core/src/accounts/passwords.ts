import { hash, verify } from '@node-rs/argon2';
import { WeakPasswordError } from './accounts.errors.ts';

export const minimumPasswordLength = 10;
export const maximumPasswordLength = 256;

/** Argon2id with the library defaults (m=19456 KiB, t=2, p=1: the OWASP minimum). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Throws {@link WeakPasswordError} with a message a person can act on. */
export function assertPasswordAcceptable(password: string, email?: string): void {
  if (password.length < minimumPasswordLength) {
    throw new WeakPasswordError(`The password must be at least ${minimumPasswordLength} characters long.`);
  }
  if (password.length > maximumPasswordLength) {
    throw new WeakPasswordError(`The password must be at most ${maximumPasswordLength} characters long.`);
  }
  if (email && password.toLowerCase() === email.toLowerCase()) {
    throw new WeakPasswordError('The password must not be the same as the email address.');
  }
}

/** A fixed hash verified against when the email is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;
export function getDummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('innspill-timing-equaliser-not-a-password');
  return dummyHash;
}
