/**
 * The variable rules of "Passing data between states with variables" (developer guide): an Assign key is a
 * whole variable's valid name (no "x.y", no "x[2]"), and a nested scope cannot assign a name an outer scope
 * assigns. `asl validate` reports them as errors (variable-name, variable-scope) with their place, and
 * `asl run` refuses to run such a definition (exit 2).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../../../src/api/index.js';
import { execute } from '../../../src/run/index.js';
import { RunSetupError } from '../../../src/run/errors.js';
import { runCli } from '../../cli/run-cli.js';

const docs = fileURLToPath(new URL('../../../docs/checks/', import.meta.url));

function example(page: string, heading: string): unknown {
  const section = page.split(`## ${heading}\n`)[1] ?? '';
  return JSON.parse(/```json\n([\s\S]*?)\n```/.exec(section)![1]!);
}

async function codes(definition: unknown): Promise<Array<[string, string]>> {
  const [result] = await validate(definition);
  return result!.diagnostics.filter((d) => d.code.startsWith('variable-')).map((d) => [d.code, d.path]);
}

const pass = (assign: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ Type: 'Pass', Assign: assign, End: true, ...extra });

describe('variable names', () => {
  it('refuses a key that assigns part of a variable, as the guide\'s "x.y" and "x[2]" examples', async () => {
    expect(await codes({ StartAt: 'A', States: { A: pass({ 'x.y': 42 }) } })).toEqual([['variable-name', '/States/A/Assign/x.y']]);
    expect(await codes({ StartAt: 'A', States: { A: pass({ 'x[2]': 42 }) } })).toEqual([['variable-name', '/States/A/Assign/x[2]']]);
    expect(await codes({ StartAt: 'A', States: { A: pass({ 'order.total.$': '$.total' }) } })).toEqual([['variable-name', '/States/A/Assign/order.total.$']]);
  });

  it('accepts whole names, the JSONPath ".$" suffix, Unicode letters and 80 characters; refuses 81 and a leading digit', async () => {
    expect(await codes({ StartAt: 'A', States: { A: pass({ x: 42, 'total.$': '$.t', précis: 1, _tmp: 2, ['a'.repeat(80)]: 3 }) } })).toEqual([]);
    expect(await codes({ StartAt: 'A', States: { A: pass({ ['a'.repeat(81)]: 3, '1st': 1 }) } })).toEqual([
      ['variable-name', `/States/A/Assign/${'a'.repeat(81)}`],
      ['variable-name', '/States/A/Assign/1st'],
    ]);
  });

  it('checks Choice rule and catcher Assign keys too', async () => {
    const definition = {
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsPresent: true, Next: 'T', Assign: { 'a.b': 1 } }], Default: 'T' },
        T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'E', Assign: { 'e[0]': 1 } }], End: true },
        E: { Type: 'Succeed' },
      },
    };
    expect(await codes(definition)).toEqual([
      ['variable-name', '/States/C/Choices/0/Assign/a.b'],
      ['variable-name', '/States/T/Catch/0/Assign/e[0]'],
    ]);
  });
});

describe('variable scope', () => {
  const map = (inner: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    StartAt: 'Init',
    States: {
      Init: pass({ total: 0 }, { End: undefined, Next: 'Each' }),
      Each: { Type: 'Map', ItemProcessor: { StartAt: 'Inner', States: { Inner: pass(inner) } }, End: true, ...extra },
    },
  });

  it('refuses a Map iteration or Parallel branch assigning a name the outer scope assigns', async () => {
    expect(await codes(map({ 'total.$': '$.price' }))).toEqual([['variable-scope', '/States/Each/ItemProcessor/States/Inner/Assign/total.$']]);
    const parallel = {
      StartAt: 'Start',
      States: {
        Start: pass({ done: false }, { End: undefined, Next: 'Fan' }),
        Fan: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: pass({ done: true }) } }], End: true },
      },
    };
    expect(await codes(parallel)).toEqual([['variable-scope', '/States/Fan/Branches/0/States/B/Assign/done']]);
  });

  it('refuses it two levels down, and accepts other names and reads of outer variables', async () => {
    const deep = {
      StartAt: 'Init',
      States: {
        Init: pass({ total: 0 }, { End: undefined, Next: 'Outer' }),
        Outer: {
          Type: 'Map',
          ItemProcessor: {
            StartAt: 'Inner',
            States: { Inner: { Type: 'Map', ItemProcessor: { StartAt: 'Leaf', States: { Leaf: pass({ total: 1 }) } }, End: true } },
          },
          End: true,
        },
      },
    };
    expect(await codes(deep)).toEqual([['variable-scope', '/States/Outer/ItemProcessor/States/Inner/ItemProcessor/States/Leaf/Assign/total']]);
    expect(await codes(map({ 'itemPrice.$': '$.price', 'sum.$': '$total' }))).toEqual([]);
  });

  it('lets a catcher of the Map itself assign an outer variable: the catcher belongs to the outer scope', async () => {
    const caught = map({ x: 1 }, { Catch: [{ ErrorEquals: ['States.ALL'], Assign: { total: -1 }, Next: 'Done' }], End: undefined, Next: 'Done' });
    (caught.States as Record<string, unknown>).Done = { Type: 'Succeed' };
    expect(await codes(caught)).toEqual([]);
  });

  it('counts only names declared when the branch starts: a Parallel\'s catcher assigning a branch\'s name after it is accepted', async () => {
    const sampling = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'B', States: { B: pass({ inputVar: 1 }) } }],
          Catch: [{ ErrorEquals: ['States.ALL'], Assign: { inputVar: 2 }, Next: 'Done' }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    };
    expect(await codes(sampling)).toEqual([]);
  });

  it('shows each docs page\'s Bad example failing and its Fixed example passing', async () => {
    for (const code of ['variable-name', 'variable-scope']) {
      const page = readFileSync(`${docs}${code}.md`, 'utf8');
      expect((await codes(example(page, 'Bad'))).map(([c]) => c)).toEqual([code]);
      const [fixed] = await validate(example(page, 'Fixed'));
      expect(fixed!.diagnostics).toEqual([]);
    }
  });
});

describe('from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asl-variables-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bad = '{\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "Assign": { "x.y": 42 },\n      "End": true\n    }\n  }\n}\n';
  writeFileSync(join(dir, 'bad.asl.json'), bad);

  it('asl validate exits 1 naming file:line:column, the code and the fix', async () => {
    const run = await runCli(['validate', 'bad.asl.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/bad\.asl\.json\n {2}6:26 +error +The Assign of state "A": "x\.y" assigns part of a variable.*assign the whole variable \("x"\) instead +variable-name/);
  });

  it("asl run exits 2 with validate's report of it (what and where), and no stack", async () => {
    const run = await runCli(['run', 'bad.asl.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/6:26 +error +.*assigns part of a variable.*variable-name/);
    expect(run.stderr).toMatch(/cannot run bad\.asl\.json/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('the library refuses it with RunSetupError', async () => {
    await expect(execute(JSON.parse(bad))).rejects.toBeInstanceOf(RunSetupError);
  });
});
