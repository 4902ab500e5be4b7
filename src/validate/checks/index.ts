import type { SemanticCheck } from '../check.js';

/** Every semantic check, in the order they run. */
export const semanticChecks: SemanticCheck[] = [];
