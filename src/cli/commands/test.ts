import { Option, type Command } from 'commander';
import type { RegisterCommand } from '../context.js';
import { checkFormatChoice } from './format-choice.js';

export const TEST_FORMATS = ['pretty', 'json', 'junit', 'tap', 'github'];

export const register: RegisterCommand = (program, ctx) => {
  program
    .command('test')
    .description('run scenario suites (*.asl-test.yaml) against state machines, with workflow coverage')
    .argument('[paths...]', 'test files, directories to search for *.asl-test.yaml|yml|json, or globs (default: .)')
    .option('--grep <pattern>', 'run only scenarios whose name matches this regular expression (default: all)')
    .option('--bail', 'stop after the first scenario that fails or cannot run (default: run them all)')
    .option('--jobs <n>', 'at most this many scenarios at once on worker threads, once a suite is long enough to repay starting them (default: the number of CPUs; 1: all in this thread)')
    .addOption(
      new Option('--format <format>', 'report format (default: pretty)')
        .choices(TEST_FORMATS)
        .argParser((value: string) => value),
    )
    .option('-o, --output <file>', 'write the report to this file, never over a test file or definition (default: stdout)')
    .option('--coverage', 'measure workflow coverage: states entered, transitions taken, retriers fired (default: off)')
    .option('--coverage-threshold <spec>', 'exit 1 when a machine is below it, e.g. states=100,transitions=90; implies --coverage (default: none)')
    .option('--coverage-report <file>', 'write coverage as JSON, or as lcov when the name ends in .lcov or .info; implies --coverage (default: none)')
    .option('--update', 'write the actual output into expect.output of scenarios that have no output expectation (default: off)')
    .option('--watch', 're-run the test files a changed definition, test, stub, input or mock config file affects, until Ctrl-C (default: run once)')
    .option('--color', 'force coloured output (default: colour on a terminal unless NO_COLOR is set)')
    .option('--no-color', 'disable coloured output (NO_COLOR is honoured too; default: colour on a terminal)')
    .addHelpText(
      'after',
      `
Examples:
  $ asl test examples/ --coverage-threshold states=100,transitions=90 --coverage-report coverage/asl.lcov
  $ asl test order.asl-test.yaml --grep 'big order' --format junit --output test-results.xml
`,
    )
    .action(async (paths: string[], opts: Record<string, unknown>, command: Command) => {
      await checkFormatChoice(command, opts.format, TEST_FORMATS);
      const { runTestCommand } = await import('../test-action.js');
      ctx.exitCode = await runTestCommand(ctx, paths, opts);
    });
};
