import type { MachineResult } from './types.js';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
  /** Files with at least one diagnostic. */
  filesWithProblems: number;
  files: number;
  machines: number;
}

/** Counts diagnostics by severity across results; shared by the summary lines of several formats. */
export function countProblems(results: readonly MachineResult[]): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0, filesWithProblems: 0, files: 0, machines: 0 };
  const files = new Set<string>();
  const problemFiles = new Set<string>();
  for (const result of results) {
    files.add(result.file);
    counts.machines++;
    for (const d of result.diagnostics) {
      problemFiles.add(result.file);
      if (d.severity === 'error') counts.errors++;
      else if (d.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
  }
  counts.files = files.size;
  counts.filesWithProblems = problemFiles.size;
  return counts;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
