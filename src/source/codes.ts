/**
 * Every code the loader can report, with its default severity. The CLI reads this table for SARIF's
 * rule list and docs/checks/<code>.md documents each entry.
 */
import type { Diagnostic, Severity } from '../diagnostics.js';

export const loaderCodes = {
  'parse-error': { description: 'The file (or a DefinitionString) is not valid JSON or YAML.', severity: 'error' },
  'duplicate-key': { description: 'An object has the same key twice (for example two states with one name).', severity: 'error' },
  'template-duplicate-key': {
    description: 'A template (outside any state machine definition) names a key twice, say a resource defined twice; the later one wins.',
    severity: 'warning',
  },
  'definition-not-json': {
    description: 'A definition file named by a template is not strict JSON; CloudFormation falls back to YAML and deploys it, the Step Functions API would not.',
    severity: 'warning',
  },
  'nesting-too-deep': { description: 'The document nests objects or arrays deeper than the loader accepts.', severity: 'error' },
  'file-too-large': {
    description: 'The file is too large to check in reasonable time (AWS itself accepts definitions up to 1 MB).',
    severity: 'error',
  },
  'not-a-state-machine': {
    description: 'The file is neither a state machine definition nor a template that holds one.',
    severity: 'error',
  },
  'definition-not-static': {
    description: 'A template builds the definition at deploy time (Fn::If, Ref …), so it cannot be checked.',
    severity: 'warning',
  },
  'definition-not-local': {
    description: 'A template points at a definition in S3 that is not a local file, so it is skipped.',
    severity: 'info',
  },
  'definition-file-unreadable': {
    description: 'A template names a local definition file (DefinitionUri / DefinitionS3Location) that cannot be read.',
    severity: 'error',
  },
} as const satisfies Record<string, { description: string; severity: Severity }>;

export type LoaderCode = keyof typeof loaderCodes;

/** A loader diagnostic with the table's severity. `path` is relative to the definition when there is one, else to the file. */
export function loaderDiagnostic(
  code: LoaderCode,
  message: string,
  where: { line: number; column: number; endLine?: number; endColumn?: number },
  path = '',
): Diagnostic {
  return { code, severity: loaderCodes[code].severity, message, path, ...where };
}
