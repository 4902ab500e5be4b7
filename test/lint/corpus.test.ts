// Lint over real definitions (../shared/corpus, skipped when absent): it must finish on every file
// and no rule may throw (an internal-error finding would mean a rule crashed).
import { describe, expect, it } from 'vitest';
import { corpusPresent, readDefinition, readManifest } from '../validate/checks/corpus-helpers.js';
import { lintDefinition } from '../../src/lint/index.js';

describe.skipIf(!corpusPresent)('lint over the real-world corpus', () => {
  it('finishes on every file without a rule crashing', () => {
    let linted = 0;
    const crashed: string[] = [];
    for (const manifest of ['MANIFEST.tsv', 'invalid/MANIFEST.tsv']) {
      for (const { file } of readManifest(manifest)) {
        const definition = readDefinition(file);
        if (definition === undefined) continue;
        linted++;
        for (const f of lintDefinition(definition)) if (f.code === 'internal-error') crashed.push(`${file}: ${f.message}`);
      }
    }
    expect(linted).toBeGreaterThan(600);
    expect(crashed).toEqual([]);
  });
});

/**
 * Hand-picked real definitions whose lint output a reviewer checked finding by finding; any change to a rule
 * that moves these is deliberate (update the list) or a regression.
 */
describe.skipIf(!corpusPresent)('lint output on hand-picked real definitions', () => {
  const findings = (file: string) =>
    lintDefinition(readDefinition(file))
      .map((f) => `${f.severity} ${f.code} ${f.path}`)
      .sort();

  it('a log export with a legacy Iterator: a path passed as a literal, a retrier without a cap', () => {
    // QueryExportStatus sends the text "$.exportLogGroupResult.taskId" as the task id: a real bug.
    expect(findings('serverless-patterns/sfn-log-export__src__statemachine__stateMachine.asl.json')).toEqual([
      'info legacy-map-fields /States/ExportLogGroups/Iterator',
      'warning catch-missing /States/ExportLogGroups',
      'warning catch-missing /States/ExportLogGroups/Iterator/States/ExportLogGroup',
      'warning catch-missing /States/ExportLogGroups/Iterator/States/QueryExportStatus',
      'warning catch-missing /States/QueryTags',
      'warning path-missing-dollar /States/ExportLogGroups/Iterator/States/QueryExportStatus/Parameters/taskId',
      'warning retry-max-delay /States/QueryTags/Retry/0',
      'warning task-retry /States/ExportLogGroups/Iterator/States/QueryExportStatus',
      'warning task-timeout /States/ExportLogGroups/Iterator/States/ExportLogGroup',
      'warning task-timeout /States/ExportLogGroups/Iterator/States/QueryExportStatus',
      'warning task-timeout /States/QueryTags',
    ]);
  });

  it('a JSONata Distributed Map with variables: one variable assigned and never read, nothing undefined', () => {
    const got = findings('sfwc/distributed-data-stream-aggregator__statemachine__statemachine.asl.json');
    expect(got.filter((f) => / (undefined|unused)-variable /.test(f))).toEqual(['warning unused-variable /States/Iterate Containers/Assign/taskId1']);
    expect(got).toHaveLength(19);
    expect(got.filter((f) => f.startsWith('error'))).toEqual([]);
  });

  it('an account vending machine: Tasks without timeouts, retries or catch-alls; an unbounded Map', () => {
    const got = findings('sfwc/account-vending-machine__statemachine__statemachine.asl.json');
    expect(got).toContain('warning map-concurrency /States/Loop over all OUs');
    // Reached by a catcher for one specific error, it is a recovery path that goes on with normal work.
    expect(got).toContain('warning catch-missing /States/List Organizational Units');
    expect(got.filter((f) => f.includes('task-timeout'))).toHaveLength(7);
    expect(got.filter((f) => f.includes('catch-missing'))).toHaveLength(8);
    expect(got).toHaveLength(23);
  });
});
