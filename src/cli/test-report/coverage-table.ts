/** The coverage table `asl test --coverage` prints: per machine, states and transitions covered, and what was missed by name. */
import { printable } from '../../printable.js';
import type { Painter } from '../../report/types.js';
import { percent, type CoverageReport } from '../../suite/coverage.js';

const MAX_LISTED = 20;

function list(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).map((i) => printable(i)).join(', ');
  return items.length > MAX_LISTED ? `${shown}, … ${items.length - MAX_LISTED} more` : shown;
}

export function formatCoverageTable(report: CoverageReport, paint: Painter): string {
  const rows = report.machines.map((m) => ({
    name: `${m.file}${m.machine ? ` (${m.machine})` : ''}`,
    states: `${percent(m.states).toFixed(1)}% (${m.states.covered}/${m.states.total})`,
    transitions: `${percent(m.transitions).toFixed(1)}% (${m.transitions.covered}/${m.transitions.total})`,
    m,
  }));
  const w = { name: Math.max(7, ...rows.map((r) => r.name.length)), states: Math.max(6, ...rows.map((r) => r.states.length)) };
  const out = [paint.bold(`${'machine'.padEnd(w.name)}  ${'states'.padEnd(w.states)}  transitions`)];
  for (const r of rows) {
    out.push(`${printable(r.name).padEnd(w.name)}  ${r.states.padEnd(w.states)}  ${r.transitions}`);
    if (r.m.states.missed.length > 0) out.push(paint.yellow(`  states never entered: ${list(r.m.states.missed)}`));
    if (r.m.transitions.missed.length > 0) {
      const names = r.m.transitions.missed.map((t) => `${t.from} → ${t.to} (${t.kind}${t.index === undefined ? '' : ` ${t.index}`})`);
      out.push(paint.yellow(`  transitions never taken: ${list(names)}`));
    }
    if (r.m.retriers.missed.length > 0) out.push(paint.dim(`  retriers that never fired: ${list(r.m.retriers.missed.map((x) => `${x.state} Retry[${x.index}]`))}`));
  }
  return `${out.join('\n')}\n`;
}
