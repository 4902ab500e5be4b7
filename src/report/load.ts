/**
 * One formatter, imported when it is needed: a run prints one format, so it loads one formatter
 * (SARIF's and JUnit's builders stay out of a pre-commit hook's start-up).
 */
import type { FormatName } from './names.js';
import type { Formatter } from './types.js';

export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).formatStylish;
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
    case 'github':
      return (await import('./github.js')).formatGithub;
    case 'junit':
      return (await import('./junit.js')).formatJunit;
  }
}
