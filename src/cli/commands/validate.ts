import type { RegisterCommand } from '../context.js';
import { addCheckOptions, readCheckOptions } from '../check-options.js';

export const register: RegisterCommand = (program, ctx) => {
  const command = program
    .command('validate')
    .description('check state machine definitions against the Amazon States Language: shape, then meaning')
    .argument('[paths...]', 'files, directories, globs, or - for stdin')
    .addHelpText(
      'after',
      `
Examples:
  $ asl validate 'statemachines/**/*.asl.json' template.yaml
  $ asl validate . --format sarif --output asl.sarif
`,
    );
  addCheckOptions(command).action(async (paths: string[], opts: Record<string, unknown>) => {
    // Loaded only when validate runs, so other commands (and --help) stay fast.
    const { runValidate } = await import('../validate-action.js');
    ctx.exitCode = await runValidate(ctx, paths, readCheckOptions(opts));
  });
};
