import { describe, expect, test } from 'vitest';
import { printable } from '../../src/printable.js';

describe('printable', () => {
  test('leaves ordinary text, unicode and emoji alone (same string)', () => {
    const text = 'Charge card → ✔ 日本 😀';
    expect(printable(text)).toBe(text);
  });
  test('shows ESC, CR, BEL, DEL and C1 controls as escapes', () => {
    expect(printable('a\u001b]0;pwned\u0007b')).toBe('a\\u001b]0;pwned\\u0007b');
    expect(printable('x\r✔ valid')).toBe('x\\r✔ valid');
    expect(printable('\u007f\u009b')).toBe('\\u007f\\u009b');
  });
  test('escapes bidi overrides and line separators', () => {
    expect(printable('a\u202eb\u2028c')).toBe('a\\u202eb\\u2028c');
  });
  test('newlines: escaped by default, kept on request', () => {
    expect(printable('a\nb')).toBe('a\\nb');
    expect(printable('a\nb\u001b', { keepNewlines: true })).toBe('a\nb\\u001b');
  });
  test('is stable across calls (no global-regex state leaks)', () => {
    for (let i = 0; i < 3; i++) expect(printable('\u001b')).toBe('\\u001b');
  });
});
