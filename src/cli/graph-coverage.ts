/**
 * `asl graph --coverage FILE`: reads the JSON that `asl test --coverage-report FILE` writes and finds the
 * entry for each machine being drawn (same definition file, same logical id), whose `hits` the graph colours.
 * Every problem (an unreadable file, lcov instead of JSON, no entry for the machine) is exit 2 with what to do.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GraphCoverage } from '../graph/index.js';
import type { MachineSource } from '../source/types.js';
import { systemErrorReason } from '../system-error.js';
import { InputError } from './errors.js';

interface ReportMachine {
  file: string;
  machine?: string;
  hits?: GraphCoverage;
}

function isReport(value: unknown): value is { machines: ReportMachine[] } {
  if (value === null || typeof value !== 'object' || !Array.isArray((value as { machines?: unknown }).machines)) return false;
  return (value as { machines: unknown[] }).machines.every((m) => m !== null && typeof m === 'object' && typeof (m as ReportMachine).file === 'string');
}

export function readGraphCoverage(cwd: string, reportPath: string, drawnFile: string, machines: MachineSource[]): Map<MachineSource, GraphCoverage> {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, reportPath), 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the coverage report ${reportPath}: ${systemErrorReason(error)}`);
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    const lcov = /^(TN|SF):/m.test(text) ? ' (it looks like lcov; --coverage takes the JSON report: asl test --coverage-report coverage.json)' : '';
    throw new InputError(`the coverage report ${reportPath} is not JSON${lcov}.`);
  }
  if (!isReport(report)) throw new InputError(`${reportPath} is not a coverage report from asl test --coverage-report (it has no "machines" list).`);
  const out = new Map<MachineSource, GraphCoverage>();
  for (const machine of machines) {
    // The report names definition files relative to where asl test ran, which is usually where asl graph runs.
    const entry = report.machines.find((m) => resolve(cwd, m.file) === resolve(cwd, machine.file) && (m.machine ?? undefined) === machine.name);
    if (!entry?.hits) {
      const known = report.machines.map((m) => `${m.file}${m.machine ? ` (${m.machine})` : ''}`).join(', ') || 'none';
      throw new InputError(`the coverage report ${reportPath} has no entry for ${drawnFile}${machine.name ? ` (${machine.name})` : ''}; it covers ${known}. Run asl graph from the folder asl test ran in.`);
    }
    out.set(machine, entry.hits);
  }
  return out;
}
