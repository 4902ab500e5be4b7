/**
 * Choice: the first matching rule wins; with no match, `Default`, else States.NoChoiceMatched.
 * A rule's own Assign/Output (JSONata) or Assign (JSONPath) applies when it is the one taken.
 */
import { evaluateRule } from '../choice-rules.js';
import { ErrorNames, StatesError } from '../errors.js';
import { evaluateJsonata, evaluateTemplate } from '../jsonata.js';
import { jsonataBody } from '../../asl/jsonata-syntax.js';
import { applyInputPath, evaluateAssign, finishWithoutResult, isJsonata, jsonataEnv, pathEnv, type StateCall, type StateOutcome } from '../dataflow.js';

function noMatch(call: StateCall): never {
  throw new StatesError(ErrorNames.NoChoiceMatched, `No Matches! (state '${call.node.name}' has no Default)`);
}

export async function runChoice(call: StateCall): Promise<StateOutcome> {
  const raw = call.node.raw;
  const choices = Array.isArray(raw.Choices) ? (raw.Choices as Record<string, unknown>[]) : [];
  if (isJsonata(call)) {
    const env = jsonataEnv(call);
    for (let index = 0; index < choices.length; index++) {
      const rule = choices[index]!;
      const body = jsonataBody(rule.Condition);
      const verdict = body !== undefined ? await evaluateJsonata(body, env, 'Condition') : rule.Condition;
      if (typeof verdict !== 'boolean') {
        throw new StatesError(ErrorNames.QueryEvaluationError, `The Condition of a Choice rule in state '${call.node.name}' returned ${JSON.stringify(verdict)}; expected a boolean.`);
      }
      if (verdict) return { ...(await jsonataTaken(call, rule, String(rule.Next))), chosenBy: index };
    }
    if (typeof raw.Default !== 'string') noMatch(call);
    return { ...(await jsonataTaken(call, raw, raw.Default)), chosenBy: 'default' };
  }
  const effective = applyInputPath(call);
  const env = pathEnv(call, effective);
  for (let index = 0; index < choices.length; index++) {
    const rule = choices[index]!;
    if (evaluateRule(rule, env)) return { ...finishWithoutResult(call, effective, String(rule.Next), rule.Assign ?? raw.Assign), chosenBy: index };
  }
  if (typeof raw.Default !== 'string') noMatch(call);
  return { ...finishWithoutResult(call, effective, raw.Default), chosenBy: 'default' };
}

async function jsonataTaken(call: StateCall, holder: Record<string, unknown>, next: string): Promise<StateOutcome> {
  const env = jsonataEnv(call);
  const outputSource = holder.Output !== undefined ? holder.Output : call.node.raw.Output;
  const output = outputSource === undefined ? call.input : await evaluateTemplate(outputSource, env, 'Output');
  const assigned = await evaluateAssign(call, env, holder.Assign ?? call.node.raw.Assign);
  return { output, assigned, next };
}
