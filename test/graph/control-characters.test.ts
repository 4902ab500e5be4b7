// A control character in a state name, a condition or an error name never ends up raw in a diagram: Mermaid
// and DOT text (and the SVG drawn from DOT) show it as an escape, as every human-readable output does.
import { describe, expect, test } from 'vitest';
import { graph } from '../../src/graph/index.js';
import { escapeMermaid } from '../../src/graph/mermaid.js';
import { quoteDot } from '../../src/graph/dot.js';

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const NAME = 'Pay\u001b]0;owned\u0007';
const definition = {
  StartAt: NAME,
  States: {
    [NAME]: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:pay\u001b[2J', Next: 'Route', Retry: [{ ErrorEquals: ['Err\u009b'] }], Catch: [{ ErrorEquals: ['Bad\r✔'], Next: 'Route' }] },
    Route: { Type: 'Choice', Choices: [{ Variable: '$.x\u0000', StringEquals: '\u001b[8m', Next: NAME }], Default: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

describe('control characters in graph labels', () => {
  test.each(['mermaid', 'dot'] as const)('%s text has none raw, and shows them as escapes', (format) => {
    const text = graph(definition, { format });
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain(format === 'dot' ? 'Pay\\\\u001b]0;owned\\\\u0007' : 'Pay\\u001b]0;owned\\u0007');
  });

  test('the emitters escape after turning line breaks into spaces, and keep their own syntax escaping', () => {
    expect(escapeMermaid('a\r\nb\u001b"c')).toBe('a b\\u001b#quot;c');
    expect(quoteDot('a\nb\u0007"c\\')).toBe('"a b\\\\u0007\\"c\\\\"');
    // Nothing to escape: the same text back.
    expect(escapeMermaid('Plain name')).toBe('Plain name');
  });
});
