/**
 * The ink live view on a terminal that reports a size of 0 (some CI pseudo-terminals do): it must draw
 * at a default width of 80, not one character per line.
 */
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { asWriteStream, usableSize } from '../../src/cli/ink-stream.js';
import { BufferStream } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const cwd = path.resolve(import.meta.dirname, '../fixtures/run/cli');

describe('the stream ink draws on', () => {
  test('a size of 0, none or nonsense is the default 80 × 24; a real size is kept', () => {
    expect([0, undefined, -5, Number.NaN, 0.5, '120'].map((v) => usableSize(v, 80))).toEqual([80, 80, 80, 80, 80, 80]);
    expect(usableSize(132, 80)).toBe(132);
  });

  test('a real stream of 0 columns and rows reads as 80 × 24, is written through, and is left untouched', () => {
    const target = Object.assign(new PassThrough(), { isTTY: true, columns: 0, rows: 0 });
    const stream = asWriteStream(target);
    expect(stream.columns).toBe(80);
    expect(stream.rows).toBe(24);
    expect(stream.isTTY).toBe(true);
    stream.write('hello');
    expect(String(target.read())).toBe('hello');
    expect(target.columns).toBe(0);
    // A resize shows through, and 'resize' listeners are the stream's own.
    let resized = 0;
    const listener = () => void resized++;
    stream.on('resize', listener);
    target.columns = 132;
    target.emit('resize');
    expect(stream.columns).toBe(132);
    expect(resized).toBe(1);
    stream.off('resize', listener);
    expect(target.listenerCount('resize')).toBe(0);
  });

  test('an injected writer of 0 columns gets a stream of 80 columns', () => {
    const out = Object.assign(new BufferStream(), { isTTY: true, columns: 0 });
    const stream = asWriteStream(out);
    expect(stream.columns).toBe(80);
    expect(stream.rows).toBe(24);
  });
});

describe('asl run live view on a terminal of zero width', () => {
  // With 0 columns ink asks the environment for the size; COLUMNS=0 LINES=0 is what a zero-size pseudo-terminal gives it.
  const saved = { COLUMNS: process.env.COLUMNS, LINES: process.env.LINES };
  beforeEach(() => {
    process.env.COLUMNS = '0';
    process.env.LINES = '0';
  });
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  test('draws whole lines, not one character per line', async () => {
    const stdout = Object.assign(new BufferStream(), { isTTY: true, columns: 0 });
    const stderr = new BufferStream();
    const argv = ['run', 'order.asl.json', '--input', '{"total":1}', '--stubs', 'stubs.yaml'];
    const code = await main(argv, { stdout, stderr, stdin: Readable.from(['']), env: {}, cwd });
    expect(stderr.text).toBe('');
    expect(code).toBe(0);
    const lines = stdout.text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').split('\n');
    expect(lines.some((line) => line.includes('→ Charge (Task)'))).toBe(true);
    expect(lines.some((line) => line.includes('SUCCEEDED after 3.5s of virtual time, '))).toBe(true);
  });
});
