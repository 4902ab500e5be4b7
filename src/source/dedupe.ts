/**
 * One definition file, one report. A definition file can reach a run several ways: named directly
 * or found by a search, and through the `DefinitionUri` of one or more templates among the inputs.
 * Checking each copy would report every finding several times.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedFile } from './types.js';

/**
 * Drops repeated machines in place. A definition file that a template names loses its own copy: the
 * template's knows the logical id and workflow type (the file's file-level findings stay). Of several
 * templates naming one file, the first keeps it; a second one that declares another workflow type keeps
 * its copy too, since Express and Standard machines are checked differently.
 */
export function dropRepeatedMachines(files: readonly LoadedFile[], cwd: string): void {
  const real = memoRealPath(cwd);
  const viaTemplate = new Set<string>();
  for (const loaded of files) {
    for (const machine of loaded.machines) if (machine.file !== loaded.file) viaTemplate.add(real(machine.file));
  }
  if (viaTemplate.size === 0) return;
  const kept = new Set<string>();
  for (const loaded of files) {
    const own = loaded.file !== '-' && viaTemplate.has(real(loaded.file));
    loaded.machines = loaded.machines.filter((machine) => {
      if (machine.file === loaded.file) return !own;
      const key = `${real(machine.file)}\0${machine.workflowType ?? ''}`;
      if (kept.has(key)) return false;
      kept.add(key);
      return true;
    });
  }
}

/** The file behind symbolic links (two names of one file count once), looked up once per name. */
function memoRealPath(cwd: string): (file: string) => string {
  const cache = new Map<string, string>();
  return (file) => {
    let real = cache.get(file);
    if (real === undefined) {
      const absolute = resolve(cwd, file);
      try {
        real = realpathSync.native(absolute);
      } catch {
        real = absolute;
      }
      cache.set(file, real);
    }
    return real;
  };
}
