/**
 * Every execution recorded against real AWS in ../shared/conformance runs through the interpreter; the
 * pass rate is asserted overall and per area. Skipped when the folder is absent.
 */
import { describe, expect, test } from 'vitest';
import { listCases, runCase, type CaseOutcome } from './conformance-cases.js';

/**
 * Cases a local engine cannot match, with why (file name -> reason). Empty since the recorded cases list
 * their placeholder fields (StartTime, RoleArn, EnteredTime) in ignorePaths; the check below keeps it honest.
 */
const EXCLUDED: Record<string, string> = {};

const OVERALL_FLOOR = 0.99;
const AREA_FLOOR = 0.95;

const cases = listCases();

describe.skipIf(cases.length === 0)('conformance with executions recorded against AWS', () => {
  test('passes at least 99% overall and 95% in every area of more than five cases', async () => {
    const outcomes: CaseOutcome[] = [];
    for (const c of cases) outcomes.push(await runCase(c.file, c.area));
    const counted = outcomes.filter((o) => !(o.file in EXCLUDED));
    const failures = counted.filter((o) => !o.pass);
    const rate = (list: CaseOutcome[]) => list.filter((o) => o.pass).length / list.length;
    const areas = new Map<string, CaseOutcome[]>();
    for (const o of counted) areas.set(o.area, [...(areas.get(o.area) ?? []), o]);
    const weakAreas = [...areas].filter(([, list]) => list.length > 5 && rate(list) < AREA_FLOOR).map(([area, list]) => `${area} ${(rate(list) * 100).toFixed(1)}%`);
    const report = failures.map((f) => `${f.area}/${f.file}: ${f.reason}`).join('\n');
    expect(rate(counted), report).toBeGreaterThanOrEqual(OVERALL_FLOOR);
    expect(weakAreas, report).toEqual([]);
    // Excluded cases stay listed only while they still fail; one that starts passing should leave the list.
    const stale = outcomes.filter((o) => o.file in EXCLUDED && o.pass).map((o) => o.file);
    expect(stale).toEqual([]);
  });
});
