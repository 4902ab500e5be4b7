/**
 * What the --watch loop (src/cli/watch.ts) hands its views on every redraw, and the text helpers both
 * views (plain text there, ink in src/cli/watch-view.tsx) use to describe it.
 */

export interface WatchChange {
  file: string;
  /** `ignored`: now left out by the lint config's ignore globs. */
  kind: 'changed' | 'added' | 'deleted' | 'ignored';
}

/** One redraw: the whole current picture, not a diff. */
export interface WatchFrame {
  /** 1 for the first check, then one more per redraw. */
  run: number;
  time: Date;
  /** Input files currently being checked. */
  files: number;
  /** What this run re-checked; empty on the first run. */
  changes: WatchChange[];
  /** Input problems and problems met while checking (missing paths, broken config …), one line each. */
  problems: string[];
  /** The stylish report of every file's current results. */
  report: string;
  /** Whether any machine has errors. */
  errors: boolean;
}

export interface WatchView {
  show(frame: WatchFrame): void;
  close(): Promise<void>;
}

export function describeChanges(changes: readonly WatchChange[]): string {
  if (changes.length === 0) return 're-checked';
  const shown = changes.slice(0, 3).map((c) => `${c.file} ${c.kind}`);
  if (changes.length > 3) shown.push(`${changes.length - 3} more`);
  return shown.join(', ');
}

export function clockTime(time: Date): string {
  return [time.getHours(), time.getMinutes(), time.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "── 10:42:03 defs/order.asl.json changed ──": what a new report is headed with when printed below the last. */
export function separator(frame: WatchFrame): string {
  return `── ${clockTime(frame.time)} ${describeChanges(frame.changes)} ──`;
}
