/**
 * Where in the user's file a definition problem found by `asl run` sits: the RunSetupError names a JSON
 * Pointer, and this turns it into `file:line:column` the way validate reports positions. Runs only on that
 * error path, so the template loader is loaded only then; stdin cannot be read twice and keeps the pointer.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CommandContext } from './context.js';

export async function placedMessage(ctx: CommandContext, file: string, machineName: string | undefined, error: Error & { pointer?: string }): Promise<string> {
  if (error.pointer === undefined || file === '-') return error.message;
  try {
    const { loadText } = await import('../source/index.js');
    const path = resolve(ctx.cwd, file);
    const loaded = await loadText(readFileSync(path, 'utf8'), file, { baseDir: dirname(path) });
    const machine = (machineName === undefined ? undefined : loaded.machines.find((m) => m.name === machineName)) ?? loaded.machines[0];
    if (!machine) return error.message;
    const { line, column } = machine.locate(error.pointer);
    return `${file}:${line}:${column}: ${error.message}`;
  } catch {
    // The position is a courtesy: without it the message still names the pointer.
    return error.message;
  }
}
