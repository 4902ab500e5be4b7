/**
 * TAP version 14 for TAP consumers: one test point per scenario ("file > name"), a YAML diagnostic block
 * under each failure (values written as JSON, which YAML reads), `# SKIP` for skipped ones, and a failed
 * point for a test file that could not be loaded.
 */
import type { ScenarioResult, TestReport } from '../../suite/types.js';

/** TAP descriptions end at a newline and treat `#` as the start of a directive. */
const description = (text: string) => text.replace(/[\r\n]+/g, ' ').replace(/#/g, '\\#');
const yamlValue = (value: unknown) => JSON.stringify(value ?? null);

function point(n: number, file: string, s: ScenarioResult): string[] {
  const title = `${n} - ${description(`${file} > ${s.name}`)}`;
  if (s.status === 'passed') return [`ok ${title}`];
  if (s.status === 'skipped') return [`ok ${title} # SKIP ${description(s.reason ?? '')}`];
  const block = ['  ---', `  at: ${yamlValue(`${file}:${s.place.line}:${s.place.column}`)}`];
  if (s.status === 'error') block.push(`  message: ${yamlValue(s.reason)}`, '  severity: error');
  else {
    block.push(`  message: ${yamlValue(s.failures.map((f) => `expect.${f.expectation}: ${f.message}`).join('\n'))}`, '  severity: fail');
    const first = s.failures.find((f) => 'expected' in f);
    if (first) block.push(`  expected: ${yamlValue(first.expected)}`, `  actual: ${yamlValue(first.actual)}`);
    if (s.execution) block.push(`  path: ${yamlValue(s.execution.path)}`);
  }
  block.push('  ...');
  return [`not ok ${title}`, ...block];
}

export function formatTap(report: TestReport): string {
  const lines: string[] = [];
  let n = 0;
  for (const file of report.files) {
    if (file.error) {
      n++;
      const at = file.error.place ? `${file.file}:${file.error.place.line}:${file.error.place.column}` : file.file;
      lines.push(`not ok ${n} - ${description(file.file)}`, '  ---', `  at: ${yamlValue(at)}`, `  message: ${yamlValue(file.error.message)}`, '  severity: error', '  ...');
      continue;
    }
    for (const s of file.scenarios) lines.push(...point(++n, file.file, s));
  }
  return `TAP version 14\n1..${n}\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
}
