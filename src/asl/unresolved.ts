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

const PLACEHOLDER = /\$\{[^}]*\}/;

/** True when a string holds a substitution placeholder such as `${OrderFunctionArn}` or `${self:custom.x}`. */
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

/**
 * A CloudFormation intrinsic as a person wrote it, for messages and history: `!GetAtt Fn.Arn`, `!Ref Name`,
 * a `!Sub` as its template text (`arn:aws:lambda:${AWS::Region}:…`); undefined for anything else.
 */
export function intrinsicText(value: unknown): string | undefined {
  if (!isIntrinsicObject(value)) return undefined;
  const [key, arg] = Object.entries(value as Record<string, unknown>)[0]!;
  if (key === 'Ref' && typeof arg === 'string') return `!Ref ${arg}`;
  if (key === 'Fn::GetAtt') {
    if (typeof arg === 'string') return `!GetAtt ${arg}`;
    if (Array.isArray(arg) && arg.every((part) => typeof part === 'string')) return `!GetAtt ${arg.join('.')}`;
  }
  if (key === 'Fn::Sub') {
    if (typeof arg === 'string') return arg;
    if (Array.isArray(arg) && typeof arg[0] === 'string') return arg[0];
  }
  return `!${key.replace(/^Fn::/, '')} ${JSON.stringify(arg)}`;
}
