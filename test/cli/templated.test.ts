// `asl validate` on templated definitions, through the built executable as a user runs it: the deployable
// ones exit 0, the broken ones exit 1 and name the file, line and column of the real mistake.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnCli } from './run-cli.js';

const dir = fileURLToPath(new URL('../fixtures/source/templated/', import.meta.url));

describe('asl validate on templated definitions', () => {
  it('exits 0 on a SAM template, a !Sub | string, a Terraform template, a Serverless file and CDK output', () => {
    const run = spawnCli(['validate', 'sam-template.yaml', 'sub-retention.yaml', 'ingest.asl.json.tpl', 'serverless.yml', 'cdk-orders.template.json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('5 state machines valid');
    expect(run.code).toBe(0);
  });

  it('exits 1 on a substituted value AWS would refuse, pointing at the placeholder in the definition file', () => {
    const run = spawnCli(['validate', 'sam-template-bad-workers.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('statemachine/resize.asl.json');
    expect(run.stdout).toMatch(/8:25 +error +MaxConcurrency should be at least 0, but is -2/);
  });

  it('exits 1 on a typo inside CDK output, at its line and column in the synthesised template', () => {
    const run = spawnCli(['validate', '--format', 'json', 'cdk-orders-bad-next.template.json'], { cwd: dir });
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'unknown-state', line: 63, column: 76 })]);
  });

  it('exits 0 with warnings for what CloudFormation deploys but the API would refuse', () => {
    const run = spawnCli(['validate', 'sam-trailing-comma.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/10:7 +warning +Not strict JSON: trailing comma/);
    expect(run.stdout).toMatch(/19:3 +warning +Duplicate key "Topic".*template-duplicate-key/);
  });

  it('exits 1 on the same trailing comma in the definition file alone', () => {
    const run = spawnCli(['validate', 'statemachine/notify.asl.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/10:7 +error +Invalid JSON: trailing comma before "}" \(remove the comma\)/);
  });

  it('reads a Terraform template piped on stdin, and points a mistake after a placeholder at its line', () => {
    const text = readFileSync(`${dir}ingest.asl.json.tpl`, 'utf8');
    expect(spawnCli(['validate', '-'], { cwd: dir, stdin: text })).toMatchObject({ code: 0, stderr: '' });
    const broken = text.replace('"Label": "Ingest"', '"Lable": "Ingest"');
    const run = spawnCli(['validate', '-'], { cwd: dir, stdin: broken });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/26:16 +error +"Lable" is not a field of Map state "IngestFiles"/);
  });
});
