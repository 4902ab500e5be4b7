import { describe, expect, it } from 'vitest';
import { suggestNearest } from '../../src/asl/suggest.js';

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

describe('suggestNearest by edit distance', () => {
  it('counts insertions, deletions and substitutions alike', () => {
    expect(suggestNearest('Notfy', ['Notify', 'Ship'])).toBe('Notify');
    expect(suggestNearest('Notiffy', ['Notify', 'Ship'])).toBe('Notify');
    expect(suggestNearest('Notifz', ['Notify', 'Ship'])).toBe('Notify');
    expect(suggestNearest('Ntfy', ['Notify'])).toBeUndefined();
  });
  it('prefers the nearer of two candidates whatever their order', () => {
    expect(suggestNearest('ResultPth', ['ResultPaths', 'ResultPath'])).toBe('ResultPath');
    expect(suggestNearest('ResultPth', ['ResultPath', 'ResultPaths'])).toBe('ResultPath');
  });
});
