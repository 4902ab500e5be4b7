/** Inline suppressions: JSON has no comments, so a state's `Comment` says `asl-disable <id>[, <id>]`. */
import type { MachineModel } from '../asl/walker.js';

export interface Disables {
  file: Set<string>;
  /** State pointer → rule ids disabled for that state and everything under it. */
  states: Map<string, Set<string>>;
}

function idsAfter(comment: unknown, directive: string): Set<string> | undefined {
  if (typeof comment !== 'string') return undefined;
  const match = new RegExp(`${directive}\\s+([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)`).exec(comment);
  return match ? new Set(match[1]!.split(',').map((s) => s.trim())) : undefined;
}

export function collectDisables(model: MachineModel): Disables {
  const top = model.root.raw as Record<string, unknown>;
  const states = new Map<string, Set<string>>();
  for (const node of model.states) {
    const ids = idsAfter(node.raw.Comment, 'asl-disable(?!-file)');
    if (ids) states.set(node.pointer, ids);
  }
  return { file: idsAfter(top.Comment, 'asl-disable-file') ?? new Set(), states };
}

export function isSuppressed(disables: Disables, id: string, path: string): boolean {
  if (disables.file.has(id)) return true;
  for (const [pointer, ids] of disables.states) {
    if (ids.has(id) && (path === pointer || path.startsWith(`${pointer}/`))) return true;
  }
  return false;
}
