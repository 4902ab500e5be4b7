// Compiles every schemas/<name>.schema.json ahead of time into src/generated/<name>.schema.js
// (ajv standalone code, ESM, default export = the validate function) plus a .d.ts beside it,
// so nothing compiles a schema at run time. A schema that does not compile fails the build.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { transformSync } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schemas');
const outDir = join(root, 'src', 'generated');

const declaration = `import type { ErrorObject } from 'ajv';

/** Validates a value against the schema; on failure \`validate.errors\` lists every problem (allErrors). */
declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
`;

/** The keywords whose compiled code calls each of ajv's runtime helpers, for the error message. */
const HELPER_KEYWORDS = {
  'ajv/dist/runtime/ucs2length': 'minLength/maxLength',
  'ajv/dist/runtime/equal': 'const/enum/uniqueItems',
  'ajv/dist/runtime/uri': '$id/$ref URI resolution',
  'ajv/dist/runtime/re2': 'pattern (with the re2 engine)',
  'ajv/dist/runtime/timestamp': 'format date-time',
  'ajv/dist/runtime/validation_error': '$async',
};

/**
 * ajv's standalone code pulls its runtime helpers in with `require("ajv/dist/runtime/…").default` even with
 * `code: { esm: true }` (minLength needs ucs2length, const/enum/uniqueItems need equal), and `require` does not
 * exist in an ES module. Such code gets a module-level `require` made by createRequire, so the helpers load
 * exactly as ajv meant (CommonJS, `.default`) under Node and under the test runner alike. Each required module
 * must resolve from the output folder (src/generated/; dist/generated/ shares its node_modules), or the build
 * fails naming the schema and the keyword.
 */
export function esmHelperImports(code, label, out = outDir) {
  const specs = [...new Set([...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))];
  if (specs.length === 0) return code;
  const resolveFrom = createRequire(join(out, 'index.js'));
  for (const spec of specs) {
    try {
      resolveFrom.resolve(spec);
    } catch {
      const keyword = HELPER_KEYWORDS[spec] ?? 'a keyword or format';
      throw new Error(`${label}: the compiled code requires "${spec}" (for ${keyword}), which does not resolve from ${relative(root, out) || '.'}; add the package to dependencies or drop the keyword`);
    }
  }
  // After the "use strict" prologue: imports may sit anywhere at the top level of a module.
  const prelude = 'import { createRequire as createRequire_ } from "node:module";const require = createRequire_(import.meta.url);';
  return code.startsWith('"use strict";') ? `"use strict";${prelude}${code.slice('"use strict";'.length)}` : `${prelude}${code}`;
}

/** ajv standalone ESM code for one schema; label names the schema in error messages. */
export function compileSchema(schema, label, out = outDir) {
  // strict catches typos in schema keywords; strictTuples/strictRequired stay off since draft-07 idioms trip them.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    verbose: true, // errors carry parentSchema, so unknown-field can suggest from the allowed names
    code: { source: true, esm: true },
    inlineRefs: false,
  });
  ajv.addKeyword({ keyword: 'x-message' });
  let code;
  try {
    const validate = ajv.compile(schema);
    code = standaloneCode(ajv, validate);
  } catch (error) {
    throw new Error(`${label} does not compile: ${error.message}`);
  }
  // Nobody reads generated code, and Node parses every byte of it on each cold start (the ASL validator shrinks
  // by a quarter). Minified before the helper imports go in: ajv's require() stays a free name, never renamed.
  code = transformSync(code, { minify: true, format: 'esm', target: 'node20' }).code;
  return esmHelperImports(code, label, out);
}

/** Compiles schemas/<file> into <out>/<name>.schema.js and its .d.ts. */
export function buildSchemaFile(file, from = schemaDir, out = outDir) {
  const name = file.slice(0, -'.schema.json'.length);
  const label = `schemas/${file}`;
  let schema;
  try {
    schema = JSON.parse(readFileSync(join(from, file), 'utf8'));
  } catch (error) {
    throw new Error(`${label} is not valid JSON: ${error.message}`);
  }
  const code = compileSchema(schema, label, out);
  writeFileSync(join(out, `${name}.schema.js`), code);
  writeFileSync(join(out, `${name}.schema.d.ts`), declaration);
  return name;
}

function main() {
  mkdirSync(outDir, { recursive: true });
  const files = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
  let failed = false;
  for (const file of files) {
    try {
      buildSchemaFile(file);
    } catch (error) {
      failed = true;
      console.error(`build-schemas: ${error.message}`);
    }
  }
  if (failed) process.exit(1);
  console.log(`build-schemas: compiled ${files.length} schema(s) into src/generated/`);
}

// Run as a script (`npm run build`); imported by the tests, it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
