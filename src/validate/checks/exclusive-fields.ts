/**
 * Fields that exclude each other: a value and its `…Path` form, the two names of the Map processor
 * and item selector, Fail's Error/ErrorPath and Cause/CausePath, and Wait's four ways to wait
 * (exactly one is required). `Items`/`ItemsPath` belong to different query languages, so the
 * query-language check already reports whichever one is out of place.
 */
import type { SemanticCheck } from '../check.js';
import { joinPointer } from '../../asl/pointer.js';
import type { StateNode } from '../../asl/walker.js';
import { finding, has, isObject } from './util.js';

const codes = {
  'mutually-exclusive-fields': { description: 'Two fields that exclude each other are both present', severity: 'error' as const },
  'missing-one-of-fields': { description: 'None of the fields of which exactly one is required is present', severity: 'error' as const },
};

/** Pairs per state type: [kept form, alternative form]. */
const PAIRS: Record<string, Array<[string, string]>> = {
  Task: [
    ['TimeoutSeconds', 'TimeoutSecondsPath'],
    ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
  ],
  Map: [
    ['ItemProcessor', 'Iterator'],
    ['ItemSelector', 'Parameters'],
    ['MaxConcurrency', 'MaxConcurrencyPath'],
    ['ToleratedFailurePercentage', 'ToleratedFailurePercentagePath'],
    ['ToleratedFailureCount', 'ToleratedFailureCountPath'],
  ],
  Fail: [
    ['Error', 'ErrorPath'],
    ['Cause', 'CausePath'],
  ],
};

const BATCHER_PAIRS: Array<[string, string]> = [
  ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'],
  ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'],
];

const WAIT_FIELDS = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'];

export const exclusiveFieldsCheck: SemanticCheck = {
  name: 'exclusive-fields',
  codes,
  run({ model, report }) {
    const both = (node: StateNode, owner: Record<string, unknown>, ownerPointer: string, [a, b]: [string, string]): void => {
      if (!has(owner, a) || !has(owner, b)) return;
      report(
        finding(codes, 'mutually-exclusive-fields', joinPointer(ownerPointer, b), `State "${node.name}" has both "${a}" and "${b}"; they mean the same thing, so keep only one`),
      );
    };

    for (const node of model.states) {
      // hasOwn: a Type such as "constructor" must not reach Object.prototype.
      const pairs = node.type !== undefined && Object.hasOwn(PAIRS, node.type) ? PAIRS[node.type]! : [];
      for (const pair of pairs) both(node, node.raw, node.pointer, pair);
      if (node.type === 'Map') {
        if (isObject(node.raw.ItemBatcher)) {
          for (const pair of BATCHER_PAIRS) both(node, node.raw.ItemBatcher, joinPointer(node.pointer, 'ItemBatcher'), pair);
        }
        const reader = node.raw.ItemReader;
        if (isObject(reader) && isObject(reader.ReaderConfig)) {
          both(node, reader.ReaderConfig, joinPointer(node.pointer, 'ItemReader', 'ReaderConfig'), ['MaxItems', 'MaxItemsPath']);
        }
        if (!has(node.raw, 'ItemProcessor') && !has(node.raw, 'Iterator')) {
          report(
            finding(codes, 'missing-one-of-fields', node.pointer, `Map state "${node.name}" has no "ItemProcessor"; add one with the "StartAt" and "States" to run for each item`),
          );
        }
      }
      if (node.type === 'Wait') checkWait(node, report);
    }
  },
};

function checkWait(node: StateNode, report: (f: ReturnType<typeof finding>) => void): void {
  const present = WAIT_FIELDS.filter((key) => has(node.raw, key));
  if (present.length === 0) {
    report(
      finding(codes, 'missing-one-of-fields', node.pointer, `Wait state "${node.name}" does not say how long to wait; add one of "Seconds", "Timestamp", "SecondsPath" or "TimestampPath"`),
    );
    return;
  }
  for (const extra of present.slice(1)) {
    report(
      finding(codes, 'mutually-exclusive-fields', joinPointer(node.pointer, extra), `Wait state "${node.name}" has both "${present[0]}" and "${extra}"; a Wait state takes exactly one of "Seconds", "Timestamp", "SecondsPath" and "TimestampPath"`),
    );
  }
}
