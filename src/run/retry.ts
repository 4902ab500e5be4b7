/**
 * Retry and Catch: the first retrier whose ErrorEquals matches decides (MaxAttempts 0 means never),
 * back-off grows by BackoffRate up to MaxDelaySeconds, JitterStrategy FULL draws a seeded delay; when
 * retries are spent, the first matching catcher routes the error output to its Next.
 */
import { errorMatches, type StatesError } from './errors.js';
import type { SeededRandom } from './random.js';
import type { Catcher, Retrier } from '../asl/types.js';

/** The first retrier whose ErrorEquals matches the error: it alone decides (AWS does not look further). */
export function matchRetrier(retriers: readonly Retrier[] | undefined, error: StatesError): { index: number; retrier: Retrier } | undefined {
  const match = firstMatching(retriers, error);
  return match && { index: match.index, retrier: match.entry };
}

/** The first retrier or catcher whose ErrorEquals matches the error, and its index. */
function firstMatching<Entry extends Retrier | Catcher>(entries: readonly Entry[] | undefined, error: StatesError): { index: number; entry: Entry } | undefined {
  const index = entries?.findIndex((entry) => errorMatches(entry.ErrorEquals, error)) ?? -1;
  return index < 0 ? undefined : { index, entry: entries![index]! };
}

export function maxAttemptsOf(retrier: Retrier): number {
  return typeof retrier.MaxAttempts === 'number' ? retrier.MaxAttempts : 3;
}

/** Seconds before retry number `done + 1`: IntervalSeconds × BackoffRate^done, capped, FULL jitter drawn from the seed. */
export function backoffSeconds(retrier: Retrier, done: number, random?: SeededRandom): number {
  const interval = typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1;
  const backoff = typeof retrier.BackoffRate === 'number' ? retrier.BackoffRate : 2;
  let seconds = interval * Math.pow(backoff, done);
  if (typeof retrier.MaxDelaySeconds === 'number') seconds = Math.min(seconds, retrier.MaxDelaySeconds);
  if (retrier.JitterStrategy === 'FULL' && random) seconds = random.next() * seconds;
  return seconds;
}

/** Milliseconds to wait before the next attempt, or undefined when no retry applies. */
export function retryDelay(retriers: readonly Retrier[] | undefined, error: StatesError, attemptsByRetrier: number[], random: SeededRandom): number | undefined {
  const match = matchRetrier(retriers, error);
  if (!match) return undefined;
  const done = attemptsByRetrier[match.index] ?? 0;
  if (done >= maxAttemptsOf(match.retrier)) return undefined;
  attemptsByRetrier[match.index] = done + 1;
  return Math.round(backoffSeconds(match.retrier, done, random) * 1000);
}

/** The first catcher whose ErrorEquals matches the error, and its index. */
export function matchCatcher(catchers: readonly Catcher[] | undefined, error: StatesError): { index: number; catcher: Catcher } | undefined {
  const match = firstMatching(catchers, error);
  return match && { index: match.index, catcher: match.entry };
}
