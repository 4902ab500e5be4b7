import { Option, type Command } from 'commander';
import type { RegisterCommand } from '../context.js';

const FORMATS = ['pretty', 'json'];

/**
 * A --format value that is not one of FORMATS, as commander words it, with the nearest format for a typo
 * (`--format jsn`). Checked in the action, not by commander's choices: the suggestion code loads only then.
 */
async function checkFormat(command: Command, format: unknown): Promise<void> {
  if (format === undefined || FORMATS.includes(String(format))) return;
  const { suggestNearest } = await import('../../asl/suggest.js');
  const near = suggestNearest(String(format), FORMATS);
  const message = `error: option '--format <format>' argument '${String(format)}' is invalid. Allowed choices are ${FORMATS.join(', ')}.`;
  command.error(`${message}${near ? ` Did you mean "${near}"?` : ''}`, { code: 'commander.invalidArgument' });
}

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('run')
    .description('execute a state machine locally, with Task states answered by stubs, exactly as AWS Step Functions would')
    .argument('<definition>', 'a definition or template file (JSON or YAML), or - for stdin')
    .option('--input <json>', 'the execution input as JSON (default {})')
    .option('--input-file <file>', 'read the execution input from a JSON file (default: use --input)')
    .option('--stubs <file>', 'answers for Task states (YAML or JSON; see docs/stubs.md) (default: none; a Task without one is an error)')
    .option('--mock-config <file>', 'an AWS Step Functions Local mock config file (default: none)')
    .option('--test-case <name>', 'the test case in --mock-config to use (default: none; required with --mock-config)')
    .option('--validate-stubs <mode>', 'check stub and mock results against the real service\'s response shape: strict (required fields too), present or none (default: present)')
    .option('--state-machine <name>', 'which state machine, when the template or mock config has several (default: the only one)')
    .addOption(
      new Option('--format <format>', 'output format (default: pretty, a live view on a terminal and plain text otherwise)')
        .choices(FORMATS)
        // The choices show in the help; checkFormat checks the value, suggesting the nearest.
        .argParser((value: string) => value),
    )
    .option('--workflow-type <type>', 'standard or express: the context object\'s execution ARN and fields, and Express\'s five-minute limit (default: from the template\'s StateMachineType/Type, else standard)')
    .option('--history', 'include the execution history events')
    .option('--color', 'force coloured output (default: colour on a terminal unless NO_COLOR is set)')
    .option('--no-color', 'disable coloured output (NO_COLOR is honoured too; default: colour on a terminal)')
    .option('--seed <n>', 'seed for jitter, unseeded $random and States.MathRandom, UUIDs and ids (default 0)')
    .option('--now <timestamp>', 'start time of the execution (ISO-8601; default 2024-01-01T00:00:00Z)')
    .option('--real-time', 'really wait for Wait states, back-off and stub latency instead of skipping ahead')
    .option('--max-events <n>', 'stop after this many history events (default 25000, the AWS limit)')
    .option('--state <name>', 'run only this state, as the AWS TestState API does (nested states by "Outer/0/Inner"; default: the whole machine)')
    .option('--variables <json>', 'with --state: the variables the state can read, as a JSON object (default {})')
    .option('--inspect', 'with --state: print each data-flow step (after InputPath, Parameters, the result, ResultSelector, ResultPath)')
    .option('--context <json>', 'with --state: context object fields ($$), merged over the generated ones, e.g. {"Map":{"Item":{"Index":0}}} (default: the generated ones)')
    .option('--retrier-retry-count <n>', 'with --state: retries already made by the matching retrier (as TestState); at MaxAttempts the error goes to Catch (default 0)')
    .addHelpText(
      'after',
      `
Examples:
  $ asl run order.asl.json --input '{"total": 1200}' --stubs stubs.yaml
  $ asl run template.yaml --state-machine OrderMachine --mock-config MockConfigFile.json --test-case HappyPath --format json
`,
    )
    .action(async (definition: string, opts: Record<string, unknown>, command: Command) => {
      await checkFormat(command, opts.format);
      // Loaded only when run runs: the interpreter, and ink only for the live view.
      const { runCommand } = await import('../run-action.js');
      ctx.exitCode = await runCommand(ctx, definition, opts);
    });
};
