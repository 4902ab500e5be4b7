import type { RegisterCommand } from '../context.js';

/** The command modules, loaded only when the command line is parsed (see RegisterCommand). */

export const commandModules: Array<() => Promise<{ register: RegisterCommand }>> = [
  () => import('./validate.js'),
  () => import('./run.js'),
  () => import('./graph.js'),
  () => import('./lint.js'),
];
