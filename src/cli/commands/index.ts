import type { RegisterCommand } from '../context.js';
import { register as registerGraph } from './graph.js';
import { register as registerLint } from './lint.js';
import { register as registerRun } from './run.js';
import { register as registerTest } from './test.js';
import { register as registerValidate } from './validate.js';

/**
 * The commands, in the order help lists them. Registering is cheap: each module declares its flags and help
 * text and imports the code that does the work only when its action runs. Every command is registered on every
 * start, so these are static imports (one chunk of the command-line bundle, not five).
 */
export const commands: readonly RegisterCommand[] = [registerValidate, registerRun, registerGraph, registerLint, registerTest];
