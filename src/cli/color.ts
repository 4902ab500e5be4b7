/**
 * Decides whether to colour output, in one place, because chalk on its own ignores NO_COLOR and
 * formatters must not look at the terminal. Order: the --color/--no-color flag, then NO_COLOR
 * (https://no-color.org: any non-empty value disables), then FORCE_COLOR, then whether the stream is a terminal.
 */
import type { Painter } from '../report/types.js';
import { plainPainter } from '../report/types.js';
import type { OutputStream } from './io.js';

export type ColorLevel = 0 | 1 | 2 | 3;

export function decideColorLevel(
  flag: boolean | undefined,
  env: Record<string, string | undefined>,
  stream: Pick<OutputStream, 'isTTY'> | undefined,
): ColorLevel {
  const forced = forceColorLevel(env.FORCE_COLOR);
  if (flag === false) return 0;
  if (flag === true) return forced || 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (forced !== undefined) return forced;
  if (!stream?.isTTY) return 0;
  if (env.TERM === 'dumb') return 0;
  return 1;
}

/** FORCE_COLOR as Node and chalk read it: "0"/"false" off, ""/"1"/"true" basic, "2" 256 colours, "3" truecolor. */
function forceColorLevel(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true') return 1;
  if (value === 'false') return 0;
  const n = Number.parseInt(value, 10);
  if (Number.isNaN(n)) return undefined;
  return Math.max(0, Math.min(3, n)) as ColorLevel;
}

/** A painter for the formatters: chalk at the decided level, or identity functions (chalk not even loaded). */
export async function makePainter(level: ColorLevel): Promise<Painter> {
  if (level === 0) return plainPainter;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return {
    red: (t) => chalk.red(t),
    yellow: (t) => chalk.yellow(t),
    blue: (t) => chalk.blue(t),
    green: (t) => chalk.green(t),
    dim: (t) => chalk.dim(t),
    bold: (t) => chalk.bold(t),
    underline: (t) => chalk.underline(t),
  };
}
