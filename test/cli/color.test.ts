import { describe, expect, it } from 'vitest';
import { decideColorLevel, makePainter } from '../../src/cli/color.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('decideColorLevel', () => {
  it('colours a terminal and not a pipe by default', () => {
    expect(decideColorLevel(undefined, {}, tty)).toBe(1);
    expect(decideColorLevel(undefined, {}, pipe)).toBe(0);
  });

  it('turns colour off on a terminal when NO_COLOR is set to anything non-empty', () => {
    expect(decideColorLevel(undefined, { NO_COLOR: '1' }, tty)).toBe(0);
    expect(decideColorLevel(undefined, { NO_COLOR: '' }, tty)).toBe(1);
  });

  it('lets FORCE_COLOR colour a pipe, at the level it names', () => {
    expect(decideColorLevel(undefined, { FORCE_COLOR: '1' }, pipe)).toBe(1);
    expect(decideColorLevel(undefined, { FORCE_COLOR: '3' }, pipe)).toBe(3);
    expect(decideColorLevel(undefined, { FORCE_COLOR: '0' }, tty)).toBe(0);
  });

  it('gives the flags the last word over the environment', () => {
    expect(decideColorLevel(false, { FORCE_COLOR: '1' }, tty)).toBe(0);
    expect(decideColorLevel(true, { NO_COLOR: '1' }, pipe)).toBe(1);
  });

  it('does not colour a dumb terminal', () => {
    expect(decideColorLevel(undefined, { TERM: 'dumb' }, tty)).toBe(0);
  });
});

describe('makePainter', () => {
  it('returns identity functions at level 0 and ANSI escapes above', async () => {
    expect((await makePainter(0)).red('x')).toBe('x');
    expect((await makePainter(1)).red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});
