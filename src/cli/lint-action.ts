/**
 * What `asl lint` does once its flags are parsed: --rule settings, config discovery per folder (cached),
 * overrides per file, then the shared check runner. The command module imports this one module when the
 * action runs, so other commands and --help never load the rules.
 */
import { dirname, resolve } from 'node:path';
import { lint, rules, rulesById, type ResolvedLintConfig } from '../lint/index.js';
import { configCandidates, configForFile, didYouMean, findConfigFile, isIgnored, loadConfigFile, LintConfigError } from '../lint/config.js';
import type { RuleMetadata } from '../report/types.js';
import { readCheckOptions } from './check-options.js';
import { runCheckCommand, type CheckMachine } from './check-runner.js';
import type { CommandContext } from './context.js';
import { DOCS_BASE_URL } from './docs-url.js';
import { UsageError } from './errors.js';
import { validationRules } from './validation-rules.js';

const severities = ['off', 'info', 'warning', 'error'];

export function runLint(ctx: CommandContext, paths: string[], opts: Record<string, unknown>, wt: string | undefined): Promise<number> {
  const cwd = ctx.cwd ?? '.';
  const flags: ResolvedLintConfig = { rules: ruleFlags(opts.rule as string[] | undefined), workflowType: wt as 'standard' | 'express' | undefined };
  const explicit = typeof opts.config === 'string' ? resolve(cwd, opts.config) : undefined;
  const configs = new ConfigFiles(cwd, explicit);
  // --config names one file for every input: a broken one is refused before anything is checked.
  if (explicit !== undefined) configErrorsAsUsage(() => configs.forFile('.'));
  const checkMachine: CheckMachine = (machine) => {
    const fileConfig = configErrorsAsUsage(() => configs.forFile(machine.file));
    // Overrides matching this file apply over the config's top level; the command line wins over both.
    const forFile = configForFile(fileConfig, resolve(cwd, machine.file));
    return lint(machine, withFlags(forFile, flags, opts.reportUnusedDisables === true));
  };
  return runCheckCommand(ctx, paths, readCheckOptions(opts), checkMachine, ruleMetadata(), {
    // --watch: the config files that apply (or would, once created) are watched too; an edit reloads them.
    dependencies: (file) => (explicit !== undefined ? [explicit] : configCandidates(dirname(resolve(cwd, file)))),
    forget: () => configs.forget(),
    // The config's ignore globs leave a file out of the results altogether.
    skip: (file) => configErrorsAsUsage(() => isIgnored(configs.forFile(file), resolve(cwd, file))),
  });
}

/** The --rule id=severity flags as config rules; an unknown rule or severity is a usage error. */
function ruleFlags(specs: readonly string[] | undefined): ResolvedLintConfig['rules'] {
  const out: ResolvedLintConfig['rules'] = {};
  for (const spec of specs ?? []) {
    const [id = '', severity = ''] = spec.split('=');
    if (!rulesById.has(id)) throw new UsageError(`--rule: unknown rule "${id}"; ${didYouMean(id)}`);
    if (!severities.includes(severity)) throw new UsageError(`--rule ${id}: severity must be one of ${severities.join(', ')}, not "${severity}".`);
    out[id] = { severity: severity as 'off' };
  }
  return out;
}

/** What the formatters say about each rule: validation's, lint's, and unused-disable. */
function ruleMetadata(): RuleMetadata[] {
  const metadata = [
    ...validationRules(),
    ...rules.map((r) => ({ id: r.meta.id, description: r.meta.description, severity: r.meta.defaultSeverity, docsUrl: `${DOCS_BASE_URL}/rules/${r.meta.id}.md` })),
  ];
  metadata.push({ id: 'unused-disable', description: 'An asl-disable comment that silences nothing (--report-unused-disables).', severity: 'warning', docsUrl: `${DOCS_BASE_URL}/configuration.md#report-unused-disables` });
  return metadata;
}

/** The file's config with the command line over it: --rule sets the severity only (options from the config stay). */
function withFlags(forFile: ResolvedLintConfig | undefined, flags: ResolvedLintConfig, reportUnusedDisables: boolean): ResolvedLintConfig {
  return {
    rules: Object.fromEntries([...Object.entries(forFile?.rules ?? {}), ...Object.entries(flags.rules).map(([id, r]) => [id, { ...forFile?.rules[id], ...r }])]),
    workflowType: flags.workflowType ?? forFile?.workflowType,
    reportUnusedDisables: reportUnusedDisables ? true : forFile?.reportUnusedDisables,
  };
}

/** A config file that cannot be read or is invalid is a usage error (exit 2), as a bad flag is. */
function configErrorsAsUsage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof LintConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** The config file that applies to each input (--config, or the nearest upward), each folder searched and each file loaded once. */
class ConfigFiles {
  private readonly byFile = new Map<string, ResolvedLintConfig | undefined>();
  private readonly byDir = new Map<string, string | undefined>();

  constructor(
    private readonly cwd: string,
    private readonly explicit: string | undefined,
  ) {}

  forFile(file: string): ResolvedLintConfig | undefined {
    const found = this.explicit ?? this.nearest(file);
    if (!found) return undefined;
    if (!this.byFile.has(found)) this.byFile.set(found, loadConfigFile(found));
    return this.byFile.get(found);
  }

  /** Drops what was read, for --watch when a config file changed. */
  forget(): void {
    this.byFile.clear();
    this.byDir.clear();
  }

  /** One upward search per folder, not per file: a repository's files share a few folders. */
  private nearest(file: string): string | undefined {
    const dir = dirname(resolve(this.cwd, file));
    if (!this.byDir.has(dir)) this.byDir.set(dir, findConfigFile(dir));
    return this.byDir.get(dir);
  }
}
