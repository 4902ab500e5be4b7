/**
 * Values that only get their real value at deploy time: CloudFormation intrinsic functions
 * (`Ref`, `Fn::GetAtt`, `Fn::Sub` … and their YAML short tags, which the loader turns into the long form)
 * and `${Placeholder}` substitutions (SAM DefinitionSubstitutions, Terraform templatefile, Serverless variables).
 * Checks treat them as "some string we cannot see", never as an error.
 */
export function isIntrinsicObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

/**
 * `${Name}` (SAM DefinitionSubstitutions, Fn::Sub, Terraform, Serverless `${self:…}` / `${file(…)}`),
 * `#{Name}` (Serverless pseudo parameters) and `{{resolve:…}}` (CloudFormation dynamic references).
 */
const PLACEHOLDER = /\$\{[^}]*\}|#\{[^}]*\}|\{\{resolve:[^}]*\}\}/;

/** True when a string holds a substitution placeholder such as `${OrderFunctionArn}`, `#{AWS::Region}` or `{{resolve:ssm:x}}`. */
export function hasPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

/** True when a string is nothing but one placeholder, so it may stand for a number, boolean or object after substitution. */
function isWholePlaceholder(value: unknown): boolean {
  return typeof value === 'string' && /^\$\{[^}]*\}$/.test(value);
}

/** A value whose real content is not known until deployment. */
export function isUnresolved(value: unknown): boolean {
  return isIntrinsicObject(value) || isWholePlaceholder(value);
}
