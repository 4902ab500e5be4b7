/**
 * `asl test` inputs to test files: a file as given, a directory searched for *.asl-test.yaml|yml|json
 * (dependency and build folders skipped), a glob expanded. A path that names nothing is a problem the CLI
 * reports with exit 2; the other inputs still run.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const TEST_FILE = /\.asl-test\.(ya?ml|json)$/;
const PATTERNS = ['**/*.asl-test.yaml', '**/*.asl-test.yml', '**/*.asl-test.json'];
const IGNORED = ['**/node_modules/**', '**/.*/**', '**/cdk.out/**', '**/dist/**', '**/build/**', '**/coverage/**'];

export async function findTestFiles(args: string[], cwd: string): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(cwd, file);
    if (!seen.has(key)) seen.add(key), files.push(file);
  };
  for (const arg of args) {
    const info = await stat(resolve(cwd, arg)).catch(() => undefined);
    // A named pipe or a device is read like a file, and refused there if it never ends.
    if (info?.isFile() || info?.isFIFO() || info?.isCharacterDevice()) add(arg);
    else if (info?.isDirectory()) {
      const found = await glob(PATTERNS, { cwd: resolve(cwd, arg), ignore: IGNORED, onlyFiles: true });
      const prefix = arg === '.' ? '' : `${arg.replace(/\/+$/, '')}/`;
      for (const file of found.sort()) add(`${prefix}${file}`);
    } else if (isDynamicPattern(arg)) {
      const found = (await glob([arg], { cwd, ignore: IGNORED, onlyFiles: true })).filter((f) => TEST_FILE.test(f));
      if (found.length === 0) problems.push(`${arg}: the pattern matches no test file (*.asl-test.yaml, *.asl-test.yml, *.asl-test.json)`);
      for (const file of found.sort()) add(file);
    } else problems.push(`${arg}: no such file or directory`);
  }
  return { files, problems };
}
