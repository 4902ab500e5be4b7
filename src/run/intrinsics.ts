/**
 * Evaluates intrinsic function calls (`States.Format(...)` …) with AWS's argument rules and limits.
 * Any bad argument is States.IntrinsicFailure; a path that does not exist is States.Runtime.
 */
import { intrinsicFailure, runtimeError } from './errors.js';
import { parseCall, IntrinsicSyntaxError, type IntrinsicArg as Arg, type IntrinsicCall as Call } from '../asl/intrinsics.js';
import type { PathEnv } from './path-env.js';
import { resolvePath } from './path-env.js';
import { deepEqual } from './equality.js';
import { seededFloat } from './random.js';
import { HASH_ALGORITHMS as HASHES, hexDigest } from './hash.js';
import { isObject } from '../asl/is-object.js';
import { MAX_DATA_NESTING, nestsDeeperThan } from './nesting.js';

const parsed = new Map<string, Call>();

export function evaluateIntrinsic(text: string, env: PathEnv, field: string): unknown {
  let call = parsed.get(text);
  if (!call) {
    try {
      call = parseCall(text);
    } catch (err) {
      if (!(err instanceof IntrinsicSyntaxError)) throw err;
      throw runtimeError(`An error occurred while executing the state '${env.stateName}'. The intrinsic function ${text} in ${field} could not be parsed: ${err.message}`);
    }
    parsed.set(text, call);
  }
  return evaluateCall(call, env, field);
}

function evaluateArg(arg: Arg, env: PathEnv, field: string): unknown {
  switch (arg.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return arg.value;
    case 'null':
      return null;
    case 'path':
      return resolvePath(arg.path, env, field);
    case 'call':
      return evaluateCall(arg.call, env, field);
  }
}

function evaluateCall(call: Call, env: PathEnv, field: string): unknown {
  const impl = FUNCTIONS[call.name];
  if (!impl) throw intrinsicFailure(`The intrinsic function ${call.name} does not exist.`);
  const rawArgs = call.args;
  const args = rawArgs.map((a) => evaluateArg(a, env, field));
  const [min, max] = impl.arity;
  if (args.length < min || args.length > max) {
    throw intrinsicFailure(`${call.name} takes ${min === max ? min : `${min} to ${max}`} arguments, but was given ${args.length}.`);
  }
  return impl.run(args, { env, call, rawArgs });
}

interface CallInfo {
  env: PathEnv;
  call: Call;
  rawArgs: Arg[];
}

interface IntrinsicImpl {
  arity: [number, number];
  run(args: unknown[], info: CallInfo): unknown;
}

const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The developer guide ("Intrinsic functions") says a non-integer where ArrayPartition, ArrayRange, MathRandom
 * and MathAdd take an integer is rounded off to the nearest integer rather than refused: Java's Math.round,
 * half up (1.5 → 2, -1.5 → -1), which is also JavaScript's.
 */
const nearest = (v: number): number => Math.round(v) || 0;

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw intrinsicFailure(message);
}

/** How States.Format prints a non-string value: JSON scalars as text, objects the way Java prints maps. */
function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${formatValue(v)}`).join(', ')}}`;
  }
  return String(value);
}

const FUNCTIONS: Record<string, IntrinsicImpl> = {
  'States.Format': {
    arity: [1, Infinity],
    run([template, ...values]) {
      expect(typeof template === 'string', 'States.Format needs a string template as its first argument.');
      let out = '';
      let next = 0;
      for (let i = 0; i < template.length; i++) {
        const ch = template[i]!;
        if (ch === '\\' && (template[i + 1] === '{' || template[i + 1] === '}')) {
          out += template[++i];
        } else if (ch === '{' && template[i + 1] === '}') {
          expect(next < values.length, `States.Format has more {} placeholders than arguments (${values.length}).`);
          out += formatValue(values[next++]);
          i++;
        } else {
          out += ch;
        }
      }
      expect(next === values.length, `States.Format was given ${values.length} arguments for ${next} {} placeholders.`);
      return out;
    },
  },
  'States.StringToJson': {
    arity: [1, 1],
    run([text]) {
      expect(typeof text === 'string', 'States.StringToJson needs a string argument.');
      // AWS reads a blank string as null.
      if (text.trim() === '') return null;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw intrinsicFailure(`States.StringToJson could not parse its argument as JSON: ${(err as Error).message}`);
      }
      // Parsing is iterative, but everything that later walks the value is not.
      if (nestsDeeperThan(value)) throw intrinsicFailure(`States.StringToJson could not use its argument: the JSON nests objects and arrays more than ${MAX_DATA_NESTING} levels deep.`);
      return value;
    },
  },
  'States.JsonToString': {
    arity: [1, 1],
    run([value]) {
      return JSON.stringify(value);
    },
  },
  'States.Array': {
    arity: [0, Infinity],
    run(args) {
      return args;
    },
  },
  'States.ArrayPartition': {
    arity: [2, 2],
    run([array, given]) {
      expect(Array.isArray(array), 'States.ArrayPartition needs an array as its first argument.');
      expect(isNumber(given) && nearest(given) > 0, 'States.ArrayPartition needs a positive integer chunk size.');
      const size = nearest(given);
      const out: unknown[][] = [];
      for (let i = 0; i < array.length; i += size) out.push(array.slice(i, i + size));
      return out;
    },
  },
  'States.ArrayContains': {
    arity: [2, 2],
    run([array, value]) {
      expect(Array.isArray(array), 'States.ArrayContains needs an array as its first argument.');
      return array.some((item) => deepEqual(item, value));
    },
  },
  'States.ArrayRange': {
    arity: [3, 3],
    run(args) {
      expect(args.every(isNumber), 'States.ArrayRange needs integer start, end and step.');
      const [start, end, step] = (args as number[]).map(nearest) as [number, number, number];
      expect(step !== 0, 'States.ArrayRange needs a step other than 0.');
      const out: number[] = [];
      for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
        out.push(v);
        expect(out.length <= 1000, 'States.ArrayRange can produce at most 1000 items.');
      }
      return out;
    },
  },
  'States.ArrayGetItem': {
    arity: [2, 2],
    run([array, index]) {
      expect(Array.isArray(array), 'States.ArrayGetItem needs an array as its first argument.');
      expect(isInteger(index) && index >= 0, 'States.ArrayGetItem needs a non-negative integer index.');
      expect(index < array.length, `States.ArrayGetItem index ${index} is out of bounds for an array of ${array.length}.`);
      return array[index];
    },
  },
  'States.ArrayLength': {
    arity: [1, 1],
    run([array]) {
      expect(Array.isArray(array), 'States.ArrayLength needs an array argument.');
      return array.length;
    },
  },
  'States.ArrayUnique': {
    arity: [1, 1],
    run([array]) {
      expect(Array.isArray(array), 'States.ArrayUnique needs an array argument.');
      const out: unknown[] = [];
      for (const item of array) if (!out.some((seen) => deepEqual(seen, item))) out.push(item);
      return out;
    },
  },
  'States.Base64Encode': {
    arity: [1, 1],
    run([text]) {
      expect(typeof text === 'string', 'States.Base64Encode needs a string argument.');
      expect(text.length <= 10_000, 'States.Base64Encode accepts at most 10,000 characters.');
      return Buffer.from(text, 'utf8').toString('base64');
    },
  },
  'States.Base64Decode': {
    arity: [1, 1],
    run([text]) {
      expect(typeof text === 'string', 'States.Base64Decode needs a string argument.');
      expect(text.length <= 10_000, 'States.Base64Decode accepts at most 10,000 characters.');
      return Buffer.from(text, 'base64').toString('utf8');
    },
  },
  'States.Hash': {
    arity: [2, 2],
    run([data, algorithm]) {
      expect(data !== null && data !== undefined, 'States.Hash needs data to hash.');
      const algo = typeof algorithm === 'string' ? HASHES[algorithm] : undefined;
      expect(algo !== undefined, `States.Hash supports ${Object.keys(HASHES).join(', ')}; got ${JSON.stringify(algorithm)}.`);
      const text = typeof data === 'string' ? data : JSON.stringify(data);
      expect(text.length <= 10_000, 'States.Hash accepts at most 10,000 characters.');
      return hexDigest(algo, text);
    },
  },
  'States.JsonMerge': {
    arity: [3, 3],
    run([a, b, deep]) {
      expect(isObject(a) && isObject(b), 'States.JsonMerge needs two objects.');
      expect(deep === false, 'States.JsonMerge supports only shallow merges: its third argument must be false.');
      return { ...a, ...b };
    },
  },
  'States.MathRandom': {
    arity: [2, 3],
    run(args, { env }) {
      expect(args.every(isNumber), 'States.MathRandom needs integer start and end (and seed).');
      const [start, end] = [nearest(args[0] as number), nearest(args[1] as number)];
      expect(start < end, 'States.MathRandom needs start below end.');
      // A seed makes the value a function of the seed alone: the same in every call and every execution,
      // whatever the run's own seed (which keeps feeding the unseeded calls).
      const draw = args.length === 3 ? seededFloat(nearest(args[2] as number)) : env.random.next();
      return start + Math.floor(draw * (end - start));
    },
  },
  'States.MathAdd': {
    arity: [2, 2],
    run([a, b]) {
      expect(typeof a === 'number' && typeof b === 'number', 'States.MathAdd needs two numbers.');
      return nearest(a) + nearest(b) || 0;
    },
  },
  'States.StringSplit': {
    arity: [2, 2],
    run([text, delimiters]) {
      expect(typeof text === 'string' && typeof delimiters === 'string', 'States.StringSplit needs a string and a string of delimiter characters.');
      const out: string[] = [];
      let current = '';
      for (const ch of text) {
        if (delimiters.includes(ch)) {
          if (current !== '') out.push(current);
          current = '';
        } else current += ch;
      }
      if (current !== '') out.push(current);
      return out;
    },
  },
  'States.UUID': {
    arity: [0, 0],
    run(_args, { env }) {
      return env.random.uuid();
    },
  },
};

