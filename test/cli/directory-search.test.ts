// `asl validate .` with the built executable over a project laid out as people lay them out: state
// machines in files named anything, templates sharing one definition file, vendored and built copies.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './run-cli.js';

const definition = '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}';
const sam = (id: string): string =>
  `Resources:\n  ${id}:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: ../statemachine/order.asl.json\n`;
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'asl-search-'));
  const files: Record<string, string> = {
    'statemachine/order.asl.json': definition,
    'stacks/dev.yaml': sam('DevOrders'),
    'stacks/prod.yaml': sam('ProdOrders'),
    'flows/refund.json': definition,
    'blk_serverless.yml': 'service: blk\nstepFunctions:\n  stateMachines:\n    nightly:\n      definition:\n        StartAt: A\n        States:\n          A: { Type: Succeed }\n',
    'config/settings.json': '{"retries": 3, "comment": "mentions States and StartAt in prose only"}',
    'node_modules/pkg/flow.json': definition,
    'cdk.out/Stack.template.json': '{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {}}}}',
    '.aws-sam/build/order.asl.json': definition,
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('asl validate . over a project', () => {
  it('finds state machines by content and reports the shared definition once', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'bin/asl.js'), 'validate', '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const entries = (JSON.parse(run.stdout) as { file: string; machine: string; name?: string }[]).map((e) => `${e.file} ${e.machine} ${e.name ?? '-'}`);
    // The definition two templates name is checked once, under the first template's logical id.
    expect(entries).toEqual([
      'blk_serverless.yml /stepFunctions/stateMachines/nightly/definition nightly',
      'flows/refund.json  -',
      'statemachine/order.asl.json  DevOrders',
    ]);
  });
});
