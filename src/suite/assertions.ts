/**
 * `expect.assert`: JSONata expressions over { status, output, error, cause, path, states, variables,
 * transitions } that must each be true. A failure prints the expression and, for a comparison or a
 * logical operator at the top, what each side evaluated to, so the reader sees why without re-running.
 * jsonata loads only when a scenario has assertions.
 */
import { createRequire } from 'node:module';
import { assertionInput, type Outcome } from './outcome.js';
import type { Failure } from './types.js';

type Jsonata = typeof import('jsonata');

/** Expression text of the two sides of a top-level binary operator, from the operator's end offset. */
function sides(jsonata: Jsonata, text: string): [string, string, string] | undefined {
  const ast = jsonata(text).ast() as { type?: string; value?: unknown; position?: number };
  if (ast.type !== 'binary' || typeof ast.value !== 'string' || typeof ast.position !== 'number') return undefined;
  const left = text.slice(0, ast.position - ast.value.length).trim();
  const right = text.slice(ast.position).trim();
  return left && right ? [left, ast.value, right] : undefined;
}

function show(value: unknown): string {
  if (value === undefined) return '(nothing)';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

async function explain(jsonata: Jsonata, text: string, input: unknown): Promise<string> {
  try {
    const parts = sides(jsonata, text);
    if (!parts) return '';
    const [left, operator, right] = parts;
    const [l, r] = await Promise.all([jsonata(left).evaluate(input), jsonata(right).evaluate(input)]);
    return `; ${left} is ${show(l)}, ${right} is ${show(r)} (operator ${operator})`;
  } catch {
    return '';
  }
}

export async function checkAssertions(expressions: string[], outcome: Outcome): Promise<Failure[]> {
  // jsonata is CommonJS; required on first use, as src/asl/jsonata-syntax.ts does.
  const jsonata = createRequire(import.meta.url)('jsonata') as Jsonata;
  const input = assertionInput(outcome);
  const failures: Failure[] = [];
  for (const [index, text] of expressions.entries()) {
    const label = `assert[${index}]`;
    let value: unknown;
    try {
      value = await jsonata(text).evaluate(input);
    } catch (error) {
      const e = error as { message?: string; position?: number };
      failures.push({ expectation: label, message: `${text}: does not evaluate: ${e.message ?? String(error)}${typeof e.position === 'number' ? ` (at character ${e.position})` : ''}` });
      continue;
    }
    if (value === true) continue;
    const verdict = typeof value === 'boolean' ? 'is false' : `gave ${show(value)}, not true`;
    failures.push({ expectation: label, message: `${text} ${verdict}${await explain(jsonata, text, input)}`, expected: true, actual: value });
  }
  return failures;
}
