/** Command-line values of `asl run` read as JSON or integers: a mistake is exit 2 saying where and what. */
import { InputError, UsageError } from './errors.js';
import { describePlace, jsonSyntaxError } from './run-json-error.js';

/** Parses JSON from the user; a mistake is exit 2 with where it is. */
export function parseJsonArgument(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = jsonSyntaxError(text);
    if (!problem) throw new InputError(`${what} is not valid JSON: ${(error as Error).message}`);
    throw new InputError(`${what} is not valid JSON at ${describePlace(problem)}: ${problem.message}.`);
  }
}

export function integerOption(value: string | undefined, flag: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min) throw new UsageError(`${flag} must be an integer of at least ${min}, not "${value}".`);
  return Number(value);
}
