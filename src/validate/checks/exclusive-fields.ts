/**
 * Fields that exclude each other: a value and its `…Path` form, the two names of the Map processor
 * and item selector, Fail's Error/ErrorPath and Cause/CausePath, and Wait's four ways to wait
 * (exactly one is required). `Items`/`ItemsPath` belong to different query languages, so the
 * query-language check already reports whichever one is out of place.
 */
import type { SemanticCheck } from '../check.js';
import { joinPointer } from '../../asl/pointer.js';
import { type StateNode } from '../../asl/walker.js';
import { writesField } from '../../asl/as-written.js';
import type { ItemBatcher, ReaderConfig, StateType, StateFieldName } from '../../asl/types.js';
import { finding, writes } from './util.js';

const codes = {
  'mutually-exclusive-fields': { description: 'Two fields that exclude each other are both present', severity: 'error' as const },
  'missing-one-of-fields': { description: 'None of the fields of which exactly one is required is present', severity: 'error' as const },
};

/** Pairs per state type: [kept form, alternative form]. */
const PAIRS: Partial<Record<StateType, ReadonlyArray<readonly [StateFieldName, StateFieldName]>>> = {
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

const BATCHER_PAIRS: ReadonlyArray<readonly [keyof ItemBatcher, keyof ItemBatcher]> = [
  ['MaxItemsPerBatch', 'MaxItemsPerBatchPath'],
  ['MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'],
];

const READER_CONFIG_PAIR: readonly [keyof ReaderConfig, keyof ReaderConfig] = ['MaxItems', 'MaxItemsPath'];

const WAIT_FIELDS: readonly StateFieldName[] = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'];

type Report = (f: ReturnType<typeof finding>) => void;

/**
 * Both fields as written, whatever their values: a value of the wrong kind is the schema's to report, and
 * the pair is still one too many. `written` answers for the object that holds the pair.
 */
function reportBoth<F extends string>(node: StateNode, written: (field: F) => boolean, ownerPointer: string, [a, b]: readonly [F, F], report: Report): void {
  if (!written(a) || !written(b)) return;
  report(
    finding(codes, 'mutually-exclusive-fields', joinPointer(ownerPointer, b), `State "${node.name}" has both "${a}" and "${b}"; they mean the same thing, so keep only one`),
  );
}

export const exclusiveFieldsCheck: SemanticCheck = {
  name: 'exclusive-fields',
  codes,
  run({ model, report }) {
    for (const node of model.states) {
      const state = node.state;
      const pairs = state.Type === undefined ? undefined : PAIRS[state.Type];
      for (const pair of pairs ?? []) reportBoth(node, (field) => writesField(node, field), node.pointer, pair, report);
      if (state.Type === 'Map') {
        const batcher = state.ItemBatcher;
        if (batcher) {
          for (const pair of BATCHER_PAIRS) reportBoth(node, (field) => writes(batcher, field), joinPointer(node.pointer, 'ItemBatcher'), pair, report);
        }
        const config = state.ItemReader?.ReaderConfig;
        if (config) reportBoth(node, (field) => writes(config, field), joinPointer(node.pointer, 'ItemReader', 'ReaderConfig'), READER_CONFIG_PAIR, report);
        if (!writesField(node, 'ItemProcessor') && !writesField(node, 'Iterator')) {
          report(
            finding(codes, 'missing-one-of-fields', node.pointer, `Map state "${node.name}" has no "ItemProcessor"; add one with the "StartAt" and "States" to run for each item`),
          );
        }
      }
      if (state.Type === 'Wait') checkWait(node, report);
    }
  },
};

function checkWait(node: StateNode, report: Report): void {
  const present = WAIT_FIELDS.filter((field) => writesField(node, field));
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
