/**
 * Lint configuration: `.aslrc.json|.yaml|.yml` found by walking up from each linted file, or named with
 * `--config`. A file is checked against `schemas/aslrc.schema.json` (compiled at build time), then against
 * the rule registry (unknown ids get a "did you mean") and each rule's own options schema. Every problem is a
 * `LintConfigError` whose message starts with `file:line:column`, never a silent default.
 * Docs: docs/configuration.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { ErrorObject } from 'ajv';
import { getAtPointer, joinPointer, splitPointer } from '../asl/pointer.js';
import { suggestNearest } from '../asl/suggest.js';
import validateConfigSchema from '../generated/aslrc.schema.js';
import type { NodeSpan } from '../source/document.js';
import { makeLocate } from '../source/locate.js';
import { detectFormat, parseText } from '../source/parse.js';
import { LineTable } from '../source/positions.js';
import type { ResolvedLintConfig, RuleSetting } from './index.js';
import { rulesById } from './rules/index.js';
import { systemErrorReason } from '../system-error.js';

export class LintConfigError extends Error {}

const names = ['.aslrc.json', '.aslrc.yaml', '.aslrc.yml'];
const topKeys = ['$schema', 'rules', 'workflowType', 'ignore', 'overrides', 'reportUnusedDisables'];
const overrideKeys = ['files', 'rules', 'workflowType'];
const severities = new Set<unknown>(['off', 'info', 'warning', 'error']);

export function findConfigFile(fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Every path findConfigFile looks at from this folder, nearest first, up to the one it finds: watch mode watches them. */
export function configCandidates(fromDir: string): string[] {
  const out: string[] = [];
  let dir = fromDir;
  for (;;) {
    for (const name of names) {
      out.push(join(dir, name));
      if (existsSync(join(dir, name))) return out;
    }
    const parent = dirname(dir);
    if (parent === dir) return out;
    dir = parent;
  }
}

const EMPTY_CONFIG =
  'the lint config holds no settings (it is empty, or null); write {} for a config that keeps every rule at its default, or delete the file to use the config of a folder above.';

export function loadConfigFile(file: string): ResolvedLintConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new LintConfigError(`${file}: cannot read the lint config: ${systemErrorReason(error)}.`);
  }
  // An empty file (or a bare null) is refused in every format rather than read as "no settings": the nearest
  // config replaces the ones above it, so a file emptied by accident would silently turn every rule back to
  // its default. `{}` says "no settings" on purpose. docs/configuration.md.
  if (!/\S/.test(text)) throw new LintConfigError(`${file}:1:1: ${EMPTY_CONFIG}`);
  const parsed = parseText(text, detectFormat(file, text));
  const lines = new LineTable(text);
  const problem = parsed.problems[0];
  if (!parsed.parsed || problem) {
    const at = lines.position(problem?.offset ?? 0);
    throw new LintConfigError(`${file}:${at.line}:${at.column}: the lint config is not valid ${parsed.format === 'yaml' ? 'YAML' : 'JSON'}: ${problem?.message ?? 'it does not parse'}.`);
  }
  const locate = makeLocate((p) => parsed.spanOf(p) as NodeSpan | undefined, '', (start) => lines.position(start));
  if (parsed.value === null || parsed.value === undefined) throw new LintConfigError(`${file}:1:1: ${EMPTY_CONFIG}`);
  return parseConfig(parsed.value, file, { baseDir: dirname(file), locate: (pointer) => { const at = locate(pointer); return `${file}:${at.line}:${at.column}`; } });
}

export interface ParseConfigOptions {
  /** Folder that `ignore` and `overrides[].files` globs are relative to (default: the working directory). */
  baseDir?: string;
  /** "file:line:column" of a pointer into the config, for messages; without it messages name `where`. */
  locate?: (pointer: string) => string;
}

/** Validates a parsed config value and resolves it; throws LintConfigError listing every problem found. */
export function parseConfig(raw: unknown, where: string, options: ParseConfigOptions = {}): ResolvedLintConfig {
  const at = (pointer: string) => options.locate?.(pointer) ?? (pointer ? `${where} (at ${pointer})` : where);
  const problems: string[] = [];
  if (!validateConfigSchema(raw)) problems.push(...schemaProblems(validateConfigSchema.errors ?? [], raw, at));
  if (problems.length === 0) {
    const value = raw as Record<string, unknown>;
    checkRules(value.rules, '/rules', at, problems);
    (value.overrides as Array<Record<string, unknown>> | undefined)?.forEach((o, i) => checkRules(o.rules, `/overrides/${i}/rules`, at, problems));
  }
  if (problems.length > 0) throw new LintConfigError(problems.join('\n'));

  const value = raw as {
    rules?: Record<string, unknown>; workflowType?: 'standard' | 'express'; ignore?: string[]; reportUnusedDisables?: boolean;
    overrides?: Array<{ files: string | string[]; rules?: Record<string, unknown>; workflowType?: 'standard' | 'express' }>;
  };
  const out: ResolvedLintConfig = { rules: resolveRules(value.rules) };
  if (value.workflowType) out.workflowType = value.workflowType;
  if (value.reportUnusedDisables !== undefined) out.reportUnusedDisables = value.reportUnusedDisables;
  if (value.ignore?.length) out.ignore = value.ignore;
  if (value.overrides?.length)
    out.overrides = value.overrides.map((o) => ({
      files: typeof o.files === 'string' ? [o.files] : o.files,
      rules: resolveRules(o.rules),
      ...(o.workflowType ? { workflowType: o.workflowType } : {}),
    }));
  if (out.ignore || out.overrides) out.baseDir = resolve(options.baseDir ?? '.');
  return out;
}

function resolveRules(rules: Record<string, unknown> | undefined): ResolvedLintConfig['rules'] {
  const out: ResolvedLintConfig['rules'] = {};
  for (const [id, value] of Object.entries(rules ?? {})) {
    const [severity, options] = Array.isArray(value) ? value : [value, undefined];
    out[id] = options === undefined ? { severity: severity as RuleSetting } : { severity: severity as RuleSetting, options: options as Record<string, unknown> };
  }
  return out;
}

/** The registry's side of the schema: rule ids exist, options fit the rule's own schema. */
function checkRules(rules: unknown, base: string, at: (pointer: string) => string, problems: string[]): void {
  if (rules === null || typeof rules !== 'object') return;
  for (const [id, value] of Object.entries(rules)) {
    const pointer = joinPointer(base, id);
    const rule = rulesById.get(id);
    if (!rule) {
      problems.push(`${at(pointer)}: unknown rule "${id}"; ${didYouMean(id)}`);
      continue;
    }
    if (!Array.isArray(value) || value.length < 2) continue;
    const options = value[1];
    if (!rule.meta.optionsSchema) {
      problems.push(`${at(joinPointer(pointer, 1))}: rule "${id}" takes no options; write "${String(value[0])}" alone.`);
      continue;
    }
    for (const message of validateOptions(rule.meta.optionsSchema, options))
      problems.push(`${at(joinPointer(pointer, 1))}: options of rule "${id}" ${message}; see docs/rules/${id}.md.`);
  }
}

/** "did you mean …?" for an unknown rule id, or the hint to list them. */
export function didYouMean(id: string): string {
  const near = suggestNearest(id, rulesById.keys());
  return near ? `did you mean "${near}"? (run "asl rules" to list them)` : 'run "asl rules" to list them.';
}

type AjvValidate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const compiled = new WeakMap<object, AjvValidate>();

/** Checks rule options against the rule's JSON Schema; ajv is loaded (and the schema compiled) only when options are given. */
function validateOptions(schema: Record<string, unknown>, options: unknown): string[] {
  let validate = compiled.get(schema);
  if (!validate) {
    const Ajv = createRequire(import.meta.url)('ajv').default as new (o: object) => { compile(s: object): AjvValidate };
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(options)) return [];
  return (validate.errors ?? []).map((e) => {
    if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty?: string }).additionalProperty);
      const known = Object.keys(((schema.properties as Record<string, unknown>) ?? {}));
      const near = suggestNearest(key, known);
      return `have no "${key}"${near ? ` (did you mean "${near}"?)` : known.length ? ` (known: ${known.join(', ')})` : ''}`;
    }
    return `${e.instancePath ? `"${splitPointer(e.instancePath).join('.')}" ` : ''}${e.message ?? 'is not valid'}`;
  });
}

const ruleSetting = /^((?:\/overrides\/\d+)?\/rules\/[^/]+)/;

/** Ajv's errors as one clear line each, deepest first per location; anyOf noise collapsed. */
function schemaProblems(errors: ErrorObject[], raw: unknown, at: (pointer: string) => string): string[] {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return [`${at('')}: the lint config must be an object (a mapping of settings), such as {"rules": {"task-timeout": "error"}}.`];
  const out = new Map<string, string>();
  for (const e of errors) {
    const path = e.instancePath;
    const tokens = splitPointer(path);
    let pointer = path;
    let message: string;
    if (ruleSetting.test(path)) {
      pointer = ruleSetting.exec(path)![1]!;
      const id = splitPointer(pointer).at(-1)!;
      // [severity, options] with a valid severity: the options are checked against the rule's own schema, with better words.
      const setting = getAtPointer(raw, pointer);
      if (Array.isArray(setting) && setting.length === 2 && severities.has(setting[0])) continue;
      message = `rule "${id}" must be "off", "info", "warning" or "error", or [severity, {options}].`;
    } else if (e.keyword === 'additionalProperties') {
      const key = String((e.params as { additionalProperty?: string }).additionalProperty);
      pointer = joinPointer(path, key);
      const known = tokens.length === 0 ? topKeys : overrideKeys;
      const near = suggestNearest(key, known);
      message = `unknown setting "${key}"${near ? `; did you mean "${near}"?` : `; the settings are ${known.join(', ')}.`}`;
    } else if (e.keyword === 'required') {
      message = `an override needs "files": the glob pattern(s) of the files it applies to.`;
    } else if (path.endsWith('/workflowType')) {
      message = `workflowType must be "standard" or "express".`;
    } else if (/^\/overrides\/\d+\/files/.test(path)) {
      pointer = path.replace(/^(\/overrides\/\d+\/files).*/, '$1');
      message = `"files" must be a glob pattern or a non-empty list of them.`;
    } else {
      const name = tokens.length ? `"${tokens.join('.')}"` : 'the config';
      message = e.keyword === 'not' ? `${name} must not be an empty string.` : `${name} ${e.message ?? 'is not valid'}.`;
    }
    if (!out.has(pointer)) out.set(pointer, `${at(pointer)}: ${message}`);
  }
  return [...out.values()];
}

/**
 * The settings for one file: the config's own, then each override whose `files` match, in order;
 * `ignore`/`overrides` globs are relative to the config file's folder.
 */
export function configForFile(config: ResolvedLintConfig | undefined, file: string): ResolvedLintConfig | undefined {
  if (!config?.overrides) return config;
  const path = relativePath(config, file);
  let rules = { ...config.rules };
  let workflowType = config.workflowType;
  for (const o of config.overrides) {
    if (path === undefined || !o.files.some((g) => globMatches(g, path))) continue;
    rules = { ...rules, ...o.rules };
    if (o.workflowType) workflowType = o.workflowType;
  }
  const { overrides: _overrides, ...rest } = config;
  return { ...rest, rules, ...(workflowType ? { workflowType } : {}) };
}

/** True when the config's `ignore` globs match the file. */
export function isIgnored(config: ResolvedLintConfig | undefined, file: string): boolean {
  if (!config?.ignore) return false;
  const path = relativePath(config, file);
  return path !== undefined && config.ignore.some((g) => globMatches(g, path));
}

/** The file relative to the config's folder with "/" separators; undefined when it lies outside. */
function relativePath(config: ResolvedLintConfig, file: string): string | undefined {
  const base = config.baseDir ?? resolve('.');
  const rel = relative(base, isAbsolute(file) ? file : resolve(base, file));
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

const globCache = new Map<string, (path: string) => boolean>();
let picomatchModule: typeof import('picomatch') | undefined;

/**
 * Glob matching as .gitignore users expect: `*` and `?` stay within a folder, `**` spans folders, `{a,b}`
 * alternatives, `[abc]` classes, dot files included. A pattern without "/" matches the file name in any folder;
 * a trailing "/" matches everything under that folder; a leading "/" or "./" anchors at the config's folder.
 * The matching is picomatch's; only the anchoring rules are ours. picomatch loads with the first pattern.
 */
export function globMatches(glob: string, path: string): boolean {
  let matches = globCache.get(glob);
  if (!matches) {
    picomatchModule ??= createRequire(import.meta.url)('picomatch') as typeof import('picomatch');
    globCache.set(glob, (matches = picomatchModule(gitignoreStyle(glob), { dot: true })));
  }
  return matches(path);
}

// The picomatch pattern for a .gitignore-style one: an unanchored pattern may sit in any folder ("**/" before it).
function gitignoreStyle(glob: string): string {
  let pattern = glob.replace(/^\.\//, '');
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  pattern = pattern.replace(/^\//, '');
  if (pattern.endsWith('/')) pattern += '**';
  // .gitignore negates a class as [!…]; picomatch 4 reads only [^…] and would take the "!" literally.
  pattern = pattern.replace(/(^|[^\\])\[!/g, '$1[^');
  return anchored ? pattern : `**/${pattern}`;
}
