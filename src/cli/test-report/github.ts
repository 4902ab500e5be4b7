/**
 * GitHub Actions workflow commands: an `::error` annotation at the scenario's line in its test file for
 * each failed scenario, one for each test file that could not be loaded, and a `::notice` summary.
 */
import { escapeData, escapeProperty } from '../../report/github.js';
import type { TestReport } from '../../suite/types.js';

function annotation(kind: 'error' | 'notice', file: string, line: number, column: number, title: string, message: string): string {
  return `::${kind} file=${escapeProperty(file)},line=${line},col=${column},title=${escapeProperty(title)}::${escapeData(message)}`;
}

export function formatGithub(report: TestReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    if (file.error) {
      out.push(annotation('error', file.file, file.error.place?.line ?? 1, file.error.place?.column ?? 1, 'asl test: test file', file.error.message));
      continue;
    }
    for (const s of file.scenarios) {
      if (s.status === 'failed') out.push(annotation('error', file.file, s.place.line, s.place.column, `asl test: ${s.name}`, s.failures.map((f) => `expect.${f.expectation}: ${f.message}`).join('\n')));
      else if (s.status === 'error') out.push(annotation('error', file.file, s.place.line, s.place.column, `asl test: ${s.name}`, s.reason ?? 'could not run'));
    }
  }
  const { passed, failed, skipped, errors } = report.summary;
  out.push(`::notice title=asl test::${escapeData(`${passed} passed, ${failed} failed, ${skipped} skipped, ${errors} error(s)`)}`);
  return `${out.join('\n')}\n`;
}
