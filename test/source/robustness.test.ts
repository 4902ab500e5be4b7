// Whatever the bytes, loading ends in diagnostics, never an exception: every prefix of each fixture
// (a file cut off mid-write) and a few kinds of noise.
import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/source/index.js';
import { fixture, fixtures } from './helpers.js';

const names = readdirSync(fixtures).filter((name) => statSync(fixtures + name).isFile());

describe('loading never throws', () => {
  it.each(names)('on any prefix of %s', (name) => {
    const text = fixture(name);
    const step = Math.max(3, Math.floor(text.length / 400));
    for (let end = 0; end <= text.length; end += step) {
      const loaded = loadText(text.slice(0, end), name, { readFile: () => undefined });
      for (const machine of loaded.machines) machine.locate('/States/Nope/Next');
    }
  });

  it('on noise', () => {
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = '{}[]:,"\'\\ \n\t-&*!|>#%@`abc123.$';
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 200) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      for (const file of ['x.json', 'x.yaml', 'x.json5', '-']) {
        const loaded = loadText(text, file);
        expect(loaded.machines.length + loaded.diagnostics.length).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
