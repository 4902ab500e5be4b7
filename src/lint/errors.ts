/** Error-name coverage shared by the Retry/Catch rules (AWS: States.ALL covers all; States.TaskFailed all but States.Timeout). */
export function errorNames(entry: unknown): string[] {
  const e = (entry as { ErrorEquals?: unknown } | null)?.ErrorEquals;
  return Array.isArray(e) ? e.filter((x): x is string => typeof x === 'string') : [];
}

export function covers(caught: readonly string[], error: string): boolean {
  if (caught.includes('States.ALL') || caught.includes(error)) return true;
  return caught.includes('States.TaskFailed') && error !== 'States.Timeout' && error !== 'States.ALL';
}

export function entries(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
