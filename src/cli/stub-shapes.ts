/**
 * `asl run --validate-stubs strict|present|none`: before anything runs, each fixed result in the stub file or
 * mock config is checked against the response shape of the API its Task calls (src/run/stubs/shapes/). A
 * result the real service could never return (a Lambda result without its Payload wrapper, a DynamoDB item
 * without type descriptors) is exit 2, each problem at its file:line:column with the shape expected there.
 */
import { InputError, UsageError } from './errors.js';
import { printable } from '../printable.js';
import type { ShapeTarget } from '../run/stubs/shape-targets.js';
import type { FieldValidationMode } from '../run/stubs/shapes/index.js';

export { checkResultsAsAnswered } from '../run/stubs/shapes/guard.js';

const MODES = ['strict', 'present', 'none'] as const;

/** The default: fields present are checked, required ones are not (a stub often gives only what the machine reads). */
export const DEFAULT_VALIDATE_STUBS: FieldValidationMode = 'PRESENT';

/** The --validate-stubs value as TestState's field validation mode; a wrong one is a usage error. */
export async function validateStubsMode(value: unknown): Promise<FieldValidationMode> {
  if (value === undefined) return DEFAULT_VALIDATE_STUBS;
  const text = String(value).toLowerCase();
  if ((MODES as readonly string[]).includes(text)) return text.toUpperCase() as FieldValidationMode;
  const { suggestNearest } = await import('../asl/suggest.js');
  const near = suggestNearest(String(value), MODES);
  throw new UsageError(`--validate-stubs must be strict, present or none, not "${printable(String(value))}".${near ? ` Did you mean "${near}"?` : ''}`);
}

interface PlacedFile {
  value: unknown;
  locate(pointer: string): { line: number; column: number };
}

/** Checks every target; any problem is an InputError (exit 2) listing them all with their places. */
export async function checkStubShapes(file: string, data: PlacedFile, targets: ShapeTarget[], mode: FieldValidationMode): Promise<void> {
  if (mode === 'NONE' || targets.length === 0) return;
  const { serviceCallOf } = await import('../run/stubs/shapes/resource.js');
  const checked = targets.filter((t) => serviceCallOf(t.resource) !== undefined);
  // The shapes (about half a megabyte) load only when some result answers a service they describe.
  if (checked.length === 0) return;
  const [{ validateMockShape }, { describePointer }] = await Promise.all([import('../run/stubs/shapes/index.js'), import('../run/stubs/problems.js')]);
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const target of checked) {
    for (const problem of validateMockShape(target.resource, target.result, mode)) {
      const pointer = `${target.pointer}${problem.pointer}`;
      const at = data.locate(pointer);
      const line = `${file}:${at.line}:${at.column}: ${describePointer(pointer, data.value)}: ${problem.message}`;
      if (!seen.has(line)) seen.add(line), lines.push(printable(line));
    }
  }
  if (lines.length === 0) return;
  const fix = `Write the result as the service returns it (see docs/stubs.md, "Results shaped like the service"), or pass --validate-stubs none to skip this check.`;
  const count = lines.length === 1 ? 'A stub result' : `${lines.length} problems: stub results`;
  throw new InputError(`${lines.join('\n')}\n${count} the real service would never return. ${fix}`);
}
