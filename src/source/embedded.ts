/**
 * A definition held in a template as text: a DefinitionString (a plain string or `Fn::Sub`) or an `Fn::Join`
 * of pieces (CDK output). Parsed as its own document; `map` takes each of its offsets back into the template,
 * so every position is reported where the user (or the synthesiser) wrote it.
 */
import { loaderDiagnostic } from './codes.js';
import type { LoaderCode } from './codes.js';
import type { OffsetToPosition } from './locate.js';
import { makeLocate } from './locate.js';
import type { MachineSite } from './machines.js';
import { isDefinitionLike } from './machines.js';
import { detectFormat, parseText } from './parse.js';
import type { OffsetMap } from './string-map.js';
import { applySubstitutions, substitutionDiagnostics } from './substitute.js';
import type { MachineSource, SourcePosition } from './types.js';

export type EmbeddedSite = Extract<MachineSite, { kind: 'string' | 'joined' }>;

export type EmbeddedResult = { machine: MachineSource } | { code: LoaderCode; message: string; where?: SourcePosition };

export function loadEmbedded(file: string, site: EmbeddedSite, label: string, map: OffsetMap, inTemplate: OffsetToPosition): EmbeddedResult {
  const toPosition: OffsetToPosition = (start, end) => inTemplate(map(start), end === undefined ? undefined : map(end));
  const what = site.kind === 'joined' ? 'its DefinitionString (joined with Fn::Join)' : 'its DefinitionString';
  const inner = parseText(site.text, detectFormat('', site.text));
  if (!inner.parsed) {
    const problem = inner.problems[0]!;
    return { code: problem.code, message: `${label}: ${what}: ${problem.message}`, where: toPosition(problem.offset) };
  }
  if (!isDefinitionLike(inner.value)) {
    return { code: 'not-a-state-machine', message: `${label}: ${what} is not a state machine definition (an object with "StartAt" and "States")` };
  }
  const templated = applySubstitutions(inner.value, site.substitutions, { unquoted: inner.unquoted, base: '', yaml: inner.format === 'yaml' });
  const locate = makeLocate(inner.spanOf, '', toPosition);
  const machine: MachineSource = {
    file,
    pointer: site.pointer,
    name: site.name,
    definition: templated.definition,
    locate,
    workflowType: site.workflowType,
    diagnostics: [],
  };
  // The inner document is the definition itself, so its pointers are already relative to it.
  for (const problem of inner.problems) {
    machine.diagnostics.push(loaderDiagnostic(problem.code, problem.message, toPosition(problem.offset), problem.pointer ?? ''));
  }
  machine.diagnostics.push(...substitutionDiagnostics(templated.problems, locate));
  return { machine };
}
