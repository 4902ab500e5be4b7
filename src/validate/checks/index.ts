import type { SemanticCheck } from '../check.js';
import { jsonataCheck } from './jsonata.js';
import { structureChecks } from './structure.js';
import { pathsCheck } from './paths.js';
import { intrinsicsCheck } from './intrinsics.js';
import { payloadCheck } from './payload.js';
import { credentialsCheck } from './credentials.js';
import { resourceCheck } from './resource.js';
import { variablesCheck } from './variables.js';

/** Every semantic check, in the order they run. */
export const semanticChecks: SemanticCheck[] = [...structureChecks, jsonataCheck, pathsCheck, intrinsicsCheck, payloadCheck, credentialsCheck, resourceCheck, variablesCheck];
