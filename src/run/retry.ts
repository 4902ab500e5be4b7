/**
 * Retry and Catch: the first retrier whose ErrorEquals matches decides (MaxAttempts 0 means never),
 * back-off grows by BackoffRate up to MaxDelaySeconds, JitterStrategy FULL draws a seeded delay; when
 * retries are spent, the first matching catcher routes the error output to its Next.
 */
import { errorMatches, type StatesError } from './errors.js';
import type { SeededRandom } from './random.js';

type Retrier = Record<string, unknown>;

/** Milliseconds to wait before the next attempt, or undefined when no retry applies. */
export function retryDelay(retriers: unknown, error: StatesError, attemptsByRetrier: number[], random: SeededRandom): number | undefined {
  if (!Array.isArray(retriers)) return undefined;
  for (let i = 0; i < retriers.length; i++) {
    const retrier = retriers[i] as Retrier;
    if (!errorMatches(retrier.ErrorEquals, error)) continue;
    const maxAttempts = typeof retrier.MaxAttempts === 'number' ? retrier.MaxAttempts : 3;
    const done = attemptsByRetrier[i] ?? 0;
    if (done >= maxAttempts) return undefined;
    attemptsByRetrier[i] = done + 1;
    const interval = typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1;
    const backoff = typeof retrier.BackoffRate === 'number' ? retrier.BackoffRate : 2;
    let seconds = interval * Math.pow(backoff, done);
    if (typeof retrier.MaxDelaySeconds === 'number') seconds = Math.min(seconds, retrier.MaxDelaySeconds);
    if (retrier.JitterStrategy === 'FULL') seconds = random.next() * seconds;
    return Math.round(seconds * 1000);
  }
  return undefined;
}

export function findCatcher(catchers: unknown, error: StatesError): Record<string, unknown> | undefined {
  if (!Array.isArray(catchers)) return undefined;
  return catchers.find((catcher) => errorMatches((catcher as Retrier).ErrorEquals, error)) as Record<string, unknown> | undefined;
}
