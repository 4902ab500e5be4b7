import { describe, expect, it } from 'vitest';
import { lazyIndex } from '../../src/source/document.js';
import { parseJson } from '../../src/source/json.js';
import { parseYaml } from '../../src/source/yaml.js';

describe('positions are looked up lazily', () => {
  it('builds the index on the first lookup only, and only once', () => {
    let builds = 0;
    const spanOf = lazyIndex(() => {
      builds++;
      return new Map([['/a', { start: 1, end: 2, container: false }]]);
    });
    expect(builds).toBe(0);
    expect(spanOf('/a')).toEqual({ start: 1, end: 2, container: false });
    expect(spanOf('/b')).toBeUndefined();
    expect(builds).toBe(1);
  });

  it('indexes values and keys of JSON and YAML alike', () => {
    const json = parseJson('{"a": [1, {"b": "c"}]}');
    const yaml = parseYaml('a:\n  - 1\n  - b: c\n');
    expect(json.spanOf('/a/1/b')).toEqual({ start: 16, end: 19, keyStart: 11, container: false });
    expect(yaml.spanOf('/a/1/b')).toMatchObject({ start: 16, end: 17, keyStart: 13, container: false });
    expect(json.spanOf('/a')).toMatchObject({ keyStart: 1, container: true });
    expect(yaml.spanOf('/a')).toMatchObject({ keyStart: 0, container: true });
  });
});
