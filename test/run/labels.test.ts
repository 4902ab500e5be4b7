/**
 * How a run names things to people: a template's unresolved `!GetAtt` / `!Ref` / `!Sub` resources as
 * written (not "[object Object]"), and Parallel branches and Map items counted from 1, as `asl graph` does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'asl-labels-'));
const template = join(dir, 'template.yaml');
writeFileSync(
  template,
  `Resources:
  Machine:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      Definition:
        StartAt: Call
        States:
          Call: { Type: Task, Resource: !GetAtt Fn.Arn, Next: Sub }
          Sub: { Type: Task, Resource: !Sub "arn:aws:lambda:\${AWS::Region}:\${AWS::AccountId}:function:\${Name}", Next: Ref }
          Ref: { Type: Task, Resource: !Ref FnArn, End: true }
`,
);

describe('unresolved template resources', () => {
  it('are named as written in the message for a missing stub', async () => {
    const run = await runCli(['run', template]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('No stub answers invocation 0 of Task state "Call" (resource !GetAtt Fn.Arn)');
    expect(run.stderr).not.toContain('[object Object]');
  });

  it('are named as written in the history, and stubs can match them by resource', async () => {
    const stubs = join(dir, 'stubs.yaml');
    writeFileSync(stubs, 'resources:\n  "!GetAtt Fn.Arn": { result: 1 }\nstates:\n  Sub: { result: 2 }\n  Ref: { result: 3 }\n');
    const run = await runCli(['run', template, '--stubs', stubs, '--format', 'json', '--history']);
    expect(run.code).toBe(0);
    const resources = new Set((JSON.parse(run.stdout).history as Array<Record<string, { resource?: string }>>).flatMap((e) => Object.values(e).flatMap((d) => (d && typeof d === 'object' && typeof d.resource === 'string' ? [d.resource] : []))));
    expect([...resources].sort()).toEqual(['!GetAtt Fn.Arn', '!Ref FnArn', 'arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Name}']);
  });
});

describe('branch and item numbers', () => {
  it('count from 1 in the plain trace, as graph labels branches', async () => {
    const definition = {
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'One', States: { One: { Type: 'Pass', End: true } } },
            { StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'Boom', States: { Boom: { Type: 'Fail', Error: 'Boom' } } }, End: true } } },
          ],
          End: true,
        },
      },
    };
    const file = join(dir, 'fan.asl.json');
    writeFileSync(file, JSON.stringify(definition));
    const run = await runCli(['run', file, '--input', '["a"]']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('┌ branch 1 of Fan');
    expect(run.stdout).toContain('┌ branch 2 of Fan');
    expect(run.stdout).toContain('┌ item 1 of Each');
    expect(run.stdout).toContain('✗ item 1 failed');
    expect(run.stdout).not.toMatch(/branch 0|item 0/);
    const graph = await runCli(['graph', file]);
    expect(graph.stdout).toContain('"branch 1"');
    expect(graph.stdout).toContain('"branch 2"');
  });
});
