// `import 'asl-toolkit'` must stay cheap for tools that only validate: the heavy dependencies load when the
// function that needs them runs. The built entry point is traced module by module (dist/: npm test builds first).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const register = fileURLToPath(new URL('../fixtures/cli/trace/register.mjs', import.meta.url));

function modulesLoadedBy(script: string): { loaded: string[]; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  const lines = child.stderr.split('\n');
  return {
    loaded: lines.filter((l) => l.startsWith('loaded ')).map((l) => l.slice('loaded '.length)),
    stdout: child.stdout,
    stderr: lines.filter((l) => !l.startsWith('loaded ')).join('\n'),
  };
}

const entry = new URL('dist/index.js', `file://${root}`).href;
const heavy = /\/node_modules\/(jsonata|yaml|ink|react|@viz-js|mermaid|tinyglobby|chokidar|commander|chalk)\//;

describe("import 'asl-toolkit'", () => {
  const bare = modulesLoadedBy(`await import(${JSON.stringify(entry)});`);

  it('loads the library (so the trace works)', () => {
    expect(bare.stderr.trim()).toBe('');
    expect(bare.loaded.some((url) => url.includes('/dist/api/'))).toBe(true);
  });

  it('loads no heavy dependency, no lint rules and nothing of the command line', () => {
    expect(bare.loaded.filter((url) => heavy.test(url) || /\/dist\/(lint|cli|report)\//.test(url))).toEqual([]);
  });

  it('loads the lint rules and the config reader when lint() runs', () => {
    const linted = modulesLoadedBy(
      `const { lint } = await import(${JSON.stringify(entry)}); const [r] = await lint('examples/order-processing.asl.json'); console.log(r.valid);`,
    );
    expect(linted.stdout.trim(), linted.stderr).toBe('true');
    expect(linted.loaded.some((url) => url.includes('/dist/lint/rules/'))).toBe(true);
  });
});
