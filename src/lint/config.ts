/**
 * Config discovery: `.aslrc.json|.yaml|.yml` found by walking up from each linted file (cached per folder),
 * validated by hand against the rule registry so a bad file is a clear error, never a silent default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ResolvedLintConfig } from './index.js';
import { rulesById } from './rules/index.js';

export class LintConfigError extends Error {}

const names = ['.aslrc.json', '.aslrc.yaml', '.aslrc.yml'];
const severities = new Set(['off', 'info', 'warning', 'error']);

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

export function loadConfigFile(file: string): ResolvedLintConfig {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LintConfigError(`${file}: cannot be read as JSON or YAML (${(error as Error).message}).`);
  }
  return parseConfig(raw ?? {}, file);
}

export function parseConfig(raw: unknown, where: string): ResolvedLintConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new LintConfigError(`${where}: the config must be an object.`);
  const { rules = {}, workflowType } = raw as Record<string, unknown>;
  const out: ResolvedLintConfig = { rules: {} };
  if (workflowType !== undefined) {
    if (workflowType !== 'standard' && workflowType !== 'express') throw new LintConfigError(`${where}: workflowType must be "standard" or "express".`);
    out.workflowType = workflowType;
  }
  for (const [id, value] of Object.entries(rules as Record<string, unknown>)) {
    if (!rulesById.has(id)) throw new LintConfigError(`${where}: unknown rule "${id}"; run "asl rules" to list them.`);
    const [severity, options] = Array.isArray(value) ? value : [value, undefined];
    if (typeof severity !== 'string' || !severities.has(severity)) throw new LintConfigError(`${where}: rule "${id}" severity must be one of off, info, warning, error.`);
    if (options !== undefined && (typeof options !== 'object' || options === null)) throw new LintConfigError(`${where}: rule "${id}" options must be an object.`);
    out.rules[id] = { severity: severity as 'off', options: options as Record<string, unknown> | undefined };
  }
  return out;
}
