import { shadowedEntryRule } from '../errors.js';

/** Catch entries are tried in order; one whose errors an earlier entry already covers can never match. */
export const catchShadowed = shadowedEntryRule('Catch');
