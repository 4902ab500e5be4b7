/**
 * The human report of `asl test`: one line per scenario (✓ passed, ✗ failed, ! could not run, - skipped,
 * with its virtual time and billed transitions), then for each failure the expectation, a diff of
 * expected against actual, and the path the execution took; a summary line last.
 */
import { printable } from '../../printable.js';
import type { Painter } from '../../report/types.js';
import type { ScenarioResult, TestFileResult, TestReport } from '../../suite/types.js';
import { formatVirtualTime } from '../virtual-time.js';
import { valueDiff } from './diff.js';

export function scenarioLine(file: string, s: ScenarioResult, paint: Painter): string {
  const name = printable(s.name);
  if (s.status === 'skipped') return `  ${paint.dim(`- ${name} (skipped${s.reason ? `: ${printable(s.reason)}` : ''})`)}`;
  if (s.status === 'error') return `  ${paint.red(`! ${name}`)} ${paint.dim('(could not run)')}`;
  const mark = s.status === 'passed' ? paint.green('✓') : paint.red('✗');
  return `  ${mark} ${name} ${paint.dim(`(${formatVirtualTime(s.virtualMs)} virtual, ${s.transitions} transition${s.transitions === 1 ? '' : 's'})`)}`;
}

function failureDetails(file: string, s: ScenarioResult, paint: Painter): string[] {
  const lines = [paint.bold(`${paint.red('✗')} ${printable(s.name)}`) + paint.dim(`  ${file}:${s.place.line}:${s.place.column}`)];
  if (s.status === 'error') return [...lines, `  ${printable(s.reason ?? 'could not run', { keepNewlines: true }).replace(/\n/g, '\n  ')}`];
  for (const f of s.failures) {
    lines.push(`  ${paint.bold(`expect.${f.expectation}`)}: ${printable(f.message)}`);
    // A diff helps where both sides are structures; a status, a count or a pattern reads better in the message.
    const structured = (v: unknown) => v !== null && typeof v === 'object';
    const hasValues = structured(f.expected) && structured(f.actual);
    if (hasValues) lines.push(`    ${paint.red('- expected')}  ${paint.green('+ actual')}`, ...valueDiff(f.expected, f.actual, paint).map((l) => `    ${l}`));
  }
  const run = s.execution;
  if (run) {
    lines.push(paint.dim(`  path: ${run.path.map((p) => printable(p)).join(' → ') || '(no state entered)'}`));
    if (run.status !== 'SUCCEEDED') lines.push(paint.dim(`  ended ${run.status}${run.error ? `: ${printable(run.error)}` : ''}${run.cause ? ` (${printable(run.cause.length > 300 ? `${run.cause.slice(0, 300)}…` : run.cause)})` : ''}`));
  }
  return lines;
}

export function fileBlock(file: TestFileResult, paint: Painter): string[] {
  if (file.error) {
    const at = file.error.place ? `:${file.error.place.line}:${file.error.place.column}` : '';
    return [`${paint.underline(file.file)}`, `  ${paint.red('!')} ${printable(`${file.file}${at}: ${file.error.message}`)}`];
  }
  return [`${paint.underline(file.file)}${file.definition ? paint.dim(` → ${file.definition}${file.machine ? ` (${file.machine})` : ''}`) : ''}`, ...file.scenarios.map((s) => scenarioLine(file.file, s, paint))];
}

/** The whole report; with `streamed`, without the per-file blocks that were printed as each file finished. */
export function formatPretty(report: TestReport, paint: Painter, streamed = false): string {
  const out: string[] = [];
  if (!streamed) for (const file of report.files) out.push(...fileBlock(file, paint), '');
  const failed = report.files.flatMap((f) => f.scenarios.filter((s) => s.status === 'failed' || s.status === 'error').map((s) => ({ file: f.file, s })));
  if (failed.length > 0) {
    out.push(paint.bold('Failures'), '');
    for (const { file, s } of failed) out.push(...failureDetails(file, s, paint), '');
  }
  const { passed, failed: nFailed, skipped, errors, durationMs } = report.summary;
  const parts = [paint.green(`${passed} passed`), nFailed > 0 ? paint.red(`${nFailed} failed`) : `${nFailed} failed`];
  if (skipped > 0) parts.push(paint.yellow(`${skipped} skipped`));
  if (errors > 0) parts.push(paint.red(`${errors} error${errors === 1 ? '' : 's'}`));
  out.push(`${parts.join(', ')} ${paint.dim(`(${report.summary.files} file${report.summary.files === 1 ? '' : 's'}, ${(durationMs / 1000).toFixed(2)}s)`)}`);
  return `${out.join('\n')}\n`;
}
