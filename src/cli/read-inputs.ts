/**
 * Turns command-line inputs (files, directories, globs, "-") into loaded files, keeping each file's
 * text so the stylish format can quote the offending line. Problems with the inputs themselves
 * (missing paths, globs matching nothing, unreadable files) are collected, not thrown: the other
 * inputs are still checked, and the command exits 2.
 */
import { dirname, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { LoadedFile } from '../source/types.js';
import { expandInputs, loadText } from '../source/index.js';
import { reasonOf } from '../source/load-file.js';

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
  const { files: paths, problems } = await expandInputs([...inputs], cwd);
  const files: ReadInput[] = [];
  for (const path of paths) {
    let text: string;
    try {
      // Synchronous reads: definitions are small, and this beats the thread pool's round trips.
      text = path === '-' ? await readAll(stdin) : readFileSync(resolve(cwd, path), 'utf8');
    } catch (error) {
      problems.push(`cannot read ${path}: ${reasonOf(error)}`);
      continue;
    }
    try {
      const baseDir = path === '-' ? cwd : dirname(resolve(cwd, path));
      files.push({ loaded: loadText(text, path, { baseDir }), text });
    } catch (error) {
      // The loader turns bad input into diagnostics; an exception here is a bug. Keep going with the rest.
      problems.push(`internal error while reading ${path}: ${error instanceof Error ? error.message : String(error)} (a bug in asl-toolkit; please report it)`);
    }
  }
  return { files, problems };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
