/**
 * A run that nobody asks the history of keeps none: memory stays flat in the number of events, for the
 * plain trace (written as it goes), the live view (a window of lines) and --format json alike.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, repoRoot } from '../cli/run-cli.js';
import { Trace } from '../../src/cli/run-plain.js';
import { execute } from '../../src/run/index.js';

const built = existsSync(`${repoRoot}dist/cli-bundle/main.js`);
const loop = `${fixtures}../run/cli/loop.asl.json`;
const dir = mkdtempSync(join(tmpdir(), 'asl-memory-'));
const preload = join(dir, 'maxrss.cjs');
writeFileSync(preload, "process.on('exit', () => process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`));\n");

/** Peak resident memory (MB) of `asl run loop.asl.json --max-events N …`, stdout a pipe. */
function peakMb(events: number, ...flags: string[]): number {
  const child = spawnSync(process.execPath, ['--require', preload, `${repoRoot}bin/asl.js`, 'run', loop, '--max-events', String(events), ...flags], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  expect(child.status).toBe(1);
  return Number(/maxrss=(\d+)/.exec(child.stderr)![1]) / 1024;
}

describe.skipIf(!built)('memory of a long run without --history', () => {
  // Keeping the events would add about 120 MB per 100,000 (`--format json --history` goes from about 190 MB
  // at 100,000 to 550 MB at 400,000); without them the peak settles once the heap has grown to its working size.
  it.each([[[]], [['--format', 'json']]])('stays flat from 100,000 to 400,000 events (flags %j)', (flags: string[]) => {
    const small = peakMb(100_000, ...flags);
    const large = peakMb(400_000, ...flags);
    expect(large - small).toBeLessThan(40);
  }, 120_000);
});

describe('what a run keeps', () => {
  it('keeps no events when keepHistory is false, yet counts them for the guard', async () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'C' }], Default: 'A' }, C: { Type: 'Succeed' } } };
    const result = await execute(definition, {}, { keepHistory: false, maxEvents: 1000 });
    expect(result.history).toEqual([]);
    expect(result.cause).toContain('reached 1000 history events');
  });

  it('a trace with a sink keeps no lines, and neither does one told not to keep them (the live view keeps its own window)', async () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Choice', Choices: [{ Variable: '$.stop', IsPresent: true, Next: 'C' }], Default: 'A' }, C: { Type: 'Succeed' } } };
    let written = 0;
    const streamed = new Trace(false, (lines) => (written += lines.length));
    const counting = new Trace(false);
    await execute(definition, {}, { keepHistory: false, maxEvents: 5000, onEvent: (e, t) => (streamed.add(e, t), counting.add(e, t)) });
    expect(streamed.lines).toEqual([]);
    expect(written).toBeGreaterThan(2000);
    expect(counting.lines).toEqual([]);
    expect(counting.events).toBe(5000);
  });
});
