import { Readable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { BufferStream } from '../../src/cli/io.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixtures = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `asl` in-process with buffers for streams; cwd defaults to the CLI fixtures folder. */
export async function runCli(
  argv: string[],
  { stdin = '', env = {}, cwd = fixtures, tty = false }: { stdin?: string; env?: Record<string, string>; cwd?: string; tty?: boolean } = {},
): Promise<CliRun> {
  const stdout = new BufferStream();
  const stderr = new BufferStream();
  stdout.isTTY = tty;
  const code = await main(argv, { stdout, stderr, stdin: Readable.from([stdin]), env, cwd });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the BUILT executable (`npm test` builds first), as a user or CI would. */
export function spawnCli(argv: string[], { stdin = '', env = {}, cwd = fixtures }: { stdin?: string; env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const cleanEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR'].includes(k)) cleanEnv[k] = v;
  const child = spawnSync(process.execPath, [`${repoRoot}bin/asl.js`, ...argv], {
    cwd,
    input: stdin,
    encoding: 'utf8',
    env: { ...cleanEnv, ...env },
  });
  return { code: child.status ?? -1, stdout: child.stdout, stderr: child.stderr };
}
