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
    // QueryExportStatus sends the text "$.exportLogGroupResult.taskId" as the task id: a real bug. QueryTags
    // retries, so QueryExportStatus, which does not, is a gap; nothing catches errors, so nothing is asked to.
    expect(findings('serverless-patterns/sfn-log-export__src__statemachine__stateMachine.asl.json')).toEqual([
      'info legacy-map-fields /States/ExportLogGroups/Iterator',
      'warning path-missing-dollar /States/ExportLogGroups/Iterator/States/QueryExportStatus/Parameters/taskId',
      'warning retry-max-delay /States/QueryTags/Retry/0',
      'warning task-retry /States/ExportLogGroups/Iterator/States/QueryExportStatus',
    ]);
  });

  it('a JSONata Distributed Map with variables: one variable assigned and never read, nothing undefined', () => {
    const got = findings('sfwc/distributed-data-stream-aggregator__statemachine__statemachine.asl.json');
    expect(got.filter((f) => / (undefined|unused)-variable /.test(f))).toEqual(['warning unused-variable /States/Iterate Containers/Assign/taskId1']);
    // The one .sync Task inside the Map has no timeout; five Tasks do not retry where the others do.
    expect(got.filter((f) => f.includes('task-timeout'))).toEqual(['warning task-timeout /States/Iterate Containers/ItemProcessor/States/Extract Data']);
    expect(got).toHaveLength(7);
    expect(got.filter((f) => f.startsWith('error'))).toEqual([]);
  });

  it('an account vending machine: an unbounded Map; request-response Tasks in a machine that neither retries nor catches every error', () => {
    // Its Tasks are Organizations API calls (bounded on the service side), and no state retries or catches, so
    // the timeout, retry and catch-all rules have nothing to say by default (its one catcher is for a specific error).
    expect(findings('sfwc/account-vending-machine__statemachine__statemachine.asl.json')).toEqual(['warning map-concurrency /States/Loop over all OUs']);
  });
});
