/**
 * The flags `asl validate` and `asl lint` share, declared once so both commands spell,
 * document and parse them identically.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { formatNames } from '../report/names.js';

/** The --format choices: the names only (src/report/names.ts), so registering the commands loads no formatter. */
export const FORMAT_NAMES = formatNames;

export interface CheckOptions {
  format: string;
  /** true: --color, false: --no-color, undefined: decide from NO_COLOR/FORCE_COLOR/terminal. */
  color?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  outputFile?: string;
  /** Keep running: re-check changed files and redraw the results until Ctrl-C (src/cli/watch.ts). */
  watch?: boolean;
}

export function addCheckOptions(command: Command): Command {
  return command
    .option('-f, --format <format>', `output format: ${FORMAT_NAMES.join(', ')}`, 'stylish')
    .option('--color', 'force coloured output (default: colour on a terminal unless NO_COLOR is set)')
    .option('--no-color', 'disable coloured output (NO_COLOR is honoured too; default: colour on a terminal)')
    .option('-q, --quiet', 'report errors only, not warnings or info')
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings (default: no limit)', parseCount)
    .option('-o, --output <file>', 'write the report to a file (default: stdout)')
    .option('-w, --watch', 're-check files as they change and redraw the results; Ctrl-C stops (default: off)');
}

/** Maps commander's parsed option bag to CheckOptions. */
export function readCheckOptions(opts: Record<string, unknown>): CheckOptions {
  return {
    format: String(opts.format ?? 'stylish'),
    color: typeof opts.color === 'boolean' ? opts.color : undefined,
    quiet: opts.quiet === true,
    maxWarnings: typeof opts.maxWarnings === 'number' ? opts.maxWarnings : undefined,
    outputFile: typeof opts.output === 'string' ? opts.output : undefined,
    watch: opts.watch === true,
  };
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of 0 or more.');
  return Number(value);
}
