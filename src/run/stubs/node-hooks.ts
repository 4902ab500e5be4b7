/**
 * The file-system side of a stub file for library callers who pass `stubs` to `execute`: modules
 * (`./handlers.mjs#charge`), `items` files and the `results` folder resolve against a base directory.
 * The CLI has its own hooks, which turn failures into exit-2 messages.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RunSetupError } from '../errors.js';
import type { ExecuteOptions } from '../types.js';
import { jsonataBounds } from '../jsonata-guard.js';
import { checkStubFile, stubFileAnswerer, type StubHandler, type StubHooks } from './stub-file.js';

export function fileStubHooks(baseDir: string): StubHooks {
  return {
    async loadHandler(spec) {
      const hash = spec.lastIndexOf('#');
      const modulePath = spec.slice(0, hash);
      const exportName = spec.slice(hash + 1);
      let mod: Record<string, unknown>;
      try {
        mod = (await import(pathToFileURL(resolve(baseDir, modulePath)).href)) as Record<string, unknown>;
      } catch (error) {
        throw new RunSetupError(`Cannot load the stub module ${modulePath}: ${(error as Error).message}`);
      }
      const handler = mod[exportName];
      if (typeof handler !== 'function') throw new RunSetupError(`The stub module ${modulePath} has no exported function "${exportName}".`);
      return handler as StubHandler;
    },
    async readText(file) {
      try {
        return await readFile(resolve(baseDir, file), 'utf8');
      } catch (error) {
        throw new RunSetupError(`Cannot read the items file ${file}: ${(error as Error).message}`);
      }
    },
    async writeText(file, content) {
      const target = resolve(baseDir, file);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    },
  };
}

/** Options with `stubs` turned into an answerer (unless an answerer is given). */
export function withStubs<T extends ExecuteOptions>(options: T): T {
  if (options.answerer !== undefined || options.stubs === undefined) return options;
  return { ...options, answerer: stubFileAnswerer(checkStubFile(options.stubs), fileStubHooks(options.stubsDir ?? process.cwd()), jsonataBounds(options)) };
}
