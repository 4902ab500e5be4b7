// Hostile or broken inputs must each end quickly with one clear diagnostic, never a crash.
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/source/index.js';
import type { LoadedFile } from '../../src/source/index.js';

function onlyDiagnostic(loaded: LoadedFile): { code: string; message: string; line: number; column: number } {
  expect(loaded.machines).toEqual([]);
  expect(loaded.diagnostics).toHaveLength(1);
  return loaded.diagnostics[0]!;
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

describe('bad input', () => {
  it('reports an empty file as not a state machine', () => {
    for (const text of ['', '   \n\n']) {
      const diagnostic = onlyDiagnostic(loadText(text, 'empty.asl.json'));
      expect(diagnostic).toMatchObject({ code: 'not-a-state-machine', line: 1, column: 1 });
      expect(diagnostic.message).toMatch(/^The file is empty/);
    }
  });

  it('reports binary content as a parse error', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    const diagnostic = onlyDiagnostic(loadText(garbage, 'image.asl.json'));
    expect(diagnostic.code).toBe('parse-error');
    expect(diagnostic.message).toMatch(/binary/);
  });

  it('reports a JSON array or number at the top as not a state machine', () => {
    expect(onlyDiagnostic(loadText('[{"StartAt": "A"}]', 'a.json')).message).toContain('the top level is an array');
    expect(onlyDiagnostic(loadText('42', 'a.json')).message).toContain('the top level is a number');
    expect(onlyDiagnostic(loadText('just words', 'a.yaml')).message).toContain('the top level is a string');
  });

  it.each([
    ['JSON arrays', '['.repeat(100_000) + ']'.repeat(100_000), 'deep.json'],
    ['JSON objects', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000), 'deep.json'],
    ['YAML flow sequences', '['.repeat(100_000) + ']'.repeat(100_000), 'deep.yaml'],
    ['JSON5', '['.repeat(100_000) + ']'.repeat(100_000), 'deep.json5'],
  ])('refuses %s nested 100,000 deep quickly', (_what, text, file) => {
    const { result, ms } = timed(() => loadText(text, file));
    expect(onlyDiagnostic(result).code).toBe('nesting-too-deep');
    expect(ms).toBeLessThan(5000);
  });

  it('refuses nesting just past the limit and accepts ordinary depth', () => {
    const nested = (depth: number): string => `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": ${'['.repeat(depth)}${']'.repeat(depth)}, "End": true}}}`;
    expect(loadText(nested(300), 'x.json').diagnostics[0]?.code).toBe('nesting-too-deep');
    expect(loadText(nested(300), 'x.yaml').diagnostics[0]?.code).toBe('nesting-too-deep');
    expect(loadText(nested(100), 'x.json').diagnostics).toEqual([]);
    expect(loadText(nested(100), 'x.yaml').diagnostics).toEqual([]);
  });

  it('stops a YAML alias bomb', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const { result, ms } = timed(() => loadText(rows.join('\n'), 'bomb.yaml'));
    const diagnostic = onlyDiagnostic(result);
    expect(diagnostic.code).toBe('parse-error');
    expect(diagnostic.message).toMatch(/alias/);
    expect(ms).toBeLessThan(5000);
  });

  it('loads a 30 MB JSON file within seconds', () => {
    const states: Record<string, unknown> = {};
    for (let i = 0; i < 60_000; i++) states[`State${i}`] = { Type: 'Pass', Comment: 'x'.repeat(400), Next: `State${i + 1}` };
    const text = JSON.stringify({ StartAt: 'State0', States: states });
    expect(text.length).toBeGreaterThan(25_000_000);
    const { result, ms } = timed(() => loadText(text, 'huge.asl.json'));
    expect(result.machines).toHaveLength(1);
    expect(ms).toBeLessThan(5000);
  });

  it('refuses a YAML file of tens of MB without parsing it', () => {
    const text = `StartAt: A\nStates:\n${'  # filler\n'.repeat(2_000_000)}`;
    const { result, ms } = timed(() => loadText(text, 'huge.asl.yaml'));
    const diagnostic = onlyDiagnostic(result);
    expect(diagnostic.code).toBe('file-too-large');
    expect(diagnostic.message).toMatch(/convert it to JSON/);
    expect(ms).toBeLessThan(1000);
  });
});
