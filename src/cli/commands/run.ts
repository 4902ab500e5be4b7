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
    .option('--jsonata-timeout <ms>', 'stop a JSONata evaluation after this many milliseconds, with States.QueryEvaluationError (default 10000)')
    .option('--jsonata-max-depth <n>', 'stop a JSONata evaluation that nests deeper than this (default 10000)')
    .option('--jsonata-max-items <n>', 'stop a JSONata evaluation whose large sequences hold more items than this in all (default 10000000)')
    .option('--state <name>', 'run only this state, as the AWS TestState API does (nested states by "Outer/0/Inner"; default: the whole machine)')
    .option('--variables <json>', 'with --state: the variables the state can read, as a JSON object (default {})')
    .option('--inspect', 'with --state: print each data-flow step; the same as --inspection-level DEBUG (default: off)')
    .option('--inspection-level <level>', 'with --state: INFO (status, output, error, next state), DEBUG (and each data-flow step) or TRACE (and an HTTP Task\'s request and response) (default INFO)')
    .option('--context <json>', 'with --state: context object fields ($$), merged over the generated ones, e.g. {"Map":{"Item":{"Index":2}}} (default: the generated ones; a state inside a Map gets item 0 with its input as the value)')
    .option('--retrier-retry-count <n>', 'with --state: retries already made by the matching retrier (as TestState); at MaxAttempts the error goes to Catch (default 0)')
    .option('--mock <json>', 'with --state: TestState\'s mock as the API takes it, e.g. {"result": "{\\"Payload\\": 1}"} (result is JSON text); instead of the --mock-… flags (default: none)')
    .option('--state-configuration <json>', 'with --state: TestState\'s stateConfiguration as the API takes it, e.g. {"retrierRetryCount": 1}; instead of the flags for its fields (default: none)')
    .option('--mock-result <json>', 'with --state: the Task\'s result, or the Map\'s or Parallel\'s (a JSON array), instead of stubs, iterations or branches (TestState\'s mock.result; default: none)')
    .option('--mock-error <error>', 'with --state: the error the Task, Map or Parallel raises instead (TestState\'s mock.errorOutput.error; default: none)')
    .option('--mock-cause <cause>', 'with --state: the cause of that error (TestState\'s mock.errorOutput.cause; default: none)')
    .option('--mock-field-validation <mode>', 'with --mock-result: STRICT, PRESENT or NONE, how strictly the result is checked against the API\'s response shape (default STRICT)')
    .option('--error-caused-by-state <name>', 'with --state and --mock-error on a Map or Parallel: the state inside it the error comes from (default: none)')
    .option('--map-iteration-failure-count <n>', 'with --state and a mock on a Map: how many iterations failed; over the Map\'s tolerance it fails with States.ExceedToleratedFailureThreshold (default: none)')
    .option('--map-item-reader-data <text>', 'with --state on a Map with an ItemReader: what the reader reads, as in its source (JSON, JSON Lines or CSV) (default: from --stubs)')
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
