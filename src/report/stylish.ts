import type { Diagnostic, Severity } from '../diagnostics.js';
import { printable } from '../printable.js';
import { countProblems, plural } from './counts.js';
import { plainPainter, type FormatOptions, type Formatter, type MachineResult, type Painter } from './types.js';

/**
 * The human format: results grouped by file (and by machine inside templates), one line per
 * diagnostic (`line:column  severity  message  code`), the offending source line with a caret under
 * the column and, after the caret, the JSON Pointer of the culprit (the `path` of the diagnostic),
 * and a summary line. Everything taken from the user's files (file names, machine names, messages that quote
 * state names, source lines) goes through `printable`, so no control character reaches the terminal raw.
 */
export const formatStylish: Formatter = (results, options = {}) => {
  const paint = options.painter ?? plainPainter;
  const lines: string[] = [];
  for (const [file, fileResults] of groupByFile(results)) {
    const withProblems = fileResults.filter((r) => r.diagnostics.length > 0);
    if (withProblems.length === 0) continue;
    lines.push(paint.underline(file === '-' ? '<stdin>' : printable(file)));
    const text = options.sourceText?.(file);
    const sourceLines = text === undefined ? undefined : text.split(/\r?\n/);
    for (const result of withProblems) {
      if (result.name !== undefined || result.machine !== '') lines.push(`  ${paint.bold(printable(machineLabel(result)))}`);
      // A loop, not push(...list): a spread of a few hundred thousand lines overflows the stack.
      for (const line of diagnosticLines(result.diagnostics, sourceLines, paint)) lines.push(line);
    }
    lines.push('');
  }
  lines.push(summary(results, paint, options.hidden, options.maxWarnings));
  return lines.join('\n') + '\n';
};

function groupByFile(results: readonly MachineResult[]): Map<string, MachineResult[]> {
  const groups = new Map<string, MachineResult[]>();
  for (const r of results) {
    const group = groups.get(r.file);
    if (group) group.push(r);
    else groups.set(r.file, [r]);
  }
  return groups;
}

function machineLabel(result: MachineResult): string {
  if (result.name === undefined) return result.machine;
  return result.machine === '' ? result.name : `${result.name} (${result.machine})`;
}

const severityLabel: Record<Severity, (p: Painter) => string> = {
  error: (p) => p.red('error'),
  warning: (p) => p.yellow('warning'),
  info: (p) => p.blue('info'),
};

function diagnosticLines(diagnostics: readonly Diagnostic[], sourceLines: string[] | undefined, paint: Painter): string[] {
  // Align the columns within one machine so the messages line up like a table.
  // A loop, not Math.max(...list), for the same reason.
  let positionWidth = 0;
  let severityWidth = 0;
  for (const d of diagnostics) {
    positionWidth = Math.max(positionWidth, `${d.line}:${d.column}`.length);
    severityWidth = Math.max(severityWidth, d.severity.length);
  }
  const out: string[] = [];
  for (const d of diagnostics) {
    const position = `${d.line}:${d.column}`.padEnd(positionWidth);
    const severity = severityLabel[d.severity](paint) + ' '.repeat(severityWidth - d.severity.length);
    // A multi-line message keeps its lines, indented so they stay inside this diagnostic.
    const message = printable(d.message.replace(/\r\n/g, '\n'), { keepNewlines: true }).replace(/\n/g, '\n    ');
    out.push(`  ${paint.dim(position)}  ${severity}  ${message}  ${paint.dim(d.code)}`);
    const excerpt = sourceExcerpt(d, sourceLines, paint);
    if (excerpt) out.push(...excerpt);
    // Without a quoted line the pointer still says which state (and field) the finding is about.
    else if (d.path !== '') out.push(`    ${paint.dim(`path: ${printable(d.path)}`)}`);
    if (d.hint) out.push(`    ${paint.dim('hint:')} ${printable(d.hint)}`);
  }
  return out;
}

/**
 * The offending line and a caret under the column, followed by the JSON Pointer of the culprit
 * (nothing for "", the definition itself); tabs are kept so the caret lines up.
 */
function sourceExcerpt(d: Diagnostic, sourceLines: string[] | undefined, paint: Painter): string[] | undefined {
  if (!sourceLines || d.line < 1 || d.line > sourceLines.length) return undefined;
  const raw = sourceLines[d.line - 1]!;
  // Very long lines (minified JSON) would flood the terminal; show a window around the column.
  const clipped = clip(raw, Math.max(1, d.column));
  // Escapes are wider than the characters they stand for: the caret is placed under the escaped prefix.
  const text = printableKeepingTabs(clipped.text);
  const gutter = String(d.line);
  const prefix = printableKeepingTabs(clipped.text.slice(0, clipped.column - 1));
  const pad = prefix.includes('\t') ? prefix.replace(/[^\t]/g, ' ') : ' '.repeat(prefix.length);
  const pointer = d.path === '' ? '' : ` ${paint.dim(printable(d.path))}`;
  return [`    ${paint.dim(`${gutter} |`)} ${text}`, `    ${' '.repeat(gutter.length)} ${paint.dim('|')} ${pad}${paint.red('^')}${pointer}`];
}

/** A source line made safe for the terminal; tabs stay tabs, so the caret line can repeat them and line up. */
function printableKeepingTabs(line: string): string {
  return line.includes('\t') ? line.split('\t').map((part) => printable(part)).join('\t') : printable(line);
}

const MAX_EXCERPT = 120;

function clip(line: string, column: number): { text: string; column: number } {
  if (line.length <= MAX_EXCERPT) return { text: line, column };
  const start = Math.max(0, Math.min(column - 1 - 40, line.length - MAX_EXCERPT));
  const prefix = start > 0 ? '…' : '';
  const end = start + MAX_EXCERPT;
  const suffix = end < line.length ? '…' : '';
  return { text: prefix + line.slice(start, end) + suffix, column: column - start + prefix.length };
}

function summary(results: readonly MachineResult[], paint: Painter, hidden: FormatOptions['hidden'], maxWarnings: number | undefined): string {
  const c = countProblems(results);
  const problems = c.errors + c.warnings + c.infos;
  const quietNote = hiddenNote(hidden);
  const hiddenWarnings = hidden?.warnings ?? 0;
  // --quiet hid the warnings that fail the run: a green tick above exit code 1 would contradict it.
  if (problems === 0 && maxWarnings !== undefined && hiddenWarnings > maxWarnings) {
    return paint.yellow(paint.bold(`✖ ${plural(hiddenWarnings, 'warning')}, more than --max-warnings ${maxWarnings} allows`)) + quietNote;
  }
  if (problems === 0) return paint.green(`✔ ${plural(c.machines, 'state machine')} valid`) + quietNote;
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
  if (c.infos > 0) parts.push(`${c.infos} info`);
  const line = `✖ ${plural(problems, 'problem')} (${parts.join(', ')}) in ${plural(c.filesWithProblems, 'file')}`;
  return (c.errors > 0 ? paint.red(paint.bold(line)) : paint.yellow(paint.bold(line))) + quietNote;
}

/** " (3 warnings not shown: --quiet)", or "" when --quiet hid nothing. */
function hiddenNote(hidden: FormatOptions['hidden']): string {
  if (!hidden || hidden.warnings + hidden.infos === 0) return '';
  const parts = [hidden.warnings > 0 ? plural(hidden.warnings, 'warning') : '', hidden.infos > 0 ? `${hidden.infos} info` : ''].filter(Boolean);
  return ` (${parts.join(' and ')} not shown: --quiet)`;
}
