import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, buildUser, type TestDatabase } from '../testing/index.ts';
import { systemActor } from '../shared/actor.ts';
import { addUser } from './add-user.ts';
import { changePassword } from './change-password.ts';
import { completeAccountSetup } from './complete-account-setup.ts';
import { issueFirstAdminLink } from './issue-first-admin-link.ts';
import { resolveSession } from './resolve-session.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { countUsers } from './accounts.repository.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb.close();
});

describe(issueFirstAdminLink.name, () => {
  it('issues a one-time link that creates the first administrator, only once', async () => {
    const { db } = testDb;
    const olderToken = await issueFirstAdminLink(db);
    const token = await issueFirstAdminLink(db);
    expect(token).toBeTypeOf('string');
    await expect(
      completeAccountSetup(db, {
        token: olderToken!,
        email: 'a@example.test',
        name: 'A',
        password: 'long enough pw',
      }),
    ).rejects.toMatchObject({ code: 'invalid_setup_link' });

    const { user, session } = await completeAccountSetup(db, {
      token: token!,
      email: 'Admin@Example.test',
      name: 'Ada Admin',
      password: 'correct horse battery',
    });
    expect(user).toMatchObject({ email: 'admin@example.test', isInstanceAdmin: true });
    expect((await resolveSession(db, session.token))?.user.id).toBe(user.id);

    await expect(
      completeAccountSetup(db, {
        token: token!,
        email: 'b@example.test',
        name: 'B',
        password: 'long enough pw',
      }),
    ).rejects.toMatchObject({ code: 'invalid_setup_link' });
    expect(await issueFirstAdminLink(db)).toBeUndefined();
  });

  it('rejects a weak password without using up the link or creating a user', async () => {
    const fresh = await createTestDatabase();
    try {
      const token = (await issueFirstAdminLink(fresh.db))!;
      await expect(
        completeAccountSetup(fresh.db, { token, email: 'x@example.test', name: 'X', password: 'short' }),
      ).rejects.toMatchObject({ code: 'weak_password' });
      expect(await countUsers(fresh.db)).toBe(0);
      await expect(
        completeAccountSetup(fresh.db, {
          token,
          email: 'x@example.test',
          name: 'X',
          password: 'now long enough',
        }),
      ).resolves.toBeDefined();
    } finally {
      await fresh.close();
    }
  });
});

describe(signIn.name, () => {
  it('gives the same error for an unknown email and a wrong password', async () => {
    const { db } = testDb;
    await buildUser(db, { email: 'known@example.test', password: 'right password 1' });
    const unknown = await signIn(db, { email: 'nobody@example.test', password: 'whatever 123' }).catch(
      (e: unknown) => e,
    );
    const wrong = await signIn(db, { email: 'known@example.test', password: 'wrong password' }).catch(
      (e: unknown) => e,
    );
    expect(unknown).toMatchObject({ code: 'invalid_credentials' });
    expect(wrong).toMatchObject({ code: 'invalid_credentials', message: (unknown as Error).message });
  });

  it('starts a session that sign-out revokes', async () => {
    const { db } = testDb;
    await buildUser(db, { email: 'signer@example.test', password: 'right password 2' });
    const { session } = await signIn(db, { email: 'SIGNER@example.test', password: 'right password 2' });
    expect(await resolveSession(db, session.token)).toBeDefined();
    await signOut(db, session.token);
    expect(await resolveSession(db, session.token)).toBeUndefined();
  });
});

describe(changePassword.name, () => {
  it('needs the current password and revokes the other sessions', async () => {
    const { db } = testDb;
    const { actor } = await buildUser(db, { email: 'changer@example.test', password: 'old password 1' });
    const first = await signIn(db, { email: 'changer@example.test', password: 'old password 1' });
    const second = await signIn(db, { email: 'changer@example.test', password: 'old password 1' });
    const keep = await resolveSession(db, first.session.token);
    await expect(
      changePassword(db, actor, {
        currentPassword: 'nope nope nope',
        newPassword: 'new password 1',
        keepSessionId: null,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await changePassword(db, actor, {
      currentPassword: 'old password 1',
      newPassword: 'new password 1',
      keepSessionId: keep!.sessionId,
    });
    expect(await resolveSession(db, first.session.token)).toBeDefined();
    expect(await resolveSession(db, second.session.token)).toBeUndefined();
    await expect(
      signIn(db, { email: 'changer@example.test', password: 'new password 1' }),
    ).resolves.toBeDefined();
  });
});

describe(addUser.name, () => {
  it('creates a user whose one-time link sets the password', async () => {
    const { db } = testDb;
    const { user, setupToken } = await addUser(db, systemActor('cli'), {
      email: 'new@example.test',
      isInstanceAdmin: false,
    });
    await expect(
      signIn(db, { email: 'new@example.test', password: 'my new password' }),
    ).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    await completeAccountSetup(db, { token: setupToken, password: 'my new password' });
    const signedIn = await signIn(db, { email: 'new@example.test', password: 'my new password' });
    expect(signedIn.user.id).toBe(user.id);
  });

  it('refuses a duplicate email and non-administrators', async () => {
    const { db } = testDb;
    await addUser(db, systemActor('cli'), { email: 'dup@example.test', isInstanceAdmin: false });
    await expect(
      addUser(db, systemActor('cli'), { email: 'DUP@example.test', isInstanceAdmin: false }),
    ).rejects.toMatchObject({
      code: 'email_taken',
    });
    const { actor } = await buildUser(db);
    await expect(
      addUser(db, actor, { email: 'other@example.test', isInstanceAdmin: true }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
