import { processIo, UsageError, type CliIo } from './cli-io.ts';
import { cliCommands } from './commands/index.ts';

function usage(): string {
  const width = Math.max(...cliCommands.map((command) => command.path.join(' ').length));
  return [
    'Usage: innspill <command> [options]',
    '',
    'Commands:',
    ...cliCommands.map((command) => `  ${command.path.join(' ').padEnd(width)}  ${command.summary}`),
    '',
    'Run "innspill <command> --help" for the options of one command.',
  ].join('\n');
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const command = cliCommands
    .filter((candidate) => candidate.path.every((word, index) => argv[index] === word))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!command) {
    io.err(`Unknown command "${argv.join(' ')}".\n\n${usage()}`);
    return 2;
  }
  const rest = argv.slice(command.path.length);
  const loaded = await command.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(loaded.help);
    return 0;
  }
  try {
    return await loaded.run(rest, io);
  } catch (error) {
    const isParseError = (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    const { message, exitCode } = isParseError
      ? { message: `${(error as Error).message}\n\n${loaded.help}`, exitCode: 2 }
      : error instanceof UsageError
        ? { message: error.message, exitCode: 2 }
        : // Loaded only on failure: it knows the database's DomainError.
          (await import('./cli-context.ts')).describeFailure(error);
    io.err(message);
    return exitCode;
  }
}
