/**
 * Values a template gives its placeholders (SAM / CloudFormation `DefinitionSubstitutions`, the variable map
 * of `Fn::Sub`), put in the way CloudFormation puts them in: as text. A placeholder inside a string makes a
 * longer string (`"TimeoutSeconds": "${Timeout}"` stays a string, which AWS refuses in a number field); an
 * unquoted one becomes whatever JSON its text reads as (`${Timeout}` with 30 becomes the number 30). What
 * has no literal value (a `Ref`, a `Fn::GetAtt`) stays a placeholder, which the checks leave unjudged.
 */
import { escapePointerToken } from '../asl/pointer.js';
import type { Diagnostic } from '../diagnostics.js';
import type { LoaderCode } from './codes.js';
import { loaderDiagnostic } from './codes.js';
import type { SourcePosition } from './types.js';

/** Placeholder name → the text CloudFormation puts in its place. */
export type Substitutions = ReadonlyMap<string, string>;

export interface SubstitutionProblem {
  code: LoaderCode;
  message: string;
  /** Relative to the definition. */
  pointer: string;
}

export interface Templated {
  definition: unknown;
  problems: SubstitutionProblem[];
}

/** The literal entries of a DefinitionSubstitutions or Fn::Sub variable map (strings, numbers, booleans). */
export function literalSubstitutions(map: unknown, into = new Map<string, string>()): Map<string, string> {
  if (map === null || typeof map !== 'object' || Array.isArray(map)) return into;
  for (const [name, value] of Object.entries(map)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') into.set(name, String(value));
  }
  return into;
}

const NAMED = /\$\{([^{}]+)\}/g;

function replaceKnown(text: string, values: Substitutions): string {
  return text.replace(NAMED, (whole, name: string) => values.get(name) ?? whole);
}

export interface TemplatedText {
  /** Placeholders written outside strings, by pointer from the parsed document's root (ParsedText.unquoted). */
  unquoted?: ReadonlyMap<string, string>;
  /** Where the definition sits in that document. */
  base: string;
  /** The text is YAML: a substituted plain scalar reads as whatever YAML makes of it, never an error. */
  yaml?: boolean;
  /** The text is a file CloudFormation reads as JSON and then as YAML, so a substitution that is not JSON still deploys. */
  viaYaml?: boolean;
}

/** The definition with every known value put in, as text, where the text was written. */
export function applySubstitutions(definition: unknown, values: Substitutions | undefined, text: TemplatedText): Templated {
  const { unquoted, base } = text;
  const problems: SubstitutionProblem[] = [];
  if (!values || values.size === 0) return { definition, problems };
  const visit = (value: unknown, pointer: string): unknown => {
    const placeholder = unquoted?.get(base + pointer);
    if (placeholder !== undefined) return unquotedValue(placeholder, values, pointer, text, problems);
    if (typeof value === 'string') return value.includes('${') ? replaceKnown(value, values) : value;
    if (Array.isArray(value)) return value.map((item, i) => visit(item, `${pointer}/${i}`));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: visit(member, `${pointer}/${escapePointerToken(key)}`), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return { definition: visit(definition, ''), problems };
}

function unquotedValue(placeholder: string, values: Substitutions, pointer: string, how: TemplatedText, problems: SubstitutionProblem[]): unknown {
  const text = replaceKnown(placeholder, values);
  if (text === placeholder) return placeholder;
  try {
    return JSON.parse(text);
  } catch {
    if (how.yaml) return text; // a YAML plain scalar that is not a number, boolean or null is a string
    const shown = JSON.stringify(text);
    if (how.viaYaml) {
      problems.push({
        code: 'definition-not-json',
        message: `${placeholder} becomes ${shown} after substitution, which is not JSON; CloudFormation reads the file as YAML then and deploys the text as a string, but the Step Functions API would refuse the file; put the placeholder in double quotes ("${placeholder}")`,
        pointer,
      });
      return text;
    }
    problems.push({
      code: 'parse-error',
      message: `${placeholder} becomes ${shown} after substitution, which is not a JSON value, so the definition AWS receives does not parse; put the placeholder in double quotes ("${placeholder}") or substitute a number, true, false or null`,
      pointer,
    });
    return placeholder;
  }
}

/** Substitution problems as diagnostics, positioned where the placeholder is written. */
export function substitutionDiagnostics(problems: readonly SubstitutionProblem[], locate: (pointer: string) => SourcePosition): Diagnostic[] {
  return problems.map((problem) => loaderDiagnostic(problem.code, problem.message, locate(problem.pointer), problem.pointer));
}
