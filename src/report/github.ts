import type { Diagnostic } from '../diagnostics.js';
import type { Formatter } from './types.js';

/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per diagnostic,
 * which the runner turns into annotations on the pull request.
 * See https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
export const formatGithub: Formatter = (results) => {
  let out = '';
  for (const result of results) {
    for (const d of result.diagnostics) out += annotation(result.file, d) + '\n';
  }
  return out;
};

const commandFor = { error: 'error', warning: 'warning', info: 'notice' } as const;

function annotation(file: string, d: Diagnostic): string {
  const props = [`file=${escapeProperty(file)}`, `line=${d.line}`, `col=${d.column}`];
  if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
  if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
  props.push(`title=${escapeProperty(d.code)}`);
  const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
  return `::${commandFor[d.severity]} ${props.join(',')}::${escapeData(message)}`;
}

/** The runner's escaping for the message part. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Properties additionally escape the separators `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
