/**
 * The bounds on one JSONata evaluation (time, depth, items), for definition expressions and stub
 * expressions alike, the yield that keeps the event loop turning, and the abort signal.
 */
import { describe, expect, it } from 'vitest';
import { execute } from '../../src/run/index.js';
import { runCli } from '../cli/run-cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const machine = (expression: string) => ({
  QueryLanguage: 'JSONata',
  StartAt: 'A',
  States: { A: { Type: 'Pass', Output: `{% ${expression} %}`, End: true } },
});

const RECURSION = '($f := function($n){ 1 + $f($n) }; $f(1))';
const ENDLESS_TAIL = '($f := function($n){ $f($n + 1) }; $f(1))';
const NESTED_RANGES = '$count([1..10000].([1..10000]))';

describe('JSONata bounds', () => {
  it('stops endless recursion at the depth bound, with a cause naming the bound and how to raise it', async () => {
    const started = Date.now();
    const result = await execute(machine(RECURSION), {}, { jsonataMaxDepth: 500 });
    expect(result.status).toBe('FAILED');
    expect(result.error).toBe('States.QueryEvaluationError');
    expect(result.cause).toMatch(/nested deeper than 500 levels .*--jsonata-max-depth or the jsonataMaxDepth option/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('stops a tail-recursive loop that never ends at the time bound', async () => {
    const started = Date.now();
    const result = await execute(machine(ENDLESS_TAIL), {}, { jsonataTimeout: 300 });
    const took = Date.now() - started;
    expect(result.error).toBe('States.QueryEvaluationError');
    expect(result.cause).toMatch(/ran longer than 300 ms .*--jsonata-timeout or the jsonataTimeout option/);
    expect(took).toBeGreaterThanOrEqual(300);
    expect(took).toBeLessThan(5000);
  });

  it('stops nested ranges at the items bound before they take gigabytes', async () => {
    const before = process.memoryUsage().rss;
    const result = await execute(machine(NESTED_RANGES), {}, { jsonataMaxItems: 1_000_000 });
    expect(result.cause).toMatch(/sequences grew past 1000000 items; .*--jsonata-max-items/);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  });

  it.each([
    ['$pad, before it allocates', '$length($pad("", 100000000))'],
    ['a string doubled in a loop', '$length($reduce([1..40], function($a, $v){ $a & $a }, "x"))'],
  ])('stops a string longer than the items bound: %s', async (_what, expression) => {
    const before = process.memoryUsage().rss;
    const result = await execute(machine(expression), {}, { jsonataMaxItems: 1_000_000 });
    expect(result.cause).toMatch(/a string of \d+ characters is over the bound of 1000000; raise it with --jsonata-max-items/);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('keeps $pad working as jsonata documents it', async () => {
    const result = await execute(machine('[$pad("ab", 5, "-"), "x" ~> $pad(-3), $pad("abc", 2)]'));
    expect(result.output).toEqual(['ab---', '  x', 'abc']);
  });

  it('lets ordinary expressions through, a reused large array counted once', async () => {
    const expression = '($big := [1..5000]; $sum([1..100].($count($big))))';
    const result = await execute(machine(expression), {}, { jsonataMaxItems: 20_000 });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 500_000 });
  });

  it('can be caught like any JSONata failure', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Output: `{% ${RECURSION} %}`, Catch: [{ ErrorEquals: ['States.QueryEvaluationError'], Next: 'Caught' }], End: true },
        Caught: { Type: 'Pass', End: true },
      },
    };
    const result = await execute(definition, {}, { jsonataMaxDepth: 300, stubs: { states: { A: { result: {} } } } });
    expect(result.status).toBe('SUCCEEDED');
  });

  it('bounds a stub expression as it bounds the definition', async () => {
    const definition = { QueryLanguage: 'JSONata', StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } };
    const stubs = { states: { T: { expression: `{% ${ENDLESS_TAIL} %}` } } };
    const result = await execute(definition, {}, { stubs, jsonataTimeout: 200 });
    expect(result.status).toBe('FAILED');
    expect(result.cause).toMatch(/stub for T.*ran longer than 200 ms/);
  });

  it('yields to the event loop during a long evaluation, so timers and the abort signal get their turn', async () => {
    const controller = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const outcome = await execute(machine(ENDLESS_TAIL), {}, { signal: controller.signal }).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    clearInterval(timer);
    // The abort's own timer could only fire because the evaluation yielded: without that it would run on
    // to the 10 s time bound. Whether the engine ends it ABORTED or lets the abort through, it stopped early.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ticks).toBeGreaterThan(0);
    if ('result' in outcome) expect(outcome.result.status).toBe('ABORTED');
    else expect((outcome.error as Error).name).toBe('AbortError');
  });

  it('takes the bounds as asl run flags, and refuses a bad value (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-bounds-'));
    const file = join(dir, 'deep.asl.json');
    writeFileSync(file, JSON.stringify(machine(RECURSION)));
    const run = await runCli(['run', file, '--format', 'json', '--jsonata-max-depth', '200']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'FAILED', error: 'States.QueryEvaluationError' });
    expect(JSON.parse(run.stdout).cause).toContain('nested deeper than 200 levels');
    const bad = await runCli(['run', file, '--jsonata-timeout', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--jsonata-timeout must be a whole number of at least 1');
  });
});
