/**
 * Turns command-line inputs (files, directories, globs, "-") into loaded files, keeping each file's
 * text so the stylish format can quote the offending line. Problems with the inputs themselves
 * (missing paths, globs matching nothing, unreadable files) are collected, not thrown: the other
 * inputs are still checked, and the command exits 2.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedFile } from '../source/types.js';
import { expandInputs, loadText } from '../source/index.js';

export interface ReadInput {
  loaded: LoadedFile;
  text: string;
}

export interface ReadInputsResult {
  files: ReadInput[];
  /** One line each, ready to print. */
  problems: string[];
}

export async function readInputs(
  inputs: readonly string[],
  cwd: string,
  stdin: NodeJS.ReadableStream,
): Promise<ReadInputsResult> {
  const problems: string[] = [];
  const files: ReadInput[] = [];
  const paths = inputs.filter((input) => input !== '-');
  const expanded = paths.length > 0 ? await expandInputs(paths, cwd) : { files: [], problems: [] };
  for (const problem of expanded.problems as unknown[]) problems.push(describeProblem(problem));
  // stdin is read once, where the first "-" appears among the inputs.
  let stdinDone = !inputs.includes('-');
  if (!stdinDone && inputs[0] === '-') {
    files.push(loadStdin(await readAll(stdin)));
    stdinDone = true;
  }
  for (const file of expanded.files as unknown[]) {
    const path = typeof file === 'string' ? file : String((file as { path?: string; file?: string }).path ?? (file as { file?: string }).file);
    let text: string;
    try {
      text = readFileSync(resolve(cwd, path), 'utf8');
    } catch (error) {
      problems.push(`cannot read ${path}: ${reasonOf(error)}`);
      continue;
    }
    try {
      files.push({ loaded: loadText(text, path), text });
    } catch (error) {
      // The loader turns bad input into diagnostics; an exception here is a bug. Keep going with the rest.
      problems.push(`internal error while reading ${path}: ${error instanceof Error ? error.message : String(error)} (a bug in asl-toolkit; please report it)`);
    }
  }
  if (!stdinDone) files.push(loadStdin(await readAll(stdin)));
  return { files, problems };
}

function loadStdin(text: string): ReadInput {
  return { loaded: loadText(text, '-'), text };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

function describeProblem(problem: unknown): string {
  if (typeof problem === 'string') return problem;
  if (problem && typeof problem === 'object' && 'message' in problem) return String((problem as { message: unknown }).message);
  return String(problem);
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
