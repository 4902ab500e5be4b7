import { Command, CommanderError } from 'commander';
import { CliError, EXIT_USAGE } from './errors.js';
import type { CliIO } from './io.js';
import type { CommandContext } from './context.js';
import { commandModules } from './commands/index.js';
import { readOwnVersion } from './version.js';

/** Runs the `asl` command line with the given arguments and streams; returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const env = io.env ?? process.env;
  const ctx: CommandContext = { io, env, cwd: io.cwd ?? process.cwd(), exitCode: 0, debug: argv.includes('--debug') };
  const program = new Command('asl');
  program
    .description('Validate, lint, run and graph Amazon States Language (AWS Step Functions) state machines')
    .version(readOwnVersion(), '-v, --version', 'print the version')
    .option('--debug', 'show stack traces for unexpected errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });

  for (const load of commandModules) (await load()).register(program, ctx);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return handleError(error, ctx);
  }
}

function handleError(error: unknown, ctx: CommandContext): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are commander's way of stopping early; they exit 0.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
    return EXIT_USAGE;
  }
  if (error instanceof CliError) {
    ctx.io.stderr.write(`asl: ${error.message}\n`);
    return error.exitCode;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  ctx.io.stderr.write(`asl: internal error: ${err.message}\n`);
  if (ctx.debug && err.stack) ctx.io.stderr.write(err.stack + '\n');
  else ctx.io.stderr.write('This is a bug in asl-toolkit. Run again with --debug for details and please report it.\n');
  return EXIT_USAGE;
}
