import type { RegisterCommand } from '../context.js';
import { addCheckOptions } from '../check-options.js';
import { workflowTypeFlag } from '../workflow-type.js';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export const register: RegisterCommand = (program, ctx) => {
  const listRules = async (): Promise<void> => {
    const { rules } = await import('../../lint/index.js');
    for (const r of rules) ctx.io.stdout.write(`${r.meta.id.padEnd(24)} ${r.meta.defaultSeverity.padEnd(8)} ${r.meta.description}\n`);
  };
  program
    .command('rules')
    .description('list the lint rules with their default severity')
    .addHelpText('after', '\nExamples:\n  $ asl rules\n  $ asl rules | grep retry\n')
    .action(listRules);
  const command = program
    .command('lint')
    .description('validate state machine definitions, then check them against best practices')
    .argument('[paths...]', 'files, directories, globs, or - for stdin')
    .option('--workflow-type <type>', 'standard or express (default: from the template, else standard)')
    .option('--rule <id=severity>', 'set a rule severity (off, info, warning, error); repeatable (default: the config file\'s, else the rule\'s own)', collect)
    .option('--list-rules', 'list the rules and exit')
    .option('--report-unused-disables', 'report asl-disable comments that silence nothing (default: off, or the config\'s reportUnusedDisables)')
    .option('-c, --config <file>', 'use this config file (default: the nearest .aslrc.json/.yaml above each file)')
    .addHelpText(
      'after',
      `
Examples:
  $ asl lint 'statemachines/**/*.asl.json' --rule retry-max-delay=off
  $ asl lint template.yaml --format github --max-warnings 0
`,
    );
  addCheckOptions(command).action(async (paths: string[], opts: Record<string, unknown>) => {
    if (opts.listRules) return listRules();
    const wt = workflowTypeFlag(opts.workflowType);
    // Loaded only when lint runs, as one module (fewer chunks of the command-line bundle to load).
    const { runLint } = await import('../lint-action.js');
    ctx.exitCode = await runLint(ctx, paths, opts, wt);
  });
};
