/** The output formats shared by `asl validate` and `asl lint` (all loaded: for the library and tests). */
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import type { FormatName } from './names.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
} satisfies Record<FormatName, Formatter>;

export { formatNames, isFormatName, type FormatName } from './names.js';
export { loadFormatter } from './load.js';
export { countProblems } from './counts.js';
export * from './types.js';
