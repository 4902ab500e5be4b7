/**
 * Values that only get their real value at deploy time: CloudFormation intrinsic functions
 * (`Ref`, `Fn::GetAtt`, `Fn::Sub` … and their YAML short tags, which the loader turns into the long form)
 * and placeholders filled in by a templating step: `${Name}` (SAM and CloudFormation
 * DefinitionSubstitutions, `Fn::Sub`, Terraform `templatefile`, Serverless `${self:…}` variables, which
 * nest), `#{AWS::AccountId}` (the Serverless pseudo-parameters syntax) and `{{resolve:ssm:…}}`
 * (CloudFormation dynamic references). Checks treat them as "some value we cannot see", never as an error.
 */
export function isIntrinsicObject(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}

const OPENERS = ['${', '#{', '{{resolve:'] as const;

/**
 * Offset just past the placeholder that opens at `at`, or -1 when none opens there (or it never closes
 * on its line). Braces nest (`${self:custom.${opt:stage}}`, Terraform's `${jsonencode({a = 1})}`), and a
 * quoted string inside a Terraform expression may hold a brace.
 */
export function placeholderEnd(text: string, at: number): number {
  const opener = OPENERS.find((open) => text.startsWith(open, at));
  if (!opener) return -1;
  if (opener === '{{resolve:') {
    const close = text.indexOf('}}', at);
    const newline = text.indexOf('\n', at);
    return close === -1 || (newline !== -1 && newline < close) ? -1 : close + 2;
  }
  let depth = 0;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
    else if (c === '\n' && depth <= 1) return -1; // a placeholder's name never spans lines
    else if (c === '"' && opener === '${' && depth > 0) {
      // A Terraform string literal inside the expression: skip it whole.
      const close = /(?:[^"\\\n]|\\.)*"/y;
      close.lastIndex = i + 1;
      if (!close.test(text)) return -1;
      i = close.lastIndex - 1;
    }
  }
  return -1;
}

/** True when a string holds a substitution placeholder such as `${OrderFunctionArn}`, `#{AWS::Region}` or `{{resolve:ssm:x}}`. */
export function hasPlaceholder(value: string): boolean {
  for (let at = firstOpener(value, 0); at !== -1; at = firstOpener(value, at + 1)) {
    if (placeholderEnd(value, at) !== -1) return true;
  }
  return false;
}

function firstOpener(value: string, from: number): number {
  let best = -1;
  for (const open of OPENERS) {
    const at = value.indexOf(open, from);
    if (at !== -1 && (best === -1 || at < best)) best = at;
  }
  return best;
}

/** True when a string is nothing but one placeholder, so it may stand for a number, boolean or object after substitution. */
export function isWholePlaceholder(value: unknown): value is string {
  return typeof value === 'string' && placeholderEnd(value, 0) === value.length;
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
