import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';

const fixtures = fileURLToPath(new URL('../fixtures/lint/', import.meta.url));

describe('asl lint', () => {
  it('reports a rule finding with its id as code and exits 0 on warnings alone', async () => {
    const run = await runCli(['lint', 'no-timeout.asl.json', '--format', 'json'], { cwd: fixtures });
    expect(run.stdout).toContain('"task-timeout"');
    expect(run.code).toBe(0);
  });
  it('lets --rule raise a rule to error, which exits 1', async () => {
    const run = await runCli(['lint', 'no-timeout.asl.json', '--rule', 'task-timeout=error'], { cwd: fixtures });
    expect(run.code).toBe(1);
  });
  it('rejects an unknown rule id with exit 2', async () => {
    const run = await runCli(['lint', 'no-timeout.asl.json', '--rule', 'task-timeot=error'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('task-timeot');
  });
  it('lists the rules', async () => {
    const run = await runCli(['rules'], { cwd: fixtures });
    expect(run.stdout).toMatch(/^task-timeout\s+warning/m);
  });
});

describe('asl lint configuration', () => {
  it('finds .aslrc.json upwards from the file and applies its severity', async () => {
    const run = await runCli(['lint', 'configured/no-timeout.asl.json'], { cwd: fixtures });
    expect(run.code).toBe(1);
  });
  it('lets --rule win over the config file', async () => {
    const run = await runCli(['lint', 'configured/no-timeout.asl.json', '--rule', 'task-timeout=off'], { cwd: fixtures });
    expect(run.code).toBe(0);
  });
  it('rejects a config naming an unknown rule with exit 2', async () => {
    const run = await runCli(['lint', 'bad-config/no-timeout.asl.json'], { cwd: fixtures });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('task-timout');
  });
});
