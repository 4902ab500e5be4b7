import { readFileSync } from 'node:fs';

/** Reads the version from package.json next to dist/ (works from a clone and from an installed package). */
export function readOwnVersion(): string {
  try {
    const url = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
