/**
 * Plain-text rendering of a run (no escape codes): one line per step from the history, with virtual
 * time offsets, nesting for Parallel branches and Map iterations, retries and caught errors, then the
 * result. Used when stdout is not a terminal, in CI, and under pre-commit.
 */
import type { ExecutionResult, HistoryEvent } from '../run/index.js';

function seconds(ms: number): string {
  const s = ms / 1000;
  return s >= 3600 ? `${(s / 3600).toFixed(2)}h` : s >= 60 ? `${(s / 60).toFixed(1)}m` : `${Number(s.toFixed(3))}s`;
}

/** One line per event worth showing, or undefined to skip it. Exported for the live view. */
export function describeEvent(event: HistoryEvent): { text: string; depthChange?: number } | undefined {
  const d = (key: string) => event[key] as Record<string, unknown> | undefined;
  if (event.type.endsWith('StateEntered')) return { text: `→ ${String(d('stateEnteredEventDetails')?.name)} (${event.type.slice(0, -'StateEntered'.length)})` };
  if (event.type.endsWith('StateExited')) {
    const details = d('stateExitedEventDetails');
    const assigned = details?.assignedVariables ? ` assigned ${Object.keys(details.assignedVariables as object).map((k) => `$${k}`).join(', ')}` : '';
    return { text: `✓ ${String(details?.name)}${assigned}` };
  }
  switch (event.type) {
    case 'TaskFailed': {
      const f = d('taskFailedEventDetails');
      return { text: `  task failed: ${String(f?.error ?? '(no error)')}${f?.cause ? ` — ${String(f.cause).slice(0, 200)}` : ''}` };
    }
    case 'TaskTimedOut':
      return { text: `  task timed out: ${String(d('taskTimedOutEventDetails')?.error)}` };
    case 'MapIterationStarted':
      return { text: `[${String(d('mapIterationStartedEventDetails')?.index)}]`, depthChange: 1 };
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      return { text: '', depthChange: -1 };
    case 'ParallelStateStarted':
      return { text: 'branches:', depthChange: 0 };
    default:
      return undefined;
  }
}

export function renderTrace(history: HistoryEvent[]): string {
  if (history.length === 0) return '';
  const start = Date.parse(history[0]!.timestamp);
  const lines: string[] = [];
  let depth = 0;
  for (const event of history) {
    const line = describeEvent(event);
    if (!line) continue;
    if (line.depthChange && line.depthChange < 0) depth = Math.max(0, depth + line.depthChange);
    if (line.text) lines.push(`${`+${seconds(Date.parse(event.timestamp) - start)}`.padStart(9)}  ${'  '.repeat(depth)}${line.text}`);
    if (line.depthChange && line.depthChange > 0) depth += line.depthChange;
  }
  return lines.join('\n') + '\n';
}

export function renderResult(result: ExecutionResult): string {
  const lines: string[] = [];
  const history = result.history;
  const elapsed = history.length > 1 ? Date.parse(history[history.length - 1]!.timestamp) - Date.parse(history[0]!.timestamp) : 0;
  lines.push(`${result.status} after ${seconds(elapsed)} of virtual time, ${history.length} history events`);
  if (result.status === 'SUCCEEDED') {
    lines.push(`output: ${JSON.stringify(result.output, null, 2)}`);
  } else {
    lines.push(`error: ${result.error ?? '(none)'}`);
    if (result.cause !== undefined) lines.push(`cause: ${result.cause}`);
  }
  return lines.join('\n') + '\n';
}

export function renderPlain(result: ExecutionResult, withHistory: boolean): string {
  let text = renderTrace(result.history) + '\n' + renderResult(result);
  if (withHistory) text += `history: ${JSON.stringify(result.history, null, 2)}\n`;
  return text;
}
