/**
 * One fix, one finding: when two rules report the same path and one of them names the other in
 * `meta.supersedes`, only the more specific finding is kept. A rule that is off reports nothing, so the
 * general rule still speaks when the specific one is turned off.
 */
import type { Finding } from '../diagnostics.js';
import { rules } from './rules/index.js';

/** Rule id → the ids of the rules that supersede it. */
const supersededBy = new Map<string, string[]>();
for (const rule of rules)
  for (const general of rule.meta.supersedes ?? []) supersededBy.set(general, [...(supersededBy.get(general) ?? []), rule.meta.id]);

export function dropSuperseded(findings: readonly Finding[]): Finding[] {
  if (findings.length < 2) return [...findings];
  const at = new Set(findings.map((f) => `${f.code}\u0000${f.path}`));
  return findings.filter((f) => !(supersededBy.get(f.code) ?? []).some((specific) => at.has(`${specific}\u0000${f.path}`)));
}
