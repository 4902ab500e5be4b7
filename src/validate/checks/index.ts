import type { SemanticCheck } from '../check.js';
import { jsonataCheck } from './jsonata.js';
import { structureChecks } from './structure.js';

/** Every semantic check, in the order they run. */
export const semanticChecks: SemanticCheck[] = [...structureChecks, jsonataCheck];
