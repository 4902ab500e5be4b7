/** The registry: every rule, built from its meta. */
import type { Rule } from '../rule.js';
import { taskTimeout } from './task-timeout.js';
import { taskHeartbeat } from './task-heartbeat.js';
import { taskRetry } from './task-retry.js';
import { lambdaTransientRetry } from './lambda-transient-retry.js';
import { mapConcurrency } from './map-concurrency.js';
import { choiceDefault } from './choice-default.js';
import { catchMissing } from './catch-missing.js';
import { retryShadowed } from './retry-shadowed.js';
import { catchShadowed } from './catch-shadowed.js';
import { retryMaxDelay } from './retry-max-delay.js';
import { expressUnsupported } from './express-unsupported.js';
import { hardcodedAccount } from './hardcoded-account.js';
import { parallelSingleBranch } from './parallel-single-branch.js';
import { passChain } from './pass-chain.js';
import { legacyMapFields } from './legacy-map-fields.js';
import { pathMissingDollar } from './path-missing-dollar.js';
import { passStaticResult } from './pass-static-result.js';
import { undefinedVariable } from './undefined-variable.js';
import { unusedVariable } from './unused-variable.js';
import { pathFieldName } from './path-field-name.js';

export const rules: readonly Rule[] = [
  taskTimeout, taskHeartbeat, taskRetry, lambdaTransientRetry, mapConcurrency, choiceDefault, catchMissing,
  retryShadowed, catchShadowed, retryMaxDelay, expressUnsupported, hardcodedAccount, parallelSingleBranch, passChain, legacyMapFields,
  pathMissingDollar, passStaticResult, undefinedVariable, unusedVariable, pathFieldName,
];
export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((r) => [r.meta.id, r]));
