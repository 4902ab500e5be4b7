/** The ink views run on React's production build, without changing NODE_ENV for anything else. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './run-cli.js';

const built = existsSync(`${repoRoot}dist/cli/load-ink.js`);

describe.skipIf(!built)('loadInkView', () => {
  it('loads React production when NODE_ENV is unset, then unsets it again; a NODE_ENV of the user is left alone', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { loadInkView } = await import(${JSON.stringify(`${repoRoot}dist/cli/load-ink.js`)});
      await loadInkView(() => import(${JSON.stringify(`${repoRoot}dist/cli/run-live.js`)}));
      // Node pre-parses both builds that react/index.js may re-export; only the one it runs is 'loaded'.
      const cache = createRequire(import.meta.url).cache;
      const loaded = Object.keys(cache).filter((f) => /react[\\\\/]cjs/.test(f) && cache[f].loaded);
      console.log(JSON.stringify({ env: process.env.NODE_ENV ?? null, loaded: loaded.map((f) => f.split(/[\\\\/]/).pop()) }));
    `;
    const run = (env: NodeJS.ProcessEnv) => {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8', env });
      expect(child.stderr).toBe('');
      return JSON.parse(child.stdout) as { env: string | null; loaded: string[] };
    };
    const { NODE_ENV: _ignored, ...unset } = process.env;
    const production = run(unset);
    expect(production.env).toBeNull();
    expect(production.loaded).toContain('react.production.js');
    expect(production.loaded.some((f) => f.includes('development'))).toBe(false);
    const mine = run({ ...unset, NODE_ENV: 'development' });
    expect(mine.env).toBe('development');
    expect(mine.loaded).toContain('react.development.js');
  });
});
