import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/source/index.js';
import { fixture, positionOf } from './helpers.js';

describe('loadText on bare definitions', () => {
  it('loads a JSON definition as one machine at pointer ""', () => {
    const loaded = loadText(fixture('bare.asl.json'), 'bare.asl.json');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.machines).toHaveLength(1);
    const [machine] = loaded.machines;
    expect(machine!.pointer).toBe('');
    expect(machine!.file).toBe('bare.asl.json');
    expect(machine!.name).toBeUndefined();
    expect((machine!.definition as { StartAt: string }).StartAt).toBe('Hello');
  });

  it('loads the same definition written in YAML to the same value', () => {
    const json = loadText(fixture('bare.asl.json'), 'bare.asl.json').machines[0]!.definition as Record<string, unknown>;
    const yaml = loadText(fixture('bare.asl.yaml'), 'bare.asl.yaml').machines[0]!.definition as Record<string, unknown>;
    expect(yaml.States).toEqual(json.States);
  });

  it('detects JSON and YAML by content when the name says nothing (stdin)', () => {
    expect(loadText(fixture('bare.asl.json'), '-').machines).toHaveLength(1);
    expect(loadText(fixture('bare.asl.yaml'), '-').machines).toHaveLength(1);
  });

  it('points a scalar member at its value and an object member at its key', () => {
    const text = fixture('bare.asl.json');
    const machine = loadText(text, 'bare.asl.json').machines[0]!;
    expect(machine.locate('/States/Hello')).toMatchObject(positionOf(text, '"Hello": {'));
    expect(machine.locate('/States/Hello/Type')).toMatchObject(positionOf(text, '"Pass"'));
    expect(machine.locate('/States/Hello/Type')).toMatchObject({ endLine: positionOf(text, '"Pass"').line, endColumn: positionOf(text, '"Pass"').column + 6 });
  });

  it('falls back to the nearest existing ancestor for a missing member', () => {
    const text = fixture('bare.asl.yaml');
    const machine = loadText(text, 'bare.asl.yaml').machines[0]!;
    expect(machine.locate('/States/Done/Next')).toEqual(positionOf(text, 'Done:'));
    expect(machine.locate('/States/Hello/Type')).toMatchObject(positionOf(text, 'Pass'));
  });

  it('points array items at the item', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "x", "End": true,\n "Retry": [{"ErrorEquals": ["States.ALL"]}]}}}';
    const machine = loadText(text, 'x.json').machines[0]!;
    expect(machine.locate('/States/A/Retry/0')).toMatchObject({ line: 2, column: 12 });
    expect(machine.locate('/States/A/Retry/0/ErrorEquals/0')).toMatchObject({ line: 2, column: 29 });
  });

  it('strips a byte-order mark without moving positions', () => {
    const machine = loadText('\uFEFF{"StartAt": "A", "States": {}}', 'bom.json').machines[0]!;
    expect(machine.locate('/StartAt')).toMatchObject({ line: 1, column: 14 });
  });

  it('keeps ${Placeholder} strings and intrinsic objects as they are', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: ${FunctionArn}\n    Parameters:\n      Name: !Ref Thing\n    End: true\n';
    const definition = loadText(text, 'x.asl.yaml').machines[0]!.definition as any;
    expect(definition.States.A.Resource).toBe('${FunctionArn}');
    expect(definition.States.A.Parameters.Name).toEqual({ Ref: 'Thing' });
  });
});

describe('duplicate keys', () => {
  it('reports a duplicate state name in JSON at the second key', () => {
    const text = fixture('duplicate.asl.json');
    const machine = loadText(text, 'duplicate.asl.json').machines[0]!;
    const second = positionOf(text, '"Hello"', '"Type": "Pass"');
    expect(machine.diagnostics).toEqual([
      expect.objectContaining({ code: 'duplicate-key', severity: 'error', path: '/States/Hello', line: second.line, column: second.column }),
    ]);
    expect(machine.diagnostics[0]!.message).toContain('"Hello"');
  });

  it('reports a duplicate state name in YAML at the second key', () => {
    const text = fixture('duplicate.asl.yaml');
    const machine = loadText(text, 'duplicate.asl.yaml').machines[0]!;
    expect(machine.diagnostics).toEqual([expect.objectContaining({ code: 'duplicate-key', path: '/States/Hello', line: 6, column: 3 })]);
  });
});

describe('syntax errors', () => {
  it('reports one parse-error at the JSON syntax error', () => {
    const text = fixture('syntax-error.asl.json');
    const loaded = loadText(text, 'syntax-error.asl.json');
    expect(loaded.machines).toEqual([]);
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', ...positionOf(text, '"End"') })]);
    expect(loaded.diagnostics[0]!.message).toMatch(/^Invalid JSON: expected "," or "}"/);
  });

  it('reports one parse-error at the YAML syntax error', () => {
    const loaded = loadText(fixture('syntax-error.asl.yaml'), 'syntax-error.asl.yaml');
    expect(loaded.diagnostics).toHaveLength(1);
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'parse-error', line: 5 });
    expect(loaded.diagnostics[0]!.message).toMatch(/^Invalid YAML: /);
  });

  it('adds how to fix the commonest YAML mistakes to the parser\'s description', () => {
    const tab = loadText('StartAt: A\nStates:\n\tA: {Type: Succeed}\n', 'x.asl.yaml').diagnostics;
    expect(tab).toEqual([expect.objectContaining({ code: 'parse-error', line: 3, column: 1, message: 'Invalid YAML: Tabs are not allowed as indentation; indent with spaces' })]);
    const colon = loadText('StartAt: A\nStates:\n  A:\n    Type Succeed\n    End: true\n', 'x.asl.yaml').diagnostics;
    expect(colon).toEqual([expect.objectContaining({ code: 'parse-error', line: 4, column: 5 })]);
    expect(colon[0]!.message).toMatch(/lacks the ":" between key and value/);
    const keys = loadText('StartAt: A\nStates:\n  A:\n    Type: Succeed\n   End: true\n', 'x.asl.yaml').diagnostics;
    expect(keys[0]!.message).toMatch(/; line up the keys of one mapping in the same column$/);
  });

  it('explains a YAML stream with several documents', () => {
    const loaded = loadText('StartAt: A\nStates: {}\n---\nStartAt: B\nStates: {}\n', 'two.asl.yaml');
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', line: 3, column: 1 })]);
    expect(loaded.diagnostics[0]!.message).toContain('several YAML documents');
  });

  it('refuses comments in a .json file', () => {
    const loaded = loadText('{ // no\n "StartAt": "A", "States": {} }', 'x.asl.json');
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'parse-error', line: 1, column: 3 });
    expect(loaded.diagnostics[0]!.message).toMatch(/comments are not allowed/);
  });

  it('names the text it stopped at, and the fix, for a bare word or a single-quoted string', () => {
    const bare = loadText('{"StartAt": "A",\n  States: {}}', 'x.asl.json').diagnostics;
    expect(bare).toEqual([expect.objectContaining({ code: 'parse-error', line: 2, column: 3 })]);
    expect(bare[0]!.message).toBe('Invalid JSON: unexpected States: put strings and property names in double quotes (true, false and null are the only bare words JSON knows)');
    const quoted = loadText("{'StartAt': 'A'}", 'x.asl.json').diagnostics;
    expect(quoted[0]!.message).toMatch(/^Invalid JSON: unexpected 'StartAt': JSON strings and property names take double quotes/);
  });

  it('names a trailing comma in a .json file', () => {
    const loaded = loadText('{"StartAt": "A", "States": {},\n}', 'x.asl.json');
    expect(loaded.diagnostics[0]).toMatchObject({ code: 'parse-error', line: 2, column: 1 });
    expect(loaded.diagnostics[0]!.message).toBe('Invalid JSON: trailing comma before "}" (remove the comma)');
  });
});

describe('JSON5 files', () => {
  it('accepts comments and trailing commas with exact positions', () => {
    const text = '{\n  // a comment\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Succeed", },\n  },\n}\n';
    const loaded = loadText(text, 'x.asl.json5');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.machines[0]!.locate('/States/A/Type')).toMatchObject(positionOf(text, '"Succeed"'));
  });

  it('accepts unquoted keys and single-quoted strings', () => {
    const text = "{\n  StartAt: 'A', // first\n  States: { A: { Type: 'Succeed' } },\n}\n";
    const loaded = loadText(text, 'x.asl.json5');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.machines[0]!.definition).toEqual({ StartAt: 'A', States: { A: { Type: 'Succeed' } } });
    expect(loaded.machines[0]!.locate('/States/A/Type')).toMatchObject({ line: 3, column: 24 });
  });
});
