// Writes src/generated/service-shapes.js: the response shapes of the AWS APIs Step Functions integrates
// with, taken from the service models that the AWS SDK for JavaScript (v2, the `aws-sdk` dev dependency)
// ships as apis/<service>-<version>.min.json. `asl run --validate-stubs` checks stub results against them.
// Only output shapes are kept, in a compact form (see src/run/stubs/shapes/data.ts), so users install
// nothing extra and start-up reads none of it unless a stub is checked.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src', 'generated');

/**
 * The `aws-sdk:` services whose every action is kept: those the real-world corpus calls most (counted over
 * its `arn:aws:states:::aws-sdk:<service>:` resources), plus the everyday ones. Keys are Step Functions'
 * service names; values the SDK's model id where it differs (apis/metadata.json).
 */
export const SDK_SERVICES = {
  s3: 's3', dynamodb: 'dynamodb', sfn: 'stepfunctions', bedrockagent: 'bedrockagent', rekognition: 'rekognition',
  glue: 'glue', forecast: 'forecastservice', bedrock: 'bedrock', transcribe: 'transcribeservice', fis: 'fis',
  ec2: 'ec2', rds: 'rds', organizations: 'organizations', cloudwatch: 'cloudwatch', cloudformation: 'cloudformation',
  polly: 'polly', lambda: 'lambda', translate: 'translate', secretsmanager: 'secretsmanager', sqs: 'sqs', sns: 'sns',
  redshiftdata: 'redshiftdata', eventbridge: 'eventbridge', ssm: 'ssm', athena: 'athena', ecs: 'ecs',
  comprehend: 'comprehend', textract: 'textract', scheduler: 'scheduler', kms: 'kms', batch: 'batch',
};

/** Optimized services whose SDK model id is not their name in the resource (`arn:aws:states:::<name>:…`). */
const OPTIMIZED_MODEL = { events: 'eventbridge', states: 'stepfunctions', elasticmapreduce: 'emr', 'emr-containers': 'emrcontainers', 'emr-serverless': 'emrserverless' };

/** Optimized actions that are another operation of the SDK (or of another model). */
const OPTIMIZED_OPERATION = {
  'bedrock:invokeModel': ['bedrockruntime', 'InvokeModel'],
  'elasticmapreduce:createCluster': ['emr', 'RunJobFlow'],
  'elasticmapreduce:terminateCluster': ['emr', 'TerminateJobFlows'],
  'elasticmapreduce:addStep': ['emr', 'AddJobFlowSteps'],
  'elasticmapreduce:cancelStep': ['emr', 'CancelSteps'],
  'elasticmapreduce:setClusterTerminationProtection': ['emr', 'SetTerminationProtection'],
  'elasticmapreduce:modifyInstanceFleetByName': ['emr', 'ModifyInstanceFleet'],
  'elasticmapreduce:modifyInstanceGroupByName': ['emr', 'ModifyInstanceGroups'],
};

/** Optimized actions that call no SDK operation (an HTTP request, a Kubernetes API call): no shape to check. */
export const NO_SDK_OPERATION = new Set(['apigateway:invoke', 'http:invoke', 'eks:call', 'eks:runJob']);

const PRIMITIVE = { string: 's', integer: 'i', long: 'i', float: 'n', double: 'n', boolean: 'b', timestamp: 't', blob: 'B', character: 's', bigdecimal: 'n', biginteger: 'i' };

/** The table of optimized integrations, read from its TypeScript source so that it stays the one list. */
async function optimizedServices() {
  const source = readFileSync(join(root, 'src', 'asl', 'service-integrations.ts'), 'utf8');
  const { code } = transformSync(source, { loader: 'ts', format: 'esm' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  return mod.OPTIMIZED_SERVICES;
}

function loadModel(apis, id, metadata) {
  const entry = metadata[id];
  if (!entry) throw new Error(`the AWS SDK has no service model "${id}"`);
  const prefix = entry.prefix ?? id;
  const files = readdirSync(apis).filter((f) => f.startsWith(`${prefix}-`) && /^\d{4}-\d{2}-\d{2}\.min\.json$/.test(f.slice(prefix.length + 1))).sort();
  if (files.length === 0) throw new Error(`no apis/${prefix}-*.min.json for "${id}"`);
  return JSON.parse(readFileSync(join(apis, files.at(-1)), 'utf8'));
}

/**
 * Encodes the output shapes of one model: a reference is a primitive code (s, i, n, b, t, B, a) or the index
 * of a compound shape: [{Field: ref}, [required…]] for a structure, ['L', ref] for a list, ['M', ref] for a
 * map. Field names get an upper-case first letter, as Step Functions returns them.
 */
function encoder(model) {
  const shapes = [];
  const named = new Map();
  const encode = (def) => {
    if (def.shape !== undefined) {
      if (named.has(def.shape)) return named.get(def.shape);
      const target = model.shapes[def.shape];
      if (target === undefined) throw new Error(`unknown shape ${def.shape}`);
      if (target.document || !['structure', 'list', 'map'].includes(target.type ?? 'string')) return primitive(target);
      const index = shapes.push(null) - 1;
      named.set(def.shape, index);
      shapes[index] = compound(target);
      return index;
    }
    if (!def.document && ['structure', 'list', 'map'].includes(def.type)) return shapes.push(compound(def)) - 1;
    return primitive(def);
  };
  const primitive = (def) => {
    if (def.document) return 'a';
    const code = PRIMITIVE[def.type ?? 'string'];
    if (code === undefined) throw new Error(`unknown type ${def.type}`);
    return code;
  };
  const compound = (def) => {
    if (def.type === 'list') return ['L', encode(def.member ?? {})];
    if (def.type === 'map') return ['M', encode(def.value ?? {})];
    const fields = {};
    for (const [name, member] of Object.entries(def.members ?? {})) fields[capitalize(name)] = encode(member);
    const required = (def.required ?? []).map(capitalize).filter((name) => name in fields);
    return required.length > 0 ? [fields, required] : [fields];
  };
  return { shapes, encode };
}

const capitalize = (name) => name.charAt(0).toUpperCase() + name.slice(1);
const camel = (name) => name.charAt(0).toLowerCase() + name.slice(1);

/** The output shapes of some operations of one model, keyed by camelCase action; -1 for no output. */
export function serviceOutputs(model, names, id = 'the model') {
  const { shapes, encode } = encoder(model);
  const ops = {};
  for (const name of [...names].sort()) {
    const operation = model.operations[name];
    if (operation === undefined) throw new Error(`${id} has no operation ${name}`);
    ops[camel(name)] = operation.output === undefined ? -1 : encode(operation.output);
  }
  return { ops, shapes };
}

/** Every output shape needed, per SDK model: all actions of SDK_SERVICES, the named ones of the optimized table. */
export async function buildShapes(apis) {
  const metadata = JSON.parse(readFileSync(join(apis, 'metadata.json'), 'utf8'));
  const wanted = new Map();
  const want = (id, op) => (wanted.get(id) ?? wanted.set(id, new Set()).get(id)).add(op);
  for (const id of Object.values(SDK_SERVICES)) want(id, '*');
  const optimized = {};
  for (const [service, { actions }] of Object.entries(await optimizedServices())) {
    for (const action of Object.keys(actions)) {
      const key = `${service}:${action}`;
      if (NO_SDK_OPERATION.has(key)) continue;
      const [id, op] = OPTIMIZED_OPERATION[key] ?? [OPTIMIZED_MODEL[service] ?? service, capitalize(action)];
      want(id, op);
      optimized[key] = [id, camel(op)];
    }
  }
  const services = {};
  for (const [id, ops] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const model = loadModel(apis, id, metadata);
    services[id] = serviceOutputs(model, ops.has('*') ? Object.keys(model.operations) : [...ops], id);
  }
  const sdkVersion = JSON.parse(readFileSync(join(apis, '..', 'package.json'), 'utf8')).version;
  return { sdkVersion, sdkNames: SDK_SERVICES, optimized, services };
}

const declaration = `import type { ShapeData } from '../run/stubs/shapes/data.js';

/** Response shapes from the AWS SDK's service models (scripts/build-shapes.mjs). */
declare const data: ShapeData;
export default data;
`;

async function main() {
  let apis;
  try {
    apis = join(dirname(createRequire(import.meta.url).resolve('aws-sdk/package.json')), 'apis');
  } catch {
    throw new Error('the aws-sdk dev dependency is not installed; run npm ci');
  }
  const data = await buildShapes(apis);
  mkdirSync(outDir, { recursive: true });
  // Each service model stays a JSON string until a stub for it is checked: loading the module then costs
  // reading the text, and JSON.parse (faster than the same object written as code) runs per service used.
  const services = Object.fromEntries(Object.entries(data.services).map(([id, shapes]) => [id, JSON.stringify(shapes)]));
  writeFileSync(join(outDir, 'service-shapes.js'), `export default ${JSON.stringify({ ...data, services }, null, 0)};\n`);
  writeFileSync(join(outDir, 'service-shapes.d.ts'), declaration);
  const count = Object.values(data.services).reduce((n, s) => n + Object.keys(s.ops).length, 0);
  console.log(`build-shapes: ${count} operation(s) of ${Object.keys(data.services).length} service model(s) from aws-sdk ${data.sdkVersion} into src/generated/`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`build-shapes: ${error.message}`);
    process.exit(1);
  });
}
