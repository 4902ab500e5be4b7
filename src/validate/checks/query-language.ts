/**
 * Fields that belong to one query language only. JSONata states replace InputPath, Parameters,
 * ResultSelector, ResultPath and OutputPath with Arguments and Output, take no `…Path` forms, and
 * test Choice rules with Condition instead of Variable and operators ("Transforming data with
 * JSONata in Step Functions"). A JSONata machine cannot switch a state back to JSONPath. The number
 * fields that a JSONata state may fill with a `{% %}` expression take only numbers in a JSONPath state
 * (the schema admits strings there for JSONata's sake, so the string is caught here).
 */
import type { Finding } from '../../diagnostics.js';
import type { SemanticCheck } from '../check.js';
import { joinPointer } from '../../asl/pointer.js';
import type { ChoiceRule, NumberOrExpression, StateView } from '../../asl/types.js';
import type { StateNode } from '../../asl/walker.js';
import { COMBINATORS, COMPARISON_OPERATORS } from './choice-operators.js';
import { jsonataBody } from '../../asl/jsonata-syntax.js';
import { finding, isDeployTime, writes, writtenAsObject, writtenKeys } from './util.js';

const codes = {
  'query-language-field': { description: 'A field of the other query language is used in a state', severity: 'error' as const },
  'query-language-switch': { description: 'A state of a JSONata state machine switches back to JSONPath', severity: 'error' as const },
  'string-in-number-field': { description: 'A number field of a JSONPath state (TimeoutSeconds, Seconds, MaxConcurrency …) holds a string', severity: 'error' as const },
};

/** A number field that takes a `{% %}` expression in JSONata and only a number in JSONPath: its path under the state, and its value. */
type NumberField = readonly [path: readonly string[], value: NumberOrExpression | undefined];

function numberFieldsOf(state: StateView): NumberField[] {
  switch (state.Type) {
    case 'Task':
      return [
        [['TimeoutSeconds'], state.TimeoutSeconds],
        [['HeartbeatSeconds'], state.HeartbeatSeconds],
      ];
    case 'Wait':
      return [[['Seconds'], state.Seconds]];
    case 'Map':
      return [
        [['MaxConcurrency'], state.MaxConcurrency],
        [['ToleratedFailurePercentage'], state.ToleratedFailurePercentage],
        [['ToleratedFailureCount'], state.ToleratedFailureCount],
        [['ItemBatcher', 'MaxItemsPerBatch'], state.ItemBatcher?.MaxItemsPerBatch],
        [['ItemBatcher', 'MaxInputBytesPerBatch'], state.ItemBatcher?.MaxInputBytesPerBatch],
        [['ItemReader', 'ReaderConfig', 'MaxItems'], state.ItemReader?.ReaderConfig?.MaxItems],
      ];
    default:
      return [];
  }
}

/** JSONPath-only state fields, each with the JSONata way to say the same. */
const JSONPATH_ONLY: Record<string, string> = {
  InputPath: 'use {% $states.input.<field> %} inside "Arguments" or "Output"',
  OutputPath: 'use "Output"',
  Parameters: 'use "Arguments" (or "ItemSelector" on a Map)',
  ResultSelector: 'use "Output" with $states.result',
  ResultPath: 'use "Output" or "Assign" with $states.result',
  ItemsPath: 'use "Items"',
  TimeoutSecondsPath: 'use a JSONata expression in "TimeoutSeconds"',
  HeartbeatSecondsPath: 'use a JSONata expression in "HeartbeatSeconds"',
  SecondsPath: 'use a JSONata expression in "Seconds"',
  TimestampPath: 'use a JSONata expression in "Timestamp"',
  MaxConcurrencyPath: 'use a JSONata expression in "MaxConcurrency"',
  ToleratedFailurePercentagePath: 'use a JSONata expression in "ToleratedFailurePercentage"',
  ToleratedFailureCountPath: 'use a JSONata expression in "ToleratedFailureCount"',
  ErrorPath: 'use a JSONata expression in "Error"',
  CausePath: 'use a JSONata expression in "Cause"',
};

/** JSONata-only state fields, each with the JSONPath way to say the same. */
const JSONATA_ONLY: Record<string, string> = {
  Arguments: 'use "Parameters"',
  Output: 'use "OutputPath" or "ResultSelector"',
  Items: 'use "ItemsPath"',
};

type Report = (f: Finding) => void;

export const queryLanguageCheck: SemanticCheck = {
  name: 'query-language',
  codes,
  run({ model, report }) {
    if (model.queryLanguage === 'JSONPath') {
      numberField(model.topLevel.TimeoutSeconds, '/TimeoutSeconds', '"TimeoutSeconds" of the state machine', undefined, report);
    }
    for (const node of model.states) {
      const state = node.state;
      if (node.queryLanguage === 'JSONPath') checkNumberFields(node, report);
      if (model.queryLanguage === 'JSONata' && state.QueryLanguage === 'JSONPath') {
        report(
          finding(codes, 'query-language-switch', joinPointer(node.pointer, 'QueryLanguage'), `State "${node.name}" sets "QueryLanguage": "JSONPath", but the state machine uses JSONata, and a JSONata state machine cannot contain JSONPath states; rewrite the state in JSONata, or set JSONPath at the top and JSONata on individual states`),
        );
      }
      const jsonata = node.queryLanguage === 'JSONata';
      const wrong = jsonata ? JSONPATH_ONLY : JSONATA_ONLY;
      // The keys as written, in their order, whatever their values: a field of the other language is out
      // of place even when its value is of the wrong kind.
      for (const key of writtenKeys(state)) {
        if (Object.hasOwn(wrong, key)) misplaced(node, joinPointer(node.pointer, key), key, wrong[key]!, report);
      }
      if ('Catch' in state) {
        state.Catch?.forEach((catcher, i) => {
          const key = jsonata ? 'ResultPath' : 'Output';
          if (writes(catcher, key)) misplaced(node, joinPointer(node.pointer, 'Catch', i, key), key, jsonata ? 'use "Output" with $states.errorOutput' : 'use "ResultPath"', report);
        });
      }
      if (state.Type === 'Choice' && state.Choices) checkChoiceRules(node, state.Choices, jsonata, report);
    }
  },
};

function checkNumberFields(node: StateNode, report: Report): void {
  for (const [path, value] of numberFieldsOf(node.state)) {
    const field = path[path.length - 1]!;
    numberField(value, joinPointer(node.pointer, ...path), `"${field}" of state "${node.name}"`, field, report);
  }
}

/** A string where a JSONPath state takes a number: say which, and the ways to a number or a dynamic value. */
function numberField(value: unknown, pointer: string, label: string, field: string | undefined, report: Report): void {
  if (typeof value !== 'string' || isDeployTime(value)) return;
  const fromInput = field === undefined ? '' : `"${field}Path" to read it from the input`;
  const what = field === undefined ? 'a JSONPath state machine' : 'a JSONPath state';
  let message: string;
  if (jsonataBody(value) !== undefined) {
    message = `${label} is the JSONata expression ${JSON.stringify(value)}, but ${what} takes it as a plain string; write a number${fromInput ? `, use ${fromInput},` : ''} or set "QueryLanguage": "JSONata"`;
  } else {
    const fix = /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? `write ${value.trim()} without quotes` : 'write a number';
    message = `${label} is the string ${JSON.stringify(value)}, but ${what} takes a number here; ${fix}${fromInput ? `, or use ${fromInput}` : ''}`;
  }
  report(finding(codes, 'string-in-number-field', pointer, message));
}

function misplaced(node: StateNode, pointer: string, key: string, fix: string, report: Report): void {
  const language = node.queryLanguage;
  const other = language === 'JSONata' ? 'JSONPath' : 'JSONata';
  report(finding(codes, 'query-language-field', pointer, `"${key}" is a ${other} field, but state "${node.name}" uses ${language}; ${fix}`));
}

function checkChoiceRules(node: StateNode, rules: readonly ChoiceRule[], jsonata: boolean, report: Report): void {
  rules.forEach((rule, i) => {
    if (!writtenAsObject(rule)) return;
    const pointer = joinPointer(node.pointer, 'Choices', i);
    if (!jsonata) {
      for (const key of ['Condition', 'Output'] as const) {
        if (writes(rule, key)) misplaced(node, joinPointer(pointer, key), key, key === 'Condition' ? 'test a value with "Variable" and an operator such as "StringEquals"' : 'remove it', report);
      }
      return;
    }
    // Only the top-level rule is looked at: JSONata rules do not nest. Keys as written, in their order.
    for (const key of writtenKeys(rule)) {
      if (key === 'Variable' || COMPARISON_OPERATORS.has(key) || (COMBINATORS as readonly string[]).includes(key)) {
        misplaced(node, joinPointer(pointer, key), key, 'write the test as "Condition": "{% <expression> %}"', report);
      }
    }
  });
}
