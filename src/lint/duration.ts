/** A wait in seconds as a person reads it; anything past a year (or an overflow to Infinity) is "more than a year". */
export function formatWait(seconds: number): string {
  const year = 365 * 24 * 3600;
  if (!Number.isFinite(seconds) || seconds > year) return 'more than a year';
  const units: Array<[number, string]> = [[24 * 3600, 'day'], [3600, 'hour'], [60, 'minute']];
  for (const [size, name] of units)
    if (seconds >= 2 * size) {
      const n = Math.round(seconds / size);
      return `${n} ${name}s`;
    }
  return `${Math.round(seconds)}s`;
}
