/**
 * Where the state machines of a parsed file are: the file itself (a bare definition), CloudFormation /
 * SAM resources, or Serverless Framework `stepFunctions.stateMachines`. Works on values only; the
 * loader turns each site into a MachineSource.
 */
import { escapePointerToken } from '../asl/pointer.js';
import { isIntrinsicObject } from '../asl/unresolved.js';
import type { LoaderCode } from './codes.js';
import type { JoinedPart } from './join.js';
import { joinDefinition } from './join.js';
import type { Substitutions } from './substitute.js';
import { literalSubstitutions } from './substitute.js';
import type { WorkflowType } from './types.js';

interface SiteBase {
  /** Logical id or Serverless machine name. */
  name?: string;
  workflowType?: WorkflowType;
  /** Literal values the template gives placeholders (DefinitionSubstitutions, Fn::Sub variables). */
  substitutions?: Substitutions;
}

export type MachineSite =
  | (SiteBase & { kind: 'inline'; pointer: string })
  /** A DefinitionString: `pointer` is the string itself, `property` the DefinitionString member. */
  | (SiteBase & { kind: 'string'; pointer: string; property: string; text: string })
  /** A DefinitionString built with Fn::Join (CDK output): `text` joins `parts`, intrinsics as placeholders. */
  | (SiteBase & { kind: 'joined'; pointer: string; property: string; text: string; parts: JoinedPart[] })
  /** A local definition file: `pointer` is where the template names it. */
  | (SiteBase & { kind: 'file'; pointer: string; path: string })
  | (SiteBase & { kind: 'skip'; pointer: string; code: LoaderCode; message: string });

export interface SiteSearch {
  sites: MachineSite[];
  /** Set when the file holds no state machine at all: what it looked like instead. */
  notAMachine?: string;
}

const MACHINE_TYPES = new Set(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function isDefinitionLike(value: unknown): boolean {
  return isObject(value) && ('StartAt' in value || 'States' in value);
}

export function findMachineSites(value: unknown): SiteSearch {
  if (isDefinitionLike(value)) return { sites: [{ kind: 'inline', pointer: '' }] };
  if (!isObject(value)) return { sites: [], notAMachine: `the top level is ${describe(value)}, not an object` };
  if (isObject(value.Resources) || 'AWSTemplateFormatVersion' in value) return templateSites(value);
  if (isObject(value.stepFunctions)) return serverlessSites(value.stepFunctions);
  return { sites: [], notAMachine: `the top-level object has neither "StartAt" and "States" nor "Resources" nor "stepFunctions"` };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null || value === undefined) return 'empty';
  return `a ${typeof value}`;
}

function templateSites(template: Obj): SiteSearch {
  const resources = isObject(template.Resources) ? template.Resources : {};
  const sites: MachineSite[] = [];
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource) || typeof resource.Type !== 'string' || !MACHINE_TYPES.has(resource.Type)) continue;
    const props = isObject(resource.Properties) ? resource.Properties : {};
    const base = `/Resources/${escapePointerToken(id)}/Properties`;
    const sam = resource.Type === 'AWS::Serverless::StateMachine';
    const substitutions = literalSubstitutions(props.DefinitionSubstitutions);
    const site: SiteBase = { name: id, workflowType: workflowTypeOf(sam ? props.Type : props.StateMachineType), ...(substitutions.size > 0 ? { substitutions } : {}) };
    sites.push(resourceSite(site, props, base, id));
  }
  if (sites.length === 0) {
    return { sites, notAMachine: 'it is a CloudFormation template without any AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine resource' };
  }
  return { sites };
}

function resourceSite(site: SiteBase, props: Obj, base: string, id: string): MachineSite {
  const notStatic = (pointer: string, how: string): MachineSite => ({
    ...site,
    kind: 'skip',
    pointer,
    code: 'definition-not-static',
    message: how === 'Fn::Join'
      // AWS CDK synthesises this form, and its users cannot rewrite the template: point them at the source.
      ? `State machine ${id}: its definition is built with Fn::Join at deploy time (as AWS CDK synthesises it), so it cannot be checked here; check the definition where it is written instead (with CDK, the file given to DefinitionBody.fromFile), or write it as Definition, a DefinitionString, or a DefinitionUri file`
      : `State machine ${id}: its definition is built with ${how} at deploy time, so it cannot be checked here; write it as Definition, a DefinitionString, or a DefinitionUri file to have it checked`,
  });
  if ('Definition' in props) {
    const definition = props.Definition;
    if (isObject(definition) && !isIntrinsicObject(definition)) return { ...site, kind: 'inline', pointer: `${base}/Definition` };
    return notStatic(`${base}/Definition`, intrinsicName(definition));
  }
  if ('DefinitionString' in props) {
    const property = `${base}/DefinitionString`;
    const raw = props.DefinitionString;
    if (typeof raw === 'string') return { ...site, kind: 'string', pointer: property, property, text: raw };
    if (isObject(raw) && 'Fn::Sub' in raw && Object.keys(raw).length === 1) {
      const sub = raw['Fn::Sub'];
      if (typeof sub === 'string') return { ...site, kind: 'string', pointer: `${property}/Fn::Sub`, property, text: sub };
      if (Array.isArray(sub) && typeof sub[0] === 'string') {
        // Fn::Sub puts its variables in first; DefinitionSubstitutions apply to what it produced.
        const substitutions = literalSubstitutions(sub[1], new Map(site.substitutions));
        return { ...site, substitutions, kind: 'string', pointer: `${property}/Fn::Sub/0`, property, text: sub[0] };
      }
    }
    const joined = joinDefinition(raw, property);
    if (joined) return { ...site, kind: 'joined', pointer: property, property, ...joined };
    return notStatic(property, intrinsicName(raw));
  }
  for (const key of ['DefinitionUri', 'DefinitionS3Location']) {
    if (!(key in props)) continue;
    const pointer = `${base}/${key}`;
    const location = props[key];
    if (typeof location === 'string' && !/^s3:\/\//i.test(location)) return { ...site, kind: 'file', pointer, path: location };
    return {
      ...site,
      kind: 'skip',
      pointer,
      code: 'definition-not-local',
      message: `State machine ${id}: its ${key} points at an S3 object, not a local file, so it is not checked; point ${key} at the local definition file (as before \`sam package\`) or check that file directly`,
    };
  }
  return {
    ...site,
    kind: 'skip',
    pointer: base,
    code: 'not-a-state-machine',
    message: `State machine ${id} has no Definition, DefinitionString, DefinitionUri or DefinitionS3Location; add one`,
  };
}

function intrinsicName(value: unknown): string {
  if (isObject(value)) {
    const key = Object.keys(value)[0];
    if (key && (key === 'Ref' || key.startsWith('Fn::'))) return key;
  }
  return typeof value === 'string' ? 'a string' : `${describe(value)}`;
}

function workflowTypeOf(value: unknown): WorkflowType | undefined {
  if (typeof value !== 'string') return undefined;
  const upper = value.toUpperCase();
  return upper === 'EXPRESS' || upper === 'STANDARD' ? upper : undefined;
}

function serverlessSites(stepFunctions: Obj): SiteSearch {
  const machines = isObject(stepFunctions.stateMachines) ? stepFunctions.stateMachines : {};
  const sites: MachineSite[] = [];
  for (const [name, machine] of Object.entries(machines)) {
    if (!isObject(machine)) continue;
    const base = `/stepFunctions/stateMachines/${escapePointerToken(name)}`;
    const site: SiteBase = { name, workflowType: workflowTypeOf(machine.type) };
    if (isObject(machine.definition) && !isIntrinsicObject(machine.definition)) {
      sites.push({ ...site, kind: 'inline', pointer: `${base}/definition` });
    } else {
      sites.push({
        ...site,
        kind: 'skip',
        pointer: `${base}/definition`,
        code: 'definition-not-static',
        message: `State machine ${name}: its definition is ${typeof machine.definition === 'string' ? `the variable "${machine.definition}"` : 'not an inline object'}, so it cannot be checked here; check the file it comes from directly`,
      });
    }
  }
  if (sites.length === 0) return { sites, notAMachine: 'it is a Serverless Framework file without stepFunctions.stateMachines' };
  return { sites };
}
