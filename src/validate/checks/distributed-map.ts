/**
 * Distributed Map: the fields only a DISTRIBUTED Map accepts, their limits, and the Map Run `Label`
 * (at most 40 characters, none of the characters AWS forbids in ARNs, unique in the state machine).
 * Limits from the developer guide: "Using Map state in Distributed mode", ItemBatcher, ToleratedFailure.
 */
import type { Finding } from '../../diagnostics.js';
import type { SemanticCheck } from '../check.js';
import { joinPointer } from '../../asl/pointer.js';
import { isUnresolved } from '../../asl/unresolved.js';
import type { MapState, StateFieldName } from '../../asl/types.js';
import { type StateNode } from '../../asl/walker.js';
import { writesField } from '../../asl/as-written.js';
import { finding, isNumber, writtenValue } from './util.js';

const codes = {
  // A warning: the developer guide lists these fields for Distributed mode only, but real definitions
  // that AWS accepted carry them on inline Maps (where they have no effect).
  'distributed-map-only-field': { description: 'A field that only a Distributed Map uses is set on an inline Map', severity: 'warning' as const },
  'distributed-map-limit': { description: 'A Distributed Map number is outside the range Step Functions accepts', severity: 'error' as const },
  'map-label': { description: 'A Map Label is too long, uses a forbidden character, or is not unique', severity: 'error' as const },
};

const DISTRIBUTED_ONLY: readonly StateFieldName[] = [
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'Label',
];

/** Whitespace, brackets, wildcards, ARN-special characters and control characters. */
const FORBIDDEN_LABEL_CHARS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;
const MAX_LABEL_LENGTH = 40;
const MAX_INPUT_BYTES_PER_BATCH = 262144;

type Report = (f: Finding) => void;

export const distributedMapCheck: SemanticCheck = {
  name: 'distributed-map',
  codes,
  run({ model, report }) {
    const labels = new Map<string, StateNode>();
    for (const node of model.states) {
      const state = node.state;
      if (state.Type !== 'Map') continue;
      const mode = processorMode(state);
      if (mode === 'INLINE') {
        for (const key of DISTRIBUTED_ONLY) {
          // Written, whatever its value: a value of the wrong kind is the schema's, the field is still out of place.
          if (!writesField(node, key)) continue;
          report(
            finding(codes, 'distributed-map-only-field', joinPointer(node.pointer, key), `"${key}" only has an effect on a Distributed Map, and "${node.name}" is inline; set "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"} in its ItemProcessor, or remove "${key}"`),
          );
        }
      }
      checkLimits(node, state, report);
      checkLabel(node, state, labels, report);
    }
  },
};

/** INLINE unless the processor says DISTRIBUTED; undefined when there is no usable processor or the mode is only known at deploy time. */
function processorMode(state: MapState): 'INLINE' | 'DISTRIBUTED' | undefined {
  const processor = state.ItemProcessor ?? state.Iterator;
  if (!processor) return undefined;
  const config = processor.ProcessorConfig;
  const mode = config?.Mode;
  if (mode === 'DISTRIBUTED' || mode === 'INLINE') return mode;
  if (mode !== undefined) return undefined; // a deploy-time value such as {"Ref": "Mode"}
  // The view holds only the two modes: a placeholder string ("${Mode}") is known only at deploy time, and
  // any other word (the schema's to report) leaves the Map inline.
  return config !== undefined && isUnresolved(writtenValue(config, 'Mode')) ? undefined : 'INLINE';
}

function checkLimits(node: StateNode, state: MapState, report: Report): void {
  const outOfRange = (value: unknown, pointer: string, key: string, min: number, max: number | undefined, integer: boolean): void => {
    if (!isNumber(value)) return;
    if (value >= min && (max === undefined || value <= max) && (!integer || Number.isInteger(value))) return;
    const range = max === undefined ? `at least ${min}` : `from ${min} to ${max}`;
    report(finding(codes, 'distributed-map-limit', pointer, `"${key}" is ${value}; it must be ${integer ? 'a whole number' : 'a number'} ${range}`));
  };
  outOfRange(state.ToleratedFailurePercentage, joinPointer(node.pointer, 'ToleratedFailurePercentage'), 'ToleratedFailurePercentage', 0, 100, false);
  outOfRange(state.ToleratedFailureCount, joinPointer(node.pointer, 'ToleratedFailureCount'), 'ToleratedFailureCount', 0, undefined, true);
  const batcher = state.ItemBatcher;
  if (batcher) {
    const at = joinPointer(node.pointer, 'ItemBatcher');
    outOfRange(batcher.MaxItemsPerBatch, joinPointer(at, 'MaxItemsPerBatch'), 'MaxItemsPerBatch', 1, undefined, true);
    outOfRange(batcher.MaxInputBytesPerBatch, joinPointer(at, 'MaxInputBytesPerBatch'), 'MaxInputBytesPerBatch', 1, MAX_INPUT_BYTES_PER_BATCH, true);
  }
}

function checkLabel(node: StateNode, state: MapState, labels: Map<string, StateNode>, report: Report): void {
  const label = state.Label;
  if (typeof label !== 'string') return;
  const pointer = joinPointer(node.pointer, 'Label');
  if (label === '') {
    report(finding(codes, 'map-label', pointer, `Label of Map state "${node.name}" is empty; give it a name of 1 to ${MAX_LABEL_LENGTH} characters, or remove "Label"`));
    return;
  }
  const length = [...label].length;
  if (length > MAX_LABEL_LENGTH) {
    report(finding(codes, 'map-label', pointer, `Label of Map state "${node.name}" has ${length} characters; shorten it to at most ${MAX_LABEL_LENGTH}`));
  }
  const bad = FORBIDDEN_LABEL_CHARS.exec(label);
  if (bad) {
    report(
      finding(codes, 'map-label', pointer, `Label of Map state "${node.name}" contains ${JSON.stringify(bad[0])}, which Step Functions does not allow; use letters, digits, "-", "_" or "." and no whitespace, brackets, wildcards or special characters`),
    );
  }
  const first = labels.get(label);
  if (first) {
    report(finding(codes, 'map-label', pointer, `Label "${label}" is already used by Map state "${first.name}"; each Map state needs its own Label`));
  } else {
    labels.set(label, node);
  }
}
