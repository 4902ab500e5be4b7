import type { RegisterCommand } from '../context.js';
import { addCheckOptions, readCheckOptions } from '../check-options.js';
import { UsageError } from '../errors.js';
import { DOCS_BASE_URL } from '../docs-url.js';

const severities = ['off', 'info', 'warning', 'error'];

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
    const wt = opts.workflowType as string | undefined;
    if (wt !== undefined && wt !== 'standard' && wt !== 'express') throw new UsageError(`--workflow-type must be "standard" or "express", not "${wt}".`);
    const [{ runCheckCommand }, { lint, rules, rulesById }, { validationRules }, { configCandidates, configForFile, didYouMean, findConfigFile, isIgnored, loadConfigFile, LintConfigError }] = await Promise.all([
      import('../check-runner.js'),
      import('../../lint/index.js'),
      import('../validation-rules.js'),
      import('../../lint/config.js'),
    ]);
    const config: import('../../lint/index.js').ResolvedLintConfig = { rules: {}, workflowType: wt as 'standard' | 'express' | undefined };
    for (const spec of (opts.rule as string[] | undefined) ?? []) {
      const [id = '', severity = ''] = spec.split('=');
      if (!rulesById.has(id)) throw new UsageError(`--rule: unknown rule "${id}"; ${didYouMean(id)}`);
      if (!severities.includes(severity)) throw new UsageError(`--rule ${id}: severity must be one of ${severities.join(', ')}, not "${severity}".`);
      config.rules[id] = { severity: severity as 'off' };
    }
    const metadata = [
      ...validationRules(),
      ...rules.map((r) => ({ id: r.meta.id, description: r.meta.description, severity: r.meta.defaultSeverity, docsUrl: `${DOCS_BASE_URL}/rules/${r.meta.id}.md` })),
    ];
    metadata.push({ id: 'unused-disable', description: 'An asl-disable comment that silences nothing (--report-unused-disables).', severity: 'warning', docsUrl: `${DOCS_BASE_URL}/configuration.md#report-unused-disables` });
    const { dirname, resolve } = await import('node:path');
    const byFile = new Map<string, import('../../lint/index.js').ResolvedLintConfig | undefined>();
    const byDir = new Map<string, string | undefined>();
    const configFor = (file: string) => {
      let found: string | undefined;
      if (typeof opts.config === 'string') found = resolve(ctx.cwd ?? '.', opts.config);
      else {
        // One upward search per folder, not per file: a repository's files share a few folders.
        const dir = dirname(resolve(ctx.cwd ?? '.', file));
        if (!byDir.has(dir)) byDir.set(dir, findConfigFile(dir));
        found = byDir.get(dir);
      }
      if (!found) return undefined;
      if (!byFile.has(found)) byFile.set(found, loadConfigFile(found));
      return byFile.get(found);
    };
    try {
      if (typeof opts.config === 'string') configFor('.');
    } catch (error) {
      if (error instanceof LintConfigError) throw new UsageError(error.message);
      throw error;
    }
    ctx.exitCode = await runCheckCommand(ctx, paths, readCheckOptions(opts), (machine) => {
      let fileConfig;
      try {
        fileConfig = configFor(machine.file);
      } catch (error) {
        if (error instanceof LintConfigError) throw new UsageError(error.message);
        throw error;
      }
      // Overrides matching this file apply over the config's top level; the command line wins over both.
      const forFile = configForFile(fileConfig, resolve(ctx.cwd ?? '.', machine.file));
      const merged = {
        // --rule sets the severity only: options from the config stay.
        rules: Object.fromEntries([...Object.entries(forFile?.rules ?? {}), ...Object.entries(config.rules).map(([id, r]) => [id, { ...forFile?.rules[id], ...r }])]),
        workflowType: config.workflowType ?? forFile?.workflowType,
        reportUnusedDisables: opts.reportUnusedDisables === true ? true : forFile?.reportUnusedDisables,
      };
      return lint(machine, merged);
    }, metadata, {
      // --watch: the config files that apply (or would, once created) are watched too; an edit reloads them.
      dependencies: (file) => (typeof opts.config === 'string' ? [resolve(ctx.cwd ?? '.', opts.config)] : configCandidates(dirname(resolve(ctx.cwd ?? '.', file)))),
      forget: () => {
        byFile.clear();
        byDir.clear();
      },
      // The config's ignore globs leave a file out of the results altogether.
      skip: (file) => {
        try {
          return isIgnored(configFor(file), resolve(ctx.cwd ?? '.', file));
        } catch (error) {
          if (error instanceof LintConfigError) throw new UsageError(error.message);
          throw error;
        }
      },
    });
  });
};
