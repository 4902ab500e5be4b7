/**
 * Command-line inputs to files: files as given, directories searched for definitions and templates,
 * globs expanded. Problems (a missing path, a glob matching nothing) are collected so the other inputs
 * are still checked and the CLI can exit 2.
 */
import { open, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

const DEFINITION_PATTERNS = ['**/*.asl.json', '**/*.asl.yaml', '**/*.asl.yml', '**/*.asl.json5'];
const TEMPLATE_PATTERNS = ['**/*.json', '**/*.yaml', '**/*.yml', '**/*.template'];
const IGNORED = ['**/node_modules/**', '**/.*/**', '**/cdk.out/**'];

/**
 * A template is worth loading only if it declares a state machine resource (a `Type:` line, not a mere
 * mention in a policy); a Serverless file only if it has a `stepFunctions` section. Reads at most a few MB.
 */
const TEMPLATE_MARKER = /["']?Type["']?\s*:\s*["']?AWS::(StepFunctions|Serverless)::StateMachine\b/;
const SERVERLESS_MARKER = /^["']?stepFunctions["']?\s*:/m;
const SERVERLESS_NAME = /(^|\/)serverless\.ya?ml$/;
const SNIFF_BYTES = 8 * 1024 * 1024;

export async function expandInputs(args: string[], cwd: string): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    const info = await stat(resolve(cwd, arg)).catch(() => undefined);
    // A pipe is read like a file: `asl validate <(aws stepfunctions describe-state-machine …)`.
    if (info?.isFile() || info?.isFIFO()) {
      add(arg);
    } else if (info?.isDirectory()) {
      const found = await searchDirectory(arg, cwd);
      if (found.length === 0) problems.push(`${arg}: no state machine definitions (*.asl.json, *.asl.yaml, *.asl.yml) or templates with state machines found in this directory`);
      found.forEach(add);
    } else if (info) {
      problems.push(`${arg}: not a regular file (a device or a socket); name a definition file, a directory or a glob`);
    } else if (isDynamicPattern(arg)) {
      // Dot folders are left out by the glob itself (dot: false) unless the pattern names them.
      const ignore = ['**/node_modules/**', '**/cdk.out/**'];
      const matched = (await glob(arg, { cwd, ignore, onlyFiles: true, expandDirectories: false, absolute: isAbsolute(arg) })).sort();
      if (matched.length === 0) problems.push(`${arg}: no files match this pattern`);
      matched.forEach(add);
    } else {
      problems.push(`${arg}: no such file or directory`);
    }
  }
  return { files, problems };
}

async function searchDirectory(dir: string, cwd: string): Promise<string[]> {
  const root = resolve(cwd, dir);
  const options = { cwd: root, ignore: IGNORED, onlyFiles: true, expandDirectories: false } as const;
  const [definitions, candidates] = await Promise.all([glob(DEFINITION_PATTERNS, options), glob(TEMPLATE_PATTERNS, options)]);
  const isDefinition = new Set(definitions);
  const templates: string[] = [];
  for (const candidate of candidates) {
    if (isDefinition.has(candidate) || /(^|\/)(package(-lock)?|tsconfig|cdk)\.json$/.test(candidate)) continue;
    const marker = SERVERLESS_NAME.test(candidate) ? SERVERLESS_MARKER : TEMPLATE_MARKER;
    if (await fileMatches(resolve(root, candidate), marker)) templates.push(candidate);
  }
  // Paths as the user would write them: under the directory they named.
  return [...definitions, ...templates].sort().map((file) => join(dir, file));
}

async function fileMatches(path: string, marker: RegExp): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
    const size = Math.min((await handle.stat()).size, SNIFF_BYTES);
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return marker.test(buffer.toString('utf8', 0, bytesRead));
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
