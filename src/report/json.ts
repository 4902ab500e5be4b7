import type { Formatter } from './types.js';

/**
 * The machine-readable contract: an array with one entry per state machine,
 * `{ file, machine, valid, diagnostics }` (plus `name` for machines found in templates).
 */
export const formatJson: Formatter = (results) => {
  const entries = results.map((r) => ({
    file: r.file,
    machine: r.machine,
    ...(r.name !== undefined ? { name: r.name } : {}),
    valid: r.valid,
    diagnostics: r.diagnostics,
  }));
  return JSON.stringify(entries, null, 2) + '\n';
};
