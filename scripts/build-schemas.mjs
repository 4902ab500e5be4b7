// Compiles every schemas/<name>.schema.json ahead of time into src/generated/<name>.schema.js
// (ajv standalone code, ESM, default export = the validate function) plus a .d.ts beside it,
// so nothing compiles a schema at run time. A schema that does not compile fails the build.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(root, 'schemas');
const outDir = join(root, 'src', 'generated');

const declaration = `import type { ErrorObject } from 'ajv';

/** Validates a value against the schema; on failure \`validate.errors\` lists every problem (allErrors). */
declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
`;

function compile(file) {
  const name = file.slice(0, -'.schema.json'.length);
  const path = join(schemaDir, file);
  let schema;
  try {
    schema = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`schemas/${file} is not valid JSON: ${error.message}`);
  }
  // strict catches typos in schema keywords; strictTuples/strictRequired stay off since draft-07 idioms trip them.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    verbose: true, // errors carry parentSchema, so unknown-field can suggest from the allowed names
    code: { source: true, esm: true },
  });
  ajv.addKeyword({ keyword: 'x-message' });
  let code;
  try {
    const validate = ajv.compile(schema);
    code = standaloneCode(ajv, validate);
  } catch (error) {
    throw new Error(`schemas/${file} does not compile: ${error.message}`);
  }
  writeFileSync(join(outDir, `${name}.schema.js`), code);
  writeFileSync(join(outDir, `${name}.schema.d.ts`), declaration);
  return name;
}

mkdirSync(outDir, { recursive: true });
const files = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
let failed = false;
for (const file of files) {
  try {
    compile(file);
  } catch (error) {
    failed = true;
    console.error(`build-schemas: ${error.message}`);
  }
}
if (failed) process.exit(1);
console.log(`build-schemas: compiled ${files.length} schema(s) into src/generated/`);
