import { parseArgs } from 'node:util';
import { accounts, processes, systemActor } from '@innspill/core';
import { UsageError, withDatabase, type CliIo } from '../cli-context.ts';

export const userAddHelp = `innspill user add --email EMAIL [--name NAME] [--admin] [--process SLUG --role ROLE] [--data FOLDER]

Creates a user and prints a one-time link (valid 7 days) where they choose their password.
--admin makes them an instance administrator. --process and --role give them a role in a process
(owner, secretariat, working_group, reviewer, observer).`;

export async function runUserAddCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      admin: { type: 'boolean', default: false },
      process: { type: 'string' },
      role: { type: 'string' },
      data: { type: 'string' },
    },
    strict: true,
  });
  if (!values.email) throw new UsageError('--email is required.\n\n' + userAddHelp);
  const role = values.role;
  if ((values.process === undefined) !== (role === undefined)) {
    throw new UsageError('--process and --role go together.');
  }
  if (role !== undefined && !(accounts.membershipRoles as readonly string[]).includes(role)) {
    throw new UsageError(`--role must be one of ${accounts.membershipRoles.join(', ')}.`);
  }
  await withDatabase(io, values.data, async ({ db }, config) => {
    const actor = systemActor('cli');
    if (values.process) {
      // Check the process first, so a wrong slug creates no user.
      await processes.getProcessForActor(db, actor, values.process);
    }
    const { user, setupToken } = await accounts.addUser(db, actor, {
      email: values.email!,
      name: values.name,
      isInstanceAdmin: values.admin ?? false,
    });
    if (values.process && role) {
      await processes.setProcessMembership(db, actor, {
        slug: values.process,
        email: user.email,
        role: role as accounts.MembershipRole,
      });
    }
    io.out(`Created ${user.isInstanceAdmin ? 'administrator' : 'user'} ${user.email}.`);
    io.out('Send them this one-time link to choose a password (valid for 7 days):');
    io.out(`  ${config.publicUrl}/setup/${setupToken}`);
  });
  return 0;
}
