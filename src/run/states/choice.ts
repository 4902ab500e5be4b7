/**
 * Choice: the first matching rule wins; with no match, `Default`, else States.NoChoiceMatched.
 * Assign is either the matching rule's or the state's, never both: the developer guide ("Choice workflow
 * state", Using Assign with Choice states) says a matching rule's Assign is the only one evaluated (none when
 * the rule has none), and the state-level Assign runs only when no rule matches and Default is taken.
 */
import type { ChoiceRule, ChoiceState, JsonObject, JsonValue } from '../../asl/types.js';
import { evaluateRule } from '../choice-rules.js';
import { ErrorNames, StatesError } from '../errors.js';
import { evaluateJsonata, evaluateTemplate } from '../jsonata.js';
import { jsonataBody } from '../../asl/jsonata-syntax.js';
import { applyInputPath, evaluateAssign, finishWithoutResult, isJsonata, jsonataEnv, pathEnv, type StateCall, type StateOutcome } from '../dataflow.js';

function noMatch(call: StateCall): never {
  throw new StatesError(ErrorNames.NoChoiceMatched, `No Matches! (state '${call.node.name}' has no Default)`);
}

export async function runChoice(call: StateCall, state: ChoiceState): Promise<StateOutcome> {
  const choices = state.Choices ?? [];
  if (isJsonata(call)) return jsonataChoice(call, state, choices);
  const effective = applyInputPath(call);
  const env = pathEnv(call, effective);
  for (let index = 0; index < choices.length; index++) {
    const rule = choices[index]!;
    // A matched rule's Assign (or none) replaces the state's.
    if (evaluateRule(rule, env)) return { ...finishWithoutResult(call, effective, String(rule.Next), rule.Assign), chosenBy: index };
  }
  if (typeof state.Default !== 'string') noMatch(call);
  return { ...finishWithoutResult(call, effective, state.Default, state.Assign), chosenBy: 'default' };
}

async function jsonataChoice(call: StateCall, state: ChoiceState, choices: readonly ChoiceRule[]): Promise<StateOutcome> {
  const env = jsonataEnv(call);
  for (let index = 0; index < choices.length; index++) {
    const rule = choices[index]!;
    const body = jsonataBody(rule.Condition);
    const verdict = body !== undefined ? await evaluateJsonata(body, env, 'Condition') : rule.Condition;
    if (typeof verdict !== 'boolean') {
      throw new StatesError(ErrorNames.QueryEvaluationError, `The Condition of a Choice rule in state '${call.node.name}' returned ${JSON.stringify(verdict)}; expected a boolean.`);
    }
    // A rule's Output replaces the state's; its Assign (or none) replaces the state's Assign.
    const output = rule.Output !== undefined ? rule.Output : state.Output;
    if (verdict) return { ...(await jsonataTaken(call, output, rule.Assign, String(rule.Next))), chosenBy: index };
  }
  if (typeof state.Default !== 'string') noMatch(call);
  return { ...(await jsonataTaken(call, state.Output, state.Assign, state.Default)), chosenBy: 'default' };
}

async function jsonataTaken(call: StateCall, outputTemplate: JsonValue | undefined, assign: JsonObject | undefined, next: string): Promise<StateOutcome> {
  const env = jsonataEnv(call);
  const output = outputTemplate === undefined ? call.input : await evaluateTemplate(outputTemplate, env, 'Output');
  const assigned = await evaluateAssign(call, env, assign);
  return { output, assigned, next };
}
