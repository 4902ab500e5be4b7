/**
 * `asl test --update`: writes the actual output into `expect.output` of each scenario that ran to a
 * status with an output and has no output expectation of its own (`output` or `outputContains`). It never
 * changes an expectation that is there. YAML files are edited through the yaml package's document model,
 * so comments and layout elsewhere stay as written; JSON files are rewritten with two-space indentation.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestReport } from '../suite/types.js';

export interface UpdatedFile {
  file: string;
  scenarios: string[];
}

function candidates(report: TestReport, spec: { scenarios?: Array<{ name?: string; expect?: Record<string, unknown> }> }, file: string): Array<{ index: number; name: string; output: unknown }> {
  const results = report.files.find((f) => f.file === file)?.scenarios ?? [];
  const out: Array<{ index: number; name: string; output: unknown }> = [];
  (spec.scenarios ?? []).forEach((scenario, index) => {
    const result = results.find((r) => r.name === scenario.name);
    const expect = scenario.expect ?? {};
    if (!result?.execution || !('output' in result.execution) || 'output' in expect || 'outputContains' in expect) return;
    out.push({ index, name: String(scenario.name), output: result.execution.output });
  });
  return out;
}

/** Writes through a temporary file and a rename, so an interrupted update never leaves half a test file. */
function replaceFile(path: string, text: string): void {
  const temp = `${path}.asl-update-${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

export async function updateOutputs(report: TestReport, cwd: string): Promise<UpdatedFile[]> {
  const updated: UpdatedFile[] = [];
  for (const file of report.files) {
    if (file.error) continue;
    const path = resolve(cwd, file.file);
    const text = readFileSync(path, 'utf8');
    if (/\.json$/i.test(path)) {
      const spec = JSON.parse(text.replace(/^\uFEFF/, '')) as { scenarios: Array<{ name: string; expect?: Record<string, unknown> }> };
      const todo = candidates(report, spec, file.file);
      if (todo.length === 0) continue;
      for (const { index, output } of todo) spec.scenarios[index]!.expect = { ...(spec.scenarios[index]!.expect ?? {}), output };
      replaceFile(path, `${JSON.stringify(spec, null, 2)}\n`);
      updated.push({ file: file.file, scenarios: todo.map((t) => t.name) });
      continue;
    }
    const { parseDocument } = await import('yaml');
    const document = parseDocument(text);
    const todo = candidates(report, document.toJS() as { scenarios: Array<{ name: string; expect?: Record<string, unknown> }> }, file.file);
    if (todo.length === 0) continue;
    for (const { index, output } of todo) document.setIn(['scenarios', index, 'expect', 'output'], document.createNode(output));
    replaceFile(path, document.toString());
    updated.push({ file: file.file, scenarios: todo.map((t) => t.name) });
  }
  return updated;
}
