/**
 * Where a JSONata state holds values whose strings Step Functions evaluates: its own fields (Arguments,
 * Output, Assign, the number fields …), its catchers' Output and Assign, and its Choice rules' Condition,
 * Output and Assign, each with what `$states` holds there. Read through the state's view, so a field on a
 * state type that does not have it is the schema's unknown field, not an expression to check.
 */
import { joinPointer } from '../../asl/pointer.js';
import { asWritten } from '../../asl/state-view.js';
import type { StateView } from '../../asl/types.js';
import type { StateNode } from '../../asl/walker.js';

/** Where an expression sits decides which `$states` fields exist there. */
export type Where = 'arguments' | 'result' | 'catch' | 'plain';

/** One place whose strings are JSONata: a field of a state, a catcher or a Choice rule. */
export interface Site {
  node: StateNode;
  pointer: string;
  /** How the message names the field: `"Output"`, `"Output" of catcher 0` … */
  label: string;
  value: unknown;
  where: Where;
  /** What the field takes when it cannot be a plain string ("a number or a JSONata expression" …). */
  required?: string;
}

/** Fields whose value, when it is a string, must be an expression (a plain string has no meaning there). */
const EXPRESSION_ONLY: Record<string, string> = {
  Items: 'an array, an object or a JSONata expression',
  TimeoutSeconds: 'a number or a JSONata expression',
  HeartbeatSeconds: 'a number or a JSONata expression',
  Seconds: 'a number or a JSONata expression',
  MaxConcurrency: 'a number or a JSONata expression',
  ToleratedFailurePercentage: 'a number or a JSONata expression',
  ToleratedFailureCount: 'a number or a JSONata expression',
};

/**
 * The state fields whose strings Step Functions evaluates as JSONata, recursively inside objects and arrays,
 * with their values, in one order for every state type (Arguments, Output, Assign, Items, ItemSelector, the
 * number fields, Timestamp, Error, Cause, Credentials, then the Distributed Map objects).
 */
function evaluatedFields(state: StateView): Array<readonly [field: string, value: unknown]> {
  const out: Array<readonly [string, unknown]> = [];
  const add = (field: string, value: unknown): void => {
    if (value !== undefined) out.push([field, value]);
  };
  if ('Arguments' in state) add('Arguments', state.Arguments);
  if ('Output' in state) add('Output', state.Output);
  if ('Assign' in state) add('Assign', state.Assign);
  switch (state.Type) {
    case 'Task':
      add('TimeoutSeconds', state.TimeoutSeconds);
      add('HeartbeatSeconds', state.HeartbeatSeconds);
      add('Credentials', writtenObject(state.Credentials));
      break;
    case 'Wait':
      add('Seconds', state.Seconds);
      add('Timestamp', state.Timestamp);
      break;
    case 'Fail':
      add('Error', state.Error);
      add('Cause', state.Cause);
      break;
    case 'Map':
      add('Items', state.Items);
      add('ItemSelector', state.ItemSelector);
      add('MaxConcurrency', state.MaxConcurrency);
      add('ToleratedFailurePercentage', state.ToleratedFailurePercentage);
      add('ToleratedFailureCount', state.ToleratedFailureCount);
      add('ItemReader', writtenObject(state.ItemReader));
      add('ItemBatcher', writtenObject(state.ItemBatcher));
      add('ResultWriter', writtenObject(state.ResultWriter));
      break;
    default:
  }
  return out;
}

/**
 * An object field (Credentials, ItemReader …) as written: its strings are evaluated wherever they sit, so
 * the walk below reads the JSON itself, keys the view does not have included.
 */
function writtenObject(view: object | undefined): unknown {
  return view === undefined ? undefined : asWritten(view);
}

/** The JSONata sites of one JSONata state, in a stable order. */
export function jsonataSites(node: StateNode): Site[] {
  const state = node.state;
  const sites: Site[] = [];
  for (const [field, value] of evaluatedFields(state)) {
    const result = (field === 'Output' || field === 'Assign') && (state.Type === 'Task' || state.Type === 'Map' || state.Type === 'Parallel');
    const where: Where = result ? 'result' : field === 'Arguments' ? 'arguments' : 'plain';
    sites.push({ node, pointer: joinPointer(node.pointer, field), label: `"${field}"`, value, where, required: EXPRESSION_ONLY[field] });
  }
  if ('Catch' in state) {
    state.Catch?.forEach((catcher, i) => {
      for (const [field, value] of [['Output', catcher.Output], ['Assign', catcher.Assign]] as const) {
        if (value !== undefined) sites.push({ node, pointer: joinPointer(node.pointer, 'Catch', i, field), label: `"${field}" of catcher ${i}`, value, where: 'catch' });
      }
    });
  }
  if (state.Type === 'Choice') {
    state.Choices?.forEach((rule, i) => {
      for (const [field, value] of [['Condition', rule.Condition], ['Output', rule.Output], ['Assign', rule.Assign]] as const) {
        if (value === undefined) continue;
        const required = field === 'Condition' ? 'a JSONata expression' : undefined;
        sites.push({ node, pointer: joinPointer(node.pointer, 'Choices', i, field), label: `"${field}" of Choice rule ${i}`, value, where: 'plain', required });
      }
    });
  }
  return sites;
}
