/**
 * ink needs a real stream (events, columns); the CLI's injected streams may be simple writers.
 * Shared by the live views of asl run and watch mode (both loaded only when drawing with ink).
 */
import { Writable } from 'node:stream';
import type { OutputStream } from './io.js';

const DEFAULT_COLUMNS = 80;
const DEFAULT_ROWS = 24;

/**
 * A usable terminal size: some CI pseudo-terminals report 0 columns and rows (or none at all). Given 0
 * columns, ink lays text out one character per line, and given 0 rows it treats every frame as taller
 * than the screen and clears the screen each time; so 0, a missing or a nonsensical size is the default.
 */
export function usableSize(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

export function asWriteStream(out: OutputStream): NodeJS.WriteStream {
  if (typeof (out as { on?: unknown }).on === 'function') return withUsableSize(out as NodeJS.WriteStream);
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      out.write(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  const rows = (out as { rows?: unknown }).rows;
  Object.assign(stream, { isTTY: true, columns: usableSize(out.columns, DEFAULT_COLUMNS), rows: usableSize(rows, DEFAULT_ROWS) });
  return stream;
}

/**
 * A real stream (process.stdout) as it is, except that its size is read through usableSize. A view, not a
 * copy: a resize still shows (the size is read live and 'resize' listeners reach the stream), and the
 * stream itself is left untouched.
 */
function withUsableSize(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  return new Proxy(stream, {
    get(target, key) {
      if (key === 'columns') return usableSize(target.columns, DEFAULT_COLUMNS);
      if (key === 'rows') return usableSize(target.rows, DEFAULT_ROWS);
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
