import { shadowedEntryRule } from '../errors.js';

/** Retry entries are tried in order; one whose errors an earlier entry already covers can never match. */
export const retryShadowed = shadowedEntryRule('Retry');
