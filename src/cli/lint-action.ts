/**
 * What `asl lint` does once its flags are parsed: --rule settings, config discovery per folder (cached),
 * overrides per file, then the shared check runner. The command module imports this one module when the
 * action runs, so other commands and --help never load the rules.
 */
import { dirname, resolve } from 'node:path';
import { lint, rules, rulesById, type ResolvedLintConfig } from '../lint/index.js';
import { configCandidates, configForFile, didYouMean, findConfigFile, isIgnored, loadConfigFile, LintConfigError } from '../lint/config.js';
import { readCheckOptions } from './check-options.js';
import { runCheckCommand } from './check-runner.js';
import type { CommandContext } from './context.js';
import { DOCS_BASE_URL } from './docs-url.js';
import { UsageError } from './errors.js';
import { validationRules } from './validation-rules.js';

const severities = ['off', 'info', 'warning', 'error'];

export function runLint(ctx: CommandContext, paths: string[], opts: Record<string, unknown>, wt: string | undefined): Promise<number> {
  const config: ResolvedLintConfig = { rules: {}, workflowType: wt as 'standard' | 'express' | undefined };
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
  const byFile = new Map<string, ResolvedLintConfig | undefined>();
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
  return runCheckCommand(ctx, paths, readCheckOptions(opts), (machine) => {
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
}
