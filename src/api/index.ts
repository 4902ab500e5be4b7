/**
 * The high-level library API: check a file, a text or a definition object in one call and get one
 * result per state machine, the same shape `--format json` prints. It sits above validate, lint and
 * source (and below the CLI); it prints nothing and never exits. See docs/api.md.
 */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { compareDiagnostics, hasErrors } from '../diagnostics.js';
import { dropRepeatedMachines } from '../source/dedupe.js';
import { loadFile, SourceInputError } from '../source/load-file.js';
import { loadText as loadSourceText, type LoadTextOptions } from '../source/load-text.js';
import type { LoadedFile, MachineSource } from '../source/types.js';
import { validateMachine } from '../validate/index.js';
import type { MachineResult } from '../report/types.js';
import type { ResolvedLintConfig, RuleSetting } from '../lint/index.js';

/** A lint config that cannot be used: a bad `.aslrc` file, an unknown rule, a bad severity. */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** One state machine's outcome (or one file that could not be read as a state machine): the `--format json` entry. */
export type CheckResult = MachineResult;

/**
 * What `validate` and `lint` accept:
 * - a string: a path relative to `options.cwd`: a file (a definition, a CloudFormation/SAM template or a
 *   serverless.yml), a directory (searched for both, as `asl validate dir/` does) or a glob;
 * - an array of such strings;
 * - a `LoadedFile` from `loadFile` or `loadText` (use `loadText` to check a text you already hold);
 * - any other object: a parsed definition (or template).
 */
export type CheckInput = string | readonly string[] | LoadedFile | object;

export interface ValidateOptions {
  /** Folder that a path input is relative to. Default: `process.cwd()`. */
  cwd?: string;
  /** The name to report for a definition object. Default: `"<definition>"`. */
  file?: string;
}

/** The `.aslrc.json` / `.aslrc.yaml` shape: docs/configuration.md. */
export interface LintConfig {
  workflowType?: 'standard' | 'express';
  rules?: Record<string, RuleSetting | [RuleSetting, Record<string, unknown>?]>;
  /** Globs of files to leave out (relative to the config file's folder, or to `cwd` for a config object). */
  ignore?: string[];
  /** Settings for the files matching `files`, applied in order over the top level. */
  overrides?: Array<{ files: string | string[]; rules?: LintConfig['rules']; workflowType?: 'standard' | 'express' }>;
  /** Report `asl-disable` markers that silence nothing, as `unused-disable` warnings. */
  reportUnusedDisables?: boolean;
}

export interface LintOptions extends ValidateOptions {
  /**
   * A config object (the `.aslrc` shape), the path of a config file, or `false` for none. Default: like
   * `asl lint`, each file of a path input gets the nearest `.aslrc.json`, `.aslrc.yaml` or `.aslrc.yml` from
   * its folder upwards; other inputs use no config file. The config's `ignore` globs leave files found from a
   * path input out of the results.
   */
  config?: LintConfig | string | false;
  /** Rule severities that win over the config (its rule options stay), like `--rule id=severity`. */
  rules?: Record<string, RuleSetting>;
  /** Like `--workflow-type`; wins over the config and the template's StateMachineType. */
  workflowType?: 'standard' | 'express';
  /** Like `--report-unused-disables`; wins over the config. */
  reportUnusedDisables?: boolean;
}

/**
 * Loads a text you already hold. `file` names it in results and picks the parser by extension
 * (`.json`, `.json5`, `.yaml`, `.yml`); without one, text starting with `{` is JSON and anything else YAML.
 */
export function loadText(text: string, file = '<text>', options: LoadTextOptions = {}): LoadedFile {
  return loadSourceText(text, file, options);
}

export { loadFile };

/**
 * Checks that every state machine in the input is one AWS will accept (schema and semantic checks), as
 * `asl validate` does. Rejects with `SourceInputError` when a path cannot be read or a directory or glob finds
 * nothing; problems with the content are diagnostics, never exceptions.
 */
export async function validate(input: CheckInput, options: ValidateOptions = {}): Promise<CheckResult[]> {
  const files = await toLoadedFiles(input, options);
  return files.flatMap((loaded) => check(loaded, validateMachine));
}

/**
 * Everything `validate` reports plus the best-practice rules, as `asl lint` does. Rejects with
 * `SourceInputError` as `validate` does, `ConfigError` for a bad config or an unknown rule, and `TypeError`
 * for a bad `workflowType`.
 */
export async function lint(input: CheckInput, options: LintOptions = {}): Promise<CheckResult[]> {
  if (options.workflowType !== undefined && options.workflowType !== 'standard' && options.workflowType !== 'express') {
    throw new TypeError(`workflowType must be "standard" or "express", not "${String(options.workflowType)}"`);
  }
  // Lint's rules and the config reader (and with it the YAML parser) load only when linting.
  const [{ lint: lintMachine }, { configForFile, findConfigFile, isIgnored, loadConfigFile, parseConfig, LintConfigError }] = await Promise.all([
    import('../lint/index.js'),
    import('../lint/config.js'),
  ]);
  const cwd = options.cwd ?? process.cwd();
  const configError = (error: unknown): unknown =>
    // Our own class: the lint layer's would pull its YAML reader into every `import 'asl-toolkit'`.
    error instanceof LintConfigError ? new ConfigError(error.message, { cause: error }) : error;
  const fromFile = new Map<string, ResolvedLintConfig>();
  const readConfigFile = (path: string): ResolvedLintConfig => {
    if (!fromFile.has(path)) fromFile.set(path, loadConfigFile(path));
    return fromFile.get(path)!;
  };

  let given: ResolvedLintConfig | undefined;
  let overrides: ResolvedLintConfig['rules'] = {};
  try {
    if (typeof options.config === 'string') given = readConfigFile(resolve(cwd, options.config));
    else if (typeof options.config === 'object' && options.config !== null) given = parseConfig(options.config, 'the config option', { baseDir: cwd });
    if (options.rules) overrides = parseConfig({ rules: options.rules }, 'the rules option').rules;
  } catch (error) {
    throw configError(error);
  }
  const fromPaths = isPathInput(input);
  const configOf = (file: string): ResolvedLintConfig | undefined => {
    if (options.config !== undefined || !fromPaths) return given;
    // Like `asl lint`: the nearest .aslrc from the file's folder upwards.
    const found = findConfigFile(dirname(resolve(cwd, file)));
    try {
      return found ? readConfigFile(found) : undefined;
    } catch (error) {
      throw configError(error);
    }
  };

  const files = await toLoadedFiles(input, options);
  return files.flatMap((loaded) => {
    const absolute = resolve(cwd, loaded.file);
    const base = configOf(loaded.file);
    if (fromPaths && isIgnored(base, absolute)) return [];
    // Overrides matching the file apply over the config's top level; the options win over both.
    const forFile = configForFile(base, absolute);
    const rules = { ...forFile?.rules };
    for (const [id, rule] of Object.entries(overrides)) rules[id] = { ...rules[id], ...rule };
    const config: ResolvedLintConfig = {
      rules,
      workflowType: options.workflowType ?? forFile?.workflowType,
      reportUnusedDisables: options.reportUnusedDisables ?? forFile?.reportUnusedDisables,
    };
    return check(loaded, (machine) => lintMachine(machine, config));
  });
}

function isPathInput(input: CheckInput): input is string | readonly string[] {
  return typeof input === 'string' || (Array.isArray(input) && input.every((item) => typeof item === 'string'));
}

async function toLoadedFiles(input: CheckInput, options: ValidateOptions): Promise<LoadedFile[]> {
  if (isPathInput(input)) return loadPaths(typeof input === 'string' ? [input] : input, options.cwd ?? process.cwd());
  if (input === null || typeof input !== 'object') {
    throw new TypeError(`expected a path, an array of paths, a LoadedFile or a definition object, not ${input === null ? 'null' : typeof input}`);
  }
  if (isLoadedFile(input)) return [input];
  // Positions in the results refer to the definition printed as JSON.stringify(definition, null, 2).
  return [loadSourceText(JSON.stringify(input, null, 2), options.file ?? '<definition>', { baseDir: options.cwd })];
}

/** Files as named; directories and globs expanded as the CLI does (the glob library loads only for those). */
async function loadPaths(paths: readonly string[], cwd: string): Promise<LoadedFile[]> {
  const isFile = (path: string): boolean => statSync(resolve(cwd, path), { throwIfNoEntry: false })?.isFile() ?? false;
  let files = [...paths];
  if (!paths.every(isFile)) {
    const { expandInputs } = await import('../source/expand.js');
    const expanded = await expandInputs([...paths], cwd);
    if (expanded.problems.length > 0) {
      const problem = expanded.problems[0]!;
      const path = paths.find((p) => problem.startsWith(`${p}: `)) ?? '';
      throw new SourceInputError(path, path ? problem.slice(path.length + 2) : problem);
    }
    files = expanded.files;
  }
  const loaded: LoadedFile[] = [];
  for (const file of files) loaded.push(await loadFile(file, { cwd }));
  // As on the command line: a definition file that templates name is checked once.
  dropRepeatedMachines(loaded, cwd);
  return loaded;
}

function isLoadedFile(value: object): value is LoadedFile {
  const v = value as Partial<LoadedFile>;
  return typeof v.file === 'string' && Array.isArray(v.machines) && Array.isArray(v.diagnostics);
}

function check(loaded: LoadedFile, checkMachine: (machine: MachineSource) => Diagnostic[]): CheckResult[] {
  const results: CheckResult[] = [];
  if (loaded.diagnostics.length > 0) results.push(toResult(loaded.file, '', undefined, loaded.diagnostics));
  for (const machine of loaded.machines) {
    results.push(toResult(machine.file || loaded.file, machine.pointer, machine.name, checkMachine(machine)));
  }
  return results;
}

function toResult(file: string, machine: string, name: string | undefined, diagnostics: readonly Diagnostic[]): CheckResult {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return { file, machine, ...(name !== undefined ? { name } : {}), valid: !hasErrors(sorted), diagnostics: sorted };
}
