// jsonata is loaded on the first JSONata expression that is more than a plain path: validating
// JSONPath definitions (and JSONata ones without `{% %}` or with only `$states.input.x`-like
// expressions) never requires it. The package is CommonJS and loaded through
// createRequire, so the CommonJS module cache of this test's own process tells whether it was loaded.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../../../src/validate/index.js';

const require = createRequire(import.meta.url);
const jsonataLoaded = (): boolean => Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]jsonata[\\/]/.test(file));
const example = JSON.parse(readFileSync(new URL('../../../examples/order-processing.asl.json', import.meta.url), 'utf8')) as unknown;

describe('loading jsonata', () => {
  it('does not happen for a JSONPath definition', () => {
    expect(jsonataLoaded()).toBe(false);
    expect(JSON.stringify(example)).not.toContain('JSONata');
    validateDefinition(example);
    expect(jsonataLoaded()).toBe(false);
  });

  it('does not happen for JSONata states without expressions', () => {
    validateDefinition({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Output: { a: 1, b: 'text' }, End: true } } });
    expect(jsonataLoaded()).toBe(false);
  });

  it('does not happen for expressions that are plain paths ($states.input.order, $variable)', () => {
    const { findings } = validateDefinition({
      QueryLanguage: 'JSONata',
      StartAt: 'A',
      States: { A: { Type: 'Pass', Output: { o: '{% $states.input.order %}', v: '{% $total %}', r: '{% $states.result %}' }, End: true } },
    });
    expect(findings.map((f) => f.code)).toEqual(['jsonata-states-reference']);
    expect(jsonataLoaded()).toBe(false);
  });

  it('happens on the first other expression (so this test can tell)', () => {
    validateDefinition({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Output: '{% $states.input.a + 1 %}', End: true } } });
    expect(jsonataLoaded()).toBe(true);
  });
});
