/**
 * What there is to cover in one state machine, read from the shared model: every state (nested ones by
 * their full path), every transition (each Next, each Choice rule and the Default, each Catch, and the end
 * of a scope: the execution, a Parallel branch or a Map iteration), and every retrier.
 */
import { isObject } from '../asl/is-object.js';
import { buildModel, qualifiedName, type StateNode } from '../asl/walker.js';

export type TransitionKind = 'next' | 'choice' | 'default' | 'catch' | 'end';

export interface Transition {
  key: string;
  /** Full path of the state it leaves. */
  from: string;
  /** Full path of the state it enters; "(end)" for the end of a scope. */
  to: string;
  kind: TransitionKind;
  /** The rule or catcher index, for choice and catch. */
  index?: number;
  /** The state's JSON Pointer (for positions) and the field's, where the transition is written. */
  statePointer: string;
  pointer: string;
}

export interface Retrier {
  key: string;
  state: string;
  index: number;
  pointer: string;
}

export interface CoverageModel {
  states: Array<{ name: string; pointer: string }>;
  transitions: Transition[];
  retriers: Retrier[];
}

export function transitionKey(from: string, kind: string, index?: number): string {
  return index === undefined ? `${from}#${kind}` : `${from}#${kind}:${index}`;
}

function sibling(node: StateNode, name: unknown): string {
  const target = typeof name === 'string' ? node.scope.byName.get(name) : undefined;
  return target ? qualifiedName(target) : String(name);
}

function transitionsOf(node: StateNode): Transition[] {
  const raw = node.raw;
  const from = qualifiedName(node);
  const out: Transition[] = [];
  const add = (kind: TransitionKind, to: string, pointer: string, index?: number) =>
    out.push({ key: transitionKey(from, kind, index), from, to, kind, index, statePointer: node.pointer, pointer });
  if (node.type === 'Choice') {
    const rules = Array.isArray(raw.Choices) ? raw.Choices : [];
    rules.forEach((rule, i) => isObject(rule) && add('choice', sibling(node, rule.Next), `${node.pointer}/Choices/${i}`, i));
    if (typeof raw.Default === 'string') add('default', sibling(node, raw.Default), `${node.pointer}/Default`);
  } else if (typeof raw.Next === 'string') add('next', sibling(node, raw.Next), `${node.pointer}/Next`);
  else if (raw.End === true || node.type === 'Succeed') add('end', '(end)', node.pointer);
  if (Array.isArray(raw.Catch)) raw.Catch.forEach((c, i) => isObject(c) && add('catch', sibling(node, c.Next), `${node.pointer}/Catch/${i}`, i));
  return out;
}

export function coverageModel(definition: unknown): CoverageModel {
  const model = buildModel(definition);
  const states = model.states.map((node) => ({ name: qualifiedName(node), pointer: node.pointer }));
  const transitions = model.states.flatMap(transitionsOf);
  const retriers: Retrier[] = [];
  for (const node of model.states) {
    if (!Array.isArray(node.raw.Retry)) continue;
    const state = qualifiedName(node);
    node.raw.Retry.forEach((_, index) => retriers.push({ key: `${state}#retry:${index}`, state, index, pointer: `${node.pointer}/Retry/${index}` }));
  }
  return { states, transitions, retriers };
}
