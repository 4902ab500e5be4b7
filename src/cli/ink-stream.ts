/**
 * ink needs a real stream (events, columns); the CLI's injected streams may be simple writers.
 * Shared by the live views of asl run and watch mode (both loaded only when drawing with ink).
 */
import { Writable } from 'node:stream';
import type { OutputStream } from './io.js';

export function asWriteStream(out: OutputStream): NodeJS.WriteStream {
  if (typeof (out as { on?: unknown }).on === 'function') return out as NodeJS.WriteStream;
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      out.write(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY: true, columns: out.columns ?? 80, rows: 24 });
  return stream;
}
