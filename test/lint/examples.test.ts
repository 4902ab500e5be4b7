import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../../src/lint/index.js';

const example = fileURLToPath(new URL('../../examples/order-processing.asl.json', import.meta.url));

describe.skipIf(!existsSync(example))('the README example', () => {
  it('follows every practice, so lint reports no warning and no error', () => {
    const findings = lintDefinition(JSON.parse(readFileSync(example, 'utf8'))).filter((f) => f.severity !== 'info');
    expect(findings).toEqual([]);
  });
});
