import type { Command } from 'commander';
import type { CommandContext } from '../context.js';

/**
 * Each command module registers its flags and a lazy action; the heavy work it does
 * (the validator, the interpreter, ink) is imported only when that command runs.
 */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

export const commandModules: Array<() => Promise<{ register: RegisterCommand }>> = [
  () => import('./validate.js'),
  () => import('./run.js'),
  () => import('./graph.js'),
  () => import('./lint.js'),
];
