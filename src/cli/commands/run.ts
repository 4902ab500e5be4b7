import { Option, type Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { checkFormatChoice } from './format-choice.js';

const FORMATS = ['pretty', 'json'];

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
    .option('--jsonata-timeout <ms>', 'stop a JSONata evaluation after this many milliseconds, with States.QueryEvaluationError (default 10000)')
    .option('--jsonata-max-depth <n>', 'stop a JSONata evaluation that nests deeper than this (default 10000)')
    .option('--jsonata-max-items <n>', 'stop a JSONata evaluation whose large sequences hold more items than this in all (default 10000000)')
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
      await checkFormatChoice(command, opts.format, FORMATS);
      // Loaded only when run runs: the interpreter, and ink only for the live view.
      const { runCommand } = await import('../run-action.js');
      ctx.exitCode = await runCommand(ctx, definition, opts);
    });
};
