/** The registry: every rule, built from its meta. */
import type { Rule } from '../rule.js';
import { taskTimeout } from './task-timeout.js';
import { taskRetry } from './task-retry.js';
import { choiceDefault } from './choice-default.js';
import { mapConcurrency } from './map-concurrency.js';
import { parallelSingleBranch } from './parallel-single-branch.js';
import { legacyMapFields } from './legacy-map-fields.js';

export const rules: readonly Rule[] = [taskTimeout, taskRetry, choiceDefault, mapConcurrency, parallelSingleBranch, legacyMapFields];
export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
