/**
 * The structural semantic checks: references, reachability, termination, Choice rules, Retry/Catch,
 * exclusive fields, Distributed Map, query language and state names. (Path, payload and JSONata
 * checks live in their own modules.)
 */
import type { SemanticCheck } from '../check.js';
import { choiceRulesCheck } from './choice-rules.js';
import { distributedMapCheck } from './distributed-map.js';
import { exclusiveFieldsCheck } from './exclusive-fields.js';
import { queryLanguageCheck } from './query-language.js';
import { reachabilityCheck } from './reachability.js';
import { referencesCheck } from './references.js';
import { retryCatchCheck } from './retry-catch.js';
import { stateNamesCheck } from './state-names.js';
import { terminationCheck } from './termination.js';

export const structureChecks: SemanticCheck[] = [
  referencesCheck,
  reachabilityCheck,
  terminationCheck,
  choiceRulesCheck,
  retryCatchCheck,
  exclusiveFieldsCheck,
  distributedMapCheck,
  queryLanguageCheck,
  stateNamesCheck,
];
