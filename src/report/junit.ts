import type { Diagnostic } from '../diagnostics.js';
import type { Formatter, MachineResult } from './types.js';
import { xmlAttribute as attr, xmlText as text } from './xml.js';

/**
 * JUnit XML for CI dashboards: a <testsuite> per file, a <testcase> per state machine,
 * and a <failure> listing the errors of a machine that does not validate. Warnings go to <system-out>.
 */
export const formatJunit: Formatter = (results, options = {}) => {
  const suites = new Map<string, MachineResult[]>();
  for (const r of results) {
    const list = suites.get(r.file);
    if (list) list.push(r);
    else suites.set(r.file, [r]);
  }
  const tool = options.toolName ?? 'asl';
  const allFailures = results.filter((r) => !r.valid).length;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="${attr(tool)}" tests="${results.length}" failures="${allFailures}" errors="0">`);
  for (const [file, machines] of suites) {
    const failures = machines.filter((r) => !r.valid).length;
    out.push(`  <testsuite name="${attr(file)}" tests="${machines.length}" failures="${failures}" errors="0" skipped="0">`);
    for (const r of machines) out.push(...testcase(r));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

function testcase(r: MachineResult): string[] {
  const name = r.name ?? (r.machine === '' ? r.file : r.machine);
  const open = `    <testcase name="${attr(name)}" classname="${attr(r.file)}"`;
  if (r.diagnostics.length === 0) return [`${open} />`];
  const lines = [`${open}>`];
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const others = r.diagnostics.filter((d) => d.severity !== 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    const message = errors.length === 1 ? first.message : `${errors.length} errors; first: ${first.message}`;
    lines.push(`      <failure message="${attr(message)}" type="${attr(first.code)}">${text(errors.map(describe).join('\n'))}</failure>`);
  }
  if (others.length > 0) lines.push(`      <system-out>${text(others.map(describe).join('\n'))}</system-out>`);
  lines.push('    </testcase>');
  return lines;
}

function describe(d: Diagnostic): string {
  return `${d.line}:${d.column} ${d.severity} ${d.message} (${d.code})`;
}
