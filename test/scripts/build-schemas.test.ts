// scripts/build-schemas.mjs turns ajv's standalone code into ES modules. ajv writes its runtime helpers as
// `require(...)` even in ESM mode (minLength needs ucs2length, const/enum/uniqueItems need equal); the
// generated module must load them from where it is, or the build must fail naming the schema.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildSchemaFile, compileSchema } from '../../scripts/build-schemas.mjs';

const repoRoot = new URL('../../', import.meta.url).pathname;
// Inside the project, as src/generated/ and dist/generated/ are, so the ajv import resolves the same way.
const work = mkdtempSync(join(repoRoot, 'test', 'scripts', 'tmp-generated-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const schema = {
  type: 'object',
  properties: { name: { type: 'string', minLength: 2 }, kind: { enum: ['a', { b: 1 }] }, tags: { type: 'array', uniqueItems: true } },
};

describe('build-schemas', () => {
  it('gives the ES module a require of its own for the ajv runtime helpers the code needs', () => {
    const code: string = compileSchema(schema, 'schemas/tiny.schema.json');
    // (Minified: an ES module is strict without the "use strict" prologue, which the minifier drops.)
    expect(code).toMatch(/^(?:"use strict";)?import \{ createRequire as createRequire_ \} from "node:module";const require = createRequire_\(import\.meta\.url\);/);
    expect(code).toContain('require("ajv/dist/runtime/ucs2length")');
    expect(code).toContain('require("ajv/dist/runtime/equal")');
    // A schema that needs no helper is left as ajv wrote it.
    expect(compileSchema({ type: 'string' }, 'schemas/plain.schema.json')).not.toContain('require');
  });

  it('builds a schema with minLength into a module that loads and validates as ajv does', async () => {
    const schemas = join(work, 'schemas');
    const generated = join(work, 'generated');
    mkdirSync(schemas);
    mkdirSync(generated);
    writeFileSync(join(schemas, 'tiny.schema.json'), JSON.stringify(schema));
    expect(buildSchemaFile('tiny.schema.json', schemas, generated)).toBe('tiny');
    const { default: validate } = (await import(pathToFileURL(join(generated, 'tiny.schema.js')).href)) as {
      default: ((data: unknown) => boolean) & { errors?: Array<{ keyword: string; instancePath: string }> | null };
    };
    expect(validate({ name: 'ok', kind: { b: 1 }, tags: [1, 2] })).toBe(true);
    expect(validate({ name: 'x' })).toBe(false);
    expect(validate.errors!.map((e) => e.keyword)).toEqual(['minLength']);
    // ucs2length counts an astral character once, as JSON Schema says, though its JavaScript length is 2.
    expect(validate({ name: '😀' })).toBe(false);
    expect(validate({ kind: { b: 2 }, tags: [{ x: 1 }, { x: 1 }] })).toBe(false);
    expect(validate.errors!.map((e) => e.keyword).sort()).toEqual(['enum', 'uniqueItems']);
    // Plain Node (as dist/ runs) loads it too, outside the test runner's module interop.
    const url = pathToFileURL(join(generated, 'tiny.schema.js')).href;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', `import v from ${JSON.stringify(url)}; console.log(v({ name: 'x' }), v({ name: 'ok' }), v({ name: '😀' }))`], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('false true false');
  });

  it('fails naming the schema and the keyword when a helper does not resolve from the output folder', () => {
    // The system temp folder has no node_modules holding ajv.
    expect(() => compileSchema(schema, 'schemas/tiny.schema.json', tmpdir())).toThrow(
      /^schemas\/tiny\.schema\.json: the compiled code requires "ajv\/dist\/runtime\/(ucs2length|equal)" \(for (minLength\/maxLength|const\/enum\/uniqueItems)\), which does not resolve from /,
    );
  });
});
