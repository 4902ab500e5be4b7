/** The library's execute refuses what validate refuses, as docs/api.md says, and runs what only warns. */
import { describe, expect, it } from 'vitest';
import { execute, InvalidDefinitionError, RunSetupError } from '../../src/index.js';

describe('execute and invalid definitions', () => {
  it('rejects a Wait without a duration with InvalidDefinitionError (a RunSetupError) naming the finding', async () => {
    const definition = { StartAt: 'W', States: { W: { Type: 'Wait', End: true } } };
    const error = await execute(definition).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDefinitionError);
    expect(error).toBeInstanceOf(RunSetupError);
    expect((error as InvalidDefinitionError).findings.map((f) => f.code)).toEqual(['missing-one-of-fields']);
    expect((error as Error).message).toContain('/States/W: Wait state "W" does not say how long to wait');
  });

  it('rejects unknown fields and machines with no terminal state', async () => {
    await expect(execute({ StartAt: 'A', States: { A: { Type: 'Pass', Bogus: 1, End: true } } })).rejects.toThrow(/unknown-field/);
    await expect(execute({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'A' } } })).rejects.toThrow(/no-terminal-state/);
  });

  it('runs a definition with warnings only', async () => {
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 10, MaxDelaySeconds: 5 }], End: true } },
    };
    const result = await execute(definition, {}, { stubs: { states: { T: { result: 1 } } } });
    expect(result.status).toBe('SUCCEEDED');
  });

  it('rejects an input over 262,144 bytes or nested thousands deep with RunSetupError, before anything runs', async () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
    await expect(execute(definition, { blob: 'x'.repeat(262_144) })).rejects.toThrow(/The input has 262155 bytes as JSON; AWS Step Functions accepts an execution input of at most 262144 bytes/);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    await expect(execute(definition, deep)).rejects.toThrow(RunSetupError);
    await expect(execute(definition, deep)).rejects.toThrow(/more than 1000 levels deep/);
  });
});
