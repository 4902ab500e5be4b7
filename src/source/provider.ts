/**
 * What CloudFormation lets through that the Step Functions API would not. The resource provider reads a
 * DefinitionS3Location file (SAM's DefinitionUri after `sam package`) as JSON and, when that fails, as YAML,
 * then sends the result on as JSON: a trailing comma, a YAML flow collection's habit, deploys. Duplicate keys
 * in a template are kept last-wins by CloudFormation, so they are worth a warning rather than an error.
 */
import type { LoaderCode } from './codes.js';
import type { ParsedText } from './document.js';
import { parseJson } from './json.js';
import type { Format } from './parse.js';
import { parseText } from './parse.js';
import { parseYaml } from './yaml.js';

export interface NotJson {
  code: 'definition-not-json';
  message: string;
  offset: number;
}

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parses a definition file the way CloudFormation does; `notJson` is set when only the YAML fallback accepts it. */
export function parseAsCloudFormation(text: string, format: Format): { parsed: ParsedText; notJson?: NotJson } {
  const strict = parseText(text, format);
  const problem = strict.problems[0];
  if (strict.parsed || format !== 'json' || problem?.code !== 'parse-error') return { parsed: strict };
  // Trailing commas are the common case: jsonc-parser takes them and keeps placeholders and exact offsets.
  const lenient = parseJson(text, { trailingCommas: true });
  const accepted = lenient.parsed ? lenient : parseYaml(text);
  if (!accepted.parsed || !isObject(accepted.value)) return { parsed: strict };
  const what = problem.message.replace(/^Invalid JSON: /, '');
  return {
    parsed: accepted,
    notJson: {
      code: 'definition-not-json',
      message: `Not strict JSON: ${what}. CloudFormation reads a definition file as YAML when JSON fails, so this deploys, but the Step Functions API (the console, the CLI, CreateStateMachine) would refuse the file`,
      offset: problem.offset,
    },
  };
}

/** The code a loader problem takes when it is outside every state machine (in the template around them). */
export function outsideMachines(code: LoaderCode): LoaderCode {
  return code === 'duplicate-key' ? 'template-duplicate-key' : code;
}
