/**
 * JUnit XML, as CI systems show it natively: a <testsuite> per test file, a <testcase> per scenario named
 * by the scenario's name, with <failure> for unmet expectations, <error> for a scenario or file that could
 * not run, and <skipped> for skipped ones.
 */
import { xmlAttribute as attr, xmlText as text } from '../../report/xml.js';
import type { ScenarioResult, TestFileResult, TestReport } from '../../suite/types.js';

const secs = (ms: number) => (ms / 1000).toFixed(3);

function testcase(file: string, s: ScenarioResult): string[] {
  const open = `    <testcase name="${attr(s.name)}" classname="${attr(file)}" file="${attr(file)}" line="${s.place.line}" time="${secs(s.durationMs)}"`;
  if (s.status === 'passed') return [`${open} />`];
  if (s.status === 'skipped') return [`${open}>`, `      <skipped message="${attr(s.reason ?? 'skipped')}" />`, '    </testcase>'];
  if (s.status === 'error') return [`${open}>`, `      <error message="${attr(s.reason ?? 'could not run')}" type="ScenarioError">${text(s.reason ?? '')}</error>`, '    </testcase>'];
  const first = s.failures[0]!;
  const message = s.failures.length === 1 ? first.message : `${s.failures.length} expectations failed; first: ${first.message}`;
  const body = s.failures.map((f) => `expect.${f.expectation}: ${f.message}${'expected' in f ? `\n  expected: ${JSON.stringify(f.expected)}\n  actual: ${JSON.stringify(f.actual)}` : ''}`).join('\n');
  const path = s.execution ? `\npath: ${s.execution.path.join(' → ')}` : '';
  return [`${open}>`, `      <failure message="${attr(message)}" type="${attr(`expect.${first.expectation}`)}">${text(body + path)}</failure>`, '    </testcase>'];
}

function suite(file: TestFileResult): string[] {
  if (file.error) {
    const where = file.error.place ? `${file.file}:${file.error.place.line}:${file.error.place.column}: ` : `${file.file}: `;
    return [
      `  <testsuite name="${attr(file.file)}" tests="1" failures="0" errors="1" skipped="0" time="0.000">`,
      `    <testcase name="${attr(file.file)}" classname="${attr(file.file)}" file="${attr(file.file)}" time="0.000">`,
      `      <error message="${attr(file.error.message)}" type="TestFileError">${text(where + file.error.message)}</error>`,
      '    </testcase>',
      '  </testsuite>',
    ];
  }
  const count = (status: string) => file.scenarios.filter((s) => s.status === status).length;
  const time = file.scenarios.reduce((sum, s) => sum + s.durationMs, 0);
  return [
    `  <testsuite name="${attr(file.file)}" tests="${file.scenarios.length}" failures="${count('failed')}" errors="${count('error')}" skipped="${count('skipped')}" time="${secs(time)}">`,
    ...file.scenarios.flatMap((s) => testcase(file.file, s)),
    '  </testsuite>',
  ];
}

export function formatJunit(report: TestReport): string {
  const { passed, failed, skipped, errors, durationMs } = report.summary;
  const tests = passed + failed + skipped + errors;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="asl test" tests="${tests}" failures="${failed}" errors="${errors}" skipped="${skipped}" time="${secs(durationMs)}">`];
  for (const file of report.files) out.push(...suite(file));
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
