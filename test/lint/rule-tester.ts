/** ESLint-RuleTester-style helper: valid cases yield nothing from the rule, invalid ones exactly the listed findings. */
import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../../src/lint/index.js';

export interface InvalidCase { name: string; definition: unknown; errors: Array<{ path: string; message?: string | RegExp; severity?: string }> }
export interface ValidCase { name: string; definition: unknown }

export function ruleTester(id: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${id}`, () => {
    for (const c of cases.valid) it(`stays silent when ${c.name}`, () => {
      expect(lintDefinition(c.definition).filter((f) => f.code === id)).toEqual([]);
    });
    for (const c of cases.invalid) it(`reports when ${c.name}`, () => {
      const got = lintDefinition(c.definition).filter((f) => f.code === id);
      expect(got.map((f) => f.path)).toEqual(c.errors.map((e) => e.path));
      c.errors.forEach((e, i) => {
        if (e.message) expect(got[i]!.message).toMatch(e.message);
        if (e.severity) expect(got[i]!.severity).toBe(e.severity);
      });
    });
  });
}

export const machine = (states: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ StartAt: Object.keys(states)[0], States: states, ...extra });
