import { Command, CommanderError, Help } from 'commander';
import type { Option } from 'commander';
import { CliError, EXIT_USAGE } from './errors.js';
import type { CliIO } from './io.js';
import type { CommandContext } from './context.js';
import { commands } from './commands/index.js';
import { readOwnVersion } from './version.js';
import { printable } from '../printable.js';
import { watchForClosedPipe } from './closed-pipe.js';

/** Runs the `asl` command line with the given arguments and streams; returns the exit code. */
export async function main(argv: string[], given: CliIO): Promise<number> {
  const io = watchForClosedPipe(given);
  const env = io.env ?? process.env;
  const ctx: CommandContext = { io, env, cwd: io.cwd ?? process.cwd(), exitCode: 0, debug: argv.includes('--debug') };
  const program = await createProgram(ctx);
  // `asl help valdate`: commander would print the general help; report the unknown command with a suggestion.
  const known = new Set(program.commands.flatMap((c) => [c.name(), ...c.aliases()]));
  if (argv[0] === 'help' && argv[1] !== undefined && !argv[1].startsWith('-') && !known.has(argv[1])) argv = argv.slice(1);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    return handleError(error, ctx);
  }
}

/**
 * The commander program with every command registered. Registering is cheap: each command module declares
 * its flags and help, and imports the code that does the work only when its action runs.
 */
export async function createProgram(ctx: CommandContext): Promise<Command> {
  const { io } = ctx;
  const program = new Command('asl');
  program
    .description('Validate, lint, run and graph Amazon States Language (AWS Step Functions) state machines')
    .version(readOwnVersion(), '-v, --version', 'print the version')
    .option('--debug', 'show stack traces for unexpected errors')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run "asl --help" for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Commander's "error: unknown option '--formt'\n(Did you mean --format?)" in our "asl: …" style.
      outputError: (s, write) => write(printable(s.replace(/^error: /, 'asl: '), { keepNewlines: true })),
    })
    // Settings made before the commands are registered are inherited by each of them.
    .configureHelp({ optionDescription: describeOption })
    .addHelpText('after', ROOT_HELP);

  for (const register of commands) register(program, ctx);
  // A mistake in a command's flags points at that command's help.
  for (const command of program.commands) command.showHelpAfterError(`(run "asl ${command.name()} --help" for usage)`);
  return program;
}

const ROOT_HELP = `
Examples:
  $ asl validate 'statemachines/**/*.asl.json'
  $ asl lint template.yaml --format github
  $ asl run order.asl.json --input '{"total": 1200}' --stubs stubs.yaml
  $ asl graph order.asl.json --format markdown --output order.md

Exit codes: 0 clean, 1 findings or a failed execution, 2 usage or input error.
Run "asl <command> --help" for a command's flags, their defaults and examples.
`;

/**
 * Every flag says what happens without it: commander's own "(default: …)" for flags with a default value, the
 * description's own words where the default is a behaviour ("default: stdout"), and "off" for a plain switch.
 */
function describeOption(this: Help, option: Option): string {
  const text = Help.prototype.optionDescription.call(this, option);
  if (option.long === '--help' || option.long === '--version' || /\bdefault\b/i.test(text)) return text;
  return option.isBoolean() && !option.negate ? `${text} (default: off)` : text;
}

function handleError(error: unknown, ctx: CommandContext): number {
  if (error instanceof CommanderError) {
    // Help and version "errors" are commander's way of stopping early; they exit 0. Help shown because
    // something was missing (`asl` alone) is a usage error.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    if (error.code === 'commander.help') return error.exitCode === 0 ? 0 : EXIT_USAGE;
    return EXIT_USAGE;
  }
  if (error instanceof CliError) {
    // Messages quote file names, state names and values from the user's files: escaped, never raw.
    ctx.io.stderr.write(`asl: ${printable(error.message, { keepNewlines: true })}\n`);
    return error.exitCode;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  ctx.io.stderr.write(`asl: internal error: ${printable(err.message, { keepNewlines: true })}\n`);
  if (ctx.debug && err.stack) ctx.io.stderr.write(err.stack + '\n');
  else ctx.io.stderr.write('This is a bug in asl-toolkit. Run again with --debug for details and please report it.\n');
  return EXIT_USAGE;
}
