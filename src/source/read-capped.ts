/**
 * Reading a file or a stream with a byte cap. A path can name a device (/dev/zero) or a pipe that never
 * ends, and stdin can be an endless producer (`yes | asl …`): reading stops one byte past the cap, so
 * memory and time stay bounded whatever the source, and the caller says what was too large.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** More than `limit` bytes were offered; `read` is how many were read before stopping. */
export class ReadCapExceeded extends Error {
  constructor(
    readonly limit: number,
    readonly read: number,
  ) {
    super(`more than ${limit} bytes`);
    this.name = 'ReadCapExceeded';
  }
}

const CHUNK = 64 * 1024;

/** The file's text (UTF-8), or ReadCapExceeded past `limit` bytes; fs errors (ENOENT, EISDIR …) pass through. */
export function readFileCapped(path: string, limit: number): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      chunks.push(n === buffer.length ? buffer : buffer.subarray(0, n));
      total += n;
      if (total > limit) throw new ReadCapExceeded(limit, total);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** A stream's text (UTF-8), or ReadCapExceeded past `limit` bytes; the stream is left unread after that. */
export async function readStreamCapped(stream: NodeJS.ReadableStream, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    total += buffer.length;
    if (total > limit) {
      // Stop listening; whatever produces the stream gets EPIPE once the process is gone.
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      throw new ReadCapExceeded(limit, total);
    }
  }
  return Buffer.concat(chunks, total).toString('utf8');
}
