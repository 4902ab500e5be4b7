/**
 * The one finding type that validate and lint report, and every formatter reads.
 * `path` is a JSON Pointer relative to the state machine definition (not the file),
 * `line`/`column` are 1-based positions in the file the definition came from.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable kebab-case id: a validation check name or a lint rule id. Each has a docs page. */
  code: string;
  severity: Severity;
  /** What is wrong and how to fix it, in the user's terms. */
  message: string;
  /** JSON Pointer into the definition ("" for the definition itself). */
  path: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  hint?: string;
}

/** A finding before positions are looked up: checks speak in pointers only, so a clean file never pays for positions. */
export type Finding = Omit<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>;

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders diagnostics by position, then severity, then code, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    severityRank[a.severity] - severityRank[b.severity] ||
    byCodeUnits(a.code, b.code) ||
    byCodeUnits(a.message, b.message)
  );
}

/** Plain string order: a stable tie-break, without localeCompare's collation cost (it showed in lint's profile). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
