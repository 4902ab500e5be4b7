/**
 * `asl run`'s JSONata bounds flags (--jsonata-timeout, --jsonata-max-depth, --jsonata-max-items) as
 * ExecuteOptions fields; a value that is not a positive integer is a usage error (exit 2).
 */
import type { ExecuteOptions } from '../run/index.js';
import { UsageError } from './errors.js';

export interface BoundsFlags {
  jsonataTimeout?: string;
  jsonataMaxDepth?: string;
  jsonataMaxItems?: string;
}

type Bounds = Pick<ExecuteOptions, 'jsonataTimeout' | 'jsonataMaxDepth' | 'jsonataMaxItems'>;

function positive(value: string | undefined, flag: string, example: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${flag} must be a whole number of at least 1, such as ${example}, not "${value}".`);
  }
  return Number(value);
}

export function boundsFromFlags(flags: BoundsFlags): Bounds {
  const bounds: Bounds = {};
  const timeout = positive(flags.jsonataTimeout, '--jsonata-timeout', '30000 (milliseconds)');
  const depth = positive(flags.jsonataMaxDepth, '--jsonata-max-depth', '50000');
  const items = positive(flags.jsonataMaxItems, '--jsonata-max-items', '50000000');
  if (timeout !== undefined) bounds.jsonataTimeout = timeout;
  if (depth !== undefined) bounds.jsonataMaxDepth = depth;
  if (items !== undefined) bounds.jsonataMaxItems = items;
  return bounds;
}
