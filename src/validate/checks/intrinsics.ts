/**
 * Intrinsic function calls in JSONPath states (payload `key.$` values, a Fail state's ErrorPath and
 * CausePath): they parse, name one of the 18 `States.*` functions, pass as many arguments as the
 * function takes, and literal arguments are of a kind the function accepts. Arguments that are
 * paths or calls are only known at run time, except for the kind a nested call returns.
 */
import type { Finding } from '../../diagnostics.js';
import {
  HASH_ALGORITHMS,
  INTRINSIC_FUNCTIONS,
  MAX_INTRINSIC_NESTING,
  callsOf,
  looksLikeIntrinsic,
  parameterKind,
  parseIntrinsic,
  type ArgKind,
  type IntrinsicArg,
  type IntrinsicCall,
} from '../../asl/intrinsics.js';
import { parsePath } from '../../asl/jsonpath-syntax.js';
import { suggestNearest } from '../../asl/suggest.js';
import type { SemanticCheck } from '../check.js';
import { expressionSites, isPlaceholderValue, type Site } from './expression-sites.js';
import { finding } from './util.js';

const codes = {
  'intrinsic-syntax': { description: 'An intrinsic function call does not parse (quotes, parentheses, commas, escapes, nesting depth)', severity: 'error' as const },
  'intrinsic-unknown-function': { description: 'An intrinsic call names a function Step Functions does not have', severity: 'error' as const },
  // Arity and argument kinds are warnings: Step Functions parses intrinsic calls when the machine is
  // created, but checks what each function is given only when the call runs (States.IntrinsicFailure),
  // and validate's errors are reserved for what the service refuses at creation.
  'intrinsic-arity': { description: 'An intrinsic function is given too few or too many arguments (fails at run time)', severity: 'warning' as const },
  'intrinsic-argument': { description: 'An intrinsic argument is of a kind the function cannot take (fails at run time)', severity: 'warning' as const },
};

type Report = (f: Finding) => void;

export const intrinsicsCheck: SemanticCheck = {
  name: 'intrinsics',
  codes,
  run({ model, report }) {
    for (const site of expressionSites(model).sites) {
      if (site.role !== 'payload' && site.role !== 'error-path') continue;
      const { value } = site;
      if (!looksLikeIntrinsic(value) || isPlaceholderValue(value)) continue;
      checkCall(site, value, report);
    }
  },
};

function checkCall(site: Site, text: string, report: Report): void {
  const parsed = parseIntrinsic(text);
  if (!parsed.ok) {
    report(
      finding(
        codes,
        'intrinsic-syntax',
        site.pointer,
        `The intrinsic call in "${site.field}" does not parse: ${parsed.message} (${parsed.offset >= text.length ? 'at the end' : `at character ${parsed.offset + 1}`})`,
      ),
    );
    return;
  }
  const calls = callsOf(parsed.call);
  const deepest = Math.max(...calls.map((c) => c.depth));
  if (deepest > MAX_INTRINSIC_NESTING) {
    report(
      finding(
        codes,
        'intrinsic-syntax',
        site.pointer,
        `The intrinsic call in "${site.field}" nests ${deepest} calls; Step Functions allows at most ${MAX_INTRINSIC_NESTING} in one field, so split the work over two fields or states`,
      ),
    );
  }
  for (const { call } of calls) checkOne(site, call, report);
}

function checkOne(site: Site, call: IntrinsicCall, report: Report): void {
  const signature = INTRINSIC_FUNCTIONS[call.name];
  if (!signature) {
    const nearest = suggestNearest(call.name, Object.keys(INTRINSIC_FUNCTIONS)) ?? suggestNearest(`States.${call.name.replace(/^.*\./, '')}`, Object.keys(INTRINSIC_FUNCTIONS));
    const fix = nearest ? `did you mean ${nearest}?` : `use one of the States.* functions (States.Format, States.Array, States.StringToJson …)`;
    report(finding(codes, 'intrinsic-unknown-function', site.pointer, `"${call.name}" in "${site.field}" is not an intrinsic function; ${fix}`));
    return;
  }
  const count = call.args.length;
  if (count < signature.min || count > signature.max) {
    const expected =
      signature.max === Infinity
        ? `at least ${signature.min}`
        : signature.min === signature.max
          ? `exactly ${signature.min}`
          : `${signature.min} to ${signature.max}`;
    report(
      finding(
        codes,
        'intrinsic-arity',
        site.pointer,
        `${call.name} in "${site.field}" takes ${expected} argument${signature.max === 1 && signature.min === 1 ? '' : 's'}, but is given ${count}; the call would fail with States.IntrinsicFailure`,
      ),
    );
  }
  call.args.forEach((arg, index) => checkArgument(site, call, arg, index, parameterKind(signature, index), report));
}

function checkArgument(site: Site, call: IntrinsicCall, arg: IntrinsicArg, index: number, expected: ArgKind, report: Report): void {
  const where = `argument ${index + 1} of ${call.name} in "${site.field}"`;
  if (arg.kind === 'path') {
    const parsed = parsePath(arg.path);
    if (!parsed.ok) report(finding(codes, 'intrinsic-syntax', site.pointer, `The path ${JSON.stringify(arg.path)} (${where}) does not parse: ${parsed.message}`));
    return;
  }
  const actual = kindOf(arg);
  if (actual !== undefined && !accepts(expected, actual, arg)) {
    report(finding(codes, 'intrinsic-argument', site.pointer, `${capitalise(where)} must be ${article(expected)}, but is ${describe(arg, actual)}; the call would fail with States.IntrinsicFailure`));
    return;
  }
  if (call.name === 'States.Hash' && index === 1 && arg.kind === 'string' && !(HASH_ALGORITHMS as readonly string[]).includes(arg.value)) {
    const nearest = suggestNearest(arg.value, HASH_ALGORITHMS);
    report(
      finding(
        codes,
        'intrinsic-argument',
        site.pointer,
        `States.Hash in "${site.field}" does not support the algorithm '${arg.value}'; use ${nearest ? `'${nearest}'` : `one of ${HASH_ALGORITHMS.join(', ')}`}`,
      ),
    );
  }
  if (call.name === 'States.JsonMerge' && index === 2 && arg.kind === 'boolean' && arg.value) {
    report(finding(codes, 'intrinsic-argument', site.pointer, `States.JsonMerge in "${site.field}" only merges shallowly: its third argument must be false`));
  }
}

/** The kind of a literal or of a call's result; undefined when only the run time knows. */
function kindOf(arg: IntrinsicArg): ArgKind | undefined {
  switch (arg.kind) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(arg.value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return undefined;
    case 'call': {
      const returns = INTRINSIC_FUNCTIONS[arg.call.name]?.returns;
      return returns === 'any' ? undefined : returns;
    }
    default:
      return undefined;
  }
}

function accepts(expected: ArgKind, actual: ArgKind, arg: IntrinsicArg): boolean {
  if (expected === 'any' || expected === actual) return true;
  if (expected === 'number' && actual === 'integer') return true;
  // A call that returns "number" (States.MathAdd) may well be whole.
  if (expected === 'integer' && actual === 'number' && arg.kind === 'call') return true;
  return false;
}

function article(kind: ArgKind): string {
  return kind === 'integer' ? 'an integer' : kind === 'array' || kind === 'object' ? `an ${kind}` : `a ${kind}`;
}

function describe(arg: IntrinsicArg, kind: ArgKind): string {
  if (arg.kind === 'call') return `the ${kind} that ${arg.call.name} returns`;
  if (arg.kind === 'string') return `the string '${arg.value}'`;
  if (arg.kind === 'number' || arg.kind === 'boolean') return `${arg.value}`;
  return kind;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
