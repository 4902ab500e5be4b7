/**
 * "Did you mean …?" suggestions: the candidate closest to a misspelt word by edit distance,
 * when it is close enough to be a plausible typo.
 */
import { createRequire } from 'node:module';

let levenshtein: typeof import('fastest-levenshtein').distance | undefined;

/** Levenshtein distance (fastest-levenshtein, loaded with the first suggestion: a clean file never needs one). */
function editDistance(a: string, b: string): number {
  levenshtein ??= (createRequire(import.meta.url)('fastest-levenshtein') as typeof import('fastest-levenshtein')).distance;
  return levenshtein(a, b);
}

/**
 * The candidate nearest to `word`, or undefined when none is close: at most a third of the word's
 * length in edits (at least 1, at most 3); a case-only difference always counts as close.
 */
export function suggestNearest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    if (candidate.toLowerCase() === lower) return candidate;
    // A length difference is a lower bound on the distance: most candidates are ruled out without computing it.
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
