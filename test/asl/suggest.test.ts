import { describe, expect, it } from 'vitest';
import { editDistance, suggestNearest } from '../../src/asl/suggest.js';

describe('suggestNearest', () => {
  it('suggests the closest name within a few edits', () => {
    expect(suggestNearest('ProcesOrder', ['ProcessOrder', 'ShipOrder'])).toBe('ProcessOrder');
  });
  it('suggests a name that differs only in case, however long', () => {
    expect(suggestNearest('done', ['Done', 'Dome'])).toBe('Done');
  });
  it('suggests nothing when every candidate is far away', () => {
    expect(suggestNearest('Charge', ['Ship', 'Notify customer'])).toBeUndefined();
  });
  it('never suggests the word itself', () => {
    expect(suggestNearest('Ship', ['Ship'])).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
  it('stops early past the limit', () => {
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
