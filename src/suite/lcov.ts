/**
 * Workflow coverage as lcov tracefile records, so the coverage services that read lcov (Codecov,
 * Coveralls) show it on the definition file in a pull request: each state is a line (DA, at the line of
 * its name), each transition a branch of that line (BRDA), one record per definition file.
 */
import type { CoverageReport, MachineCoverage } from './coverage.js';

function machineLines(machine: MachineCoverage, firstBlock: number, out: string[]): { found: number; hit: number; branches: number; taken: number; blocks: number } {
  const counts = { found: 0, hit: 0, branches: 0, taken: 0, blocks: 0 };
  const byState = new Map<string, MachineCoverage['hits']['transitions']>();
  for (const t of machine.hits.transitions) {
    const list = byState.get(t.from);
    if (list) list.push(t);
    else byState.set(t.from, [t]);
  }
  for (const [name, visits] of Object.entries(machine.hits.states)) {
    const line = machine.lines[name] ?? 1;
    out.push(`DA:${line},${visits}`);
    counts.found++;
    if (visits > 0) counts.hit++;
    (byState.get(name) ?? []).forEach((t, branch) => {
      // lcov's "-" means the block never ran, as opposed to ran without taking the branch.
      out.push(`BRDA:${line},${firstBlock + counts.blocks},${branch},${visits === 0 ? '-' : t.hits}`);
      counts.branches++;
      if (t.hits > 0) counts.taken++;
    });
    counts.blocks++;
  }
  return counts;
}

export function toLcov(report: CoverageReport): string {
  const byFile = new Map<string, MachineCoverage[]>();
  for (const machine of report.machines) {
    const list = byFile.get(machine.file);
    if (list) list.push(machine);
    else byFile.set(machine.file, [machine]);
  }
  const records: string[] = [];
  for (const [file, machines] of byFile) {
    const lines = ['TN:', `SF:${file}`];
    const total = { found: 0, hit: 0, branches: 0, taken: 0, blocks: 0 };
    for (const machine of machines) {
      const counts = machineLines(machine, total.blocks, lines);
      for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += counts[key];
    }
    lines.push(`BRF:${total.branches}`, `BRH:${total.taken}`, `LF:${total.found}`, `LH:${total.hit}`, 'end_of_record');
    records.push(lines.join('\n'));
  }
  return records.length === 0 ? '' : `${records.join('\n')}\n`;
}
