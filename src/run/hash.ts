/**
 * Hex digests for States.Hash and JSONata's $hash. node:crypto (about 10 ms to load) is required on the
 * first hash only: most machines never hash, and the interpreter's modules load on every run.
 */
import { createRequire } from 'node:module';

/** The algorithm names Step Functions accepts, mapped to node:crypto's. */
export const HASH_ALGORITHMS: Readonly<Record<string, string>> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

let createHash: typeof import('node:crypto').createHash | undefined;

/** The hex digest of text with a node:crypto algorithm name (a value of HASH_ALGORITHMS). */
export function hexDigest(algorithm: string, text: string): string {
  createHash ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash;
  return createHash(algorithm).update(text).digest('hex');
}
