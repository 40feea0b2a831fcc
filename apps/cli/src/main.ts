import { describeFailure, processIo, type CliIo } from './cli-context.ts';
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
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const isParseError = (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    const { message, exitCode } = isParseError
      ? { message: `${(error as Error).message}\n\n${command.help}`, exitCode: 2 }
      : describeFailure(error);
    io.err(message);
    return exitCode;
  }
}
