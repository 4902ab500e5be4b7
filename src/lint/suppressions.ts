/**
 * Inline suppressions: JSON has no comments, so a state's `Comment` says `asl-disable <id>[, <id>]` and the
 * top-level `Comment` says `asl-disable-file <id>[, <id>]`. Each directive remembers whether it silenced
 * anything, for `--report-unused-disables`.
 */
import type { Finding } from '../diagnostics.js';
import { joinPointer } from '../asl/pointer.js';
import { suggestNearest } from '../asl/suggest.js';
import type { MachineModel } from '../asl/walker.js';
import type { Text } from '../asl/types.js';
import { rulesById } from './rules/index.js';

export interface Directive {
  id: string;
  /** Pointer of the `Comment` that holds it. */
  comment: string;
  /** The state it covers (with everything nested in it); undefined for asl-disable-file. */
  state?: string;
  used: boolean;
}

export interface Disables {
  file: Directive[];
  /** State pointer → its directives. */
  states: Map<string, Directive[]>;
}

function idsAfter(comment: Text | undefined, directive: string): string[] | undefined {
  if (typeof comment !== 'string') return undefined;
  const match = new RegExp(`${directive}\\s+([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)`).exec(comment);
  return match ? [...new Set(match[1]!.split(',').map((s) => s.trim()))] : undefined;
}

export function collectDisables(model: MachineModel): Disables {
  const states = new Map<string, Directive[]>();
  for (const node of model.states) {
    const ids = idsAfter(node.state.Comment, 'asl-disable(?!-file)');
    const comment = joinPointer(node.pointer, 'Comment');
    if (ids) states.set(node.pointer, ids.map((id) => ({ id, comment, state: node.pointer, used: false })));
  }
  const file = (idsAfter(model.topLevel.Comment, 'asl-disable-file') ?? []).map((id) => ({ id, comment: '/Comment', used: false }));
  return { file, states };
}

/** True when a directive silences this rule at this path; marks the directive used. */
export function isSuppressed(disables: Disables, id: string, path: string): boolean {
  let hit = false;
  for (const d of disables.file)
    if (d.id === id) {
      d.used = true;
      hit = true;
    }
  if (disables.states.size === 0) return hit;
  // The state itself and every enclosing state: walk the pointer up one segment at a time.
  for (let p = path; ; ) {
    for (const d of disables.states.get(p) ?? [])
      if (d.id === id) {
        d.used = true;
        hit = true;
      }
    const cut = p.lastIndexOf('/');
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return hit;
}

/** A finding for every directive that silenced nothing (run after every rule has reported). */
export function unusedDisables(disables: Disables): Finding[] {
  const out: Finding[] = [];
  for (const d of [...disables.file, ...[...disables.states.values()].flat()]) {
    if (d.used) continue;
    const directive = d.state ? 'asl-disable' : 'asl-disable-file';
    let message: string;
    if (!rulesById.has(d.id)) {
      const near = suggestNearest(d.id, rulesById.keys());
      message = `"${directive} ${d.id}" names no rule${near ? `; did you mean "${near}"?` : '; run "asl rules" to list them.'}`;
    } else message = `"${directive} ${d.id}" silences nothing: ${d.id} reports nothing ${d.state ? 'for this state' : 'in this machine'}. Remove it from the Comment.`;
    out.push({ code: 'unused-disable', severity: 'warning', path: d.comment, message });
  }
  return out;
}
