/** The stub file format and the AWS mock config: shape checks, matching and invocation counting. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { checkStubFile, execute, mockConfigAnswerer, stubFileAnswerer, type TaskRequest } from '../../src/run/index.js';

const repo = path.resolve(import.meta.dirname, '../..');
const schema = JSON.parse(readFileSync(path.join(repo, 'schemas/stubs.schema.json'), 'utf8'));
const validate = new Ajv({ strict: false }).compile(schema);
const cliFixtures = path.join(repo, 'test/fixtures/run/cli');

const request = (over: Partial<TaskRequest>): TaskRequest => ({
  stateName: 'T',
  qualifiedName: 'T',
  resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
  input: {},
  invocation: 0,
  context: {},
  ...over,
});
const noModules = { loadHandler: async () => (() => 1) as never };

describe('stub files', () => {
  test('the JSON Schema and the loader agree on every stub file in the fixtures', () => {
    for (const name of readdirSync(cliFixtures).filter((f) => f.endsWith('.yaml'))) {
      const value = parse(readFileSync(path.join(cliFixtures, name), 'utf8'));
      let loaderAccepts = true;
      try {
        checkStubFile(value);
      } catch {
        loaderAccepts = false;
      }
      expect(validate(value), name).toBe(loaderAccepts);
    }
  });

  test('a full nested path wins over the bare state name, and resource patterns come last', async () => {
    const answerer = stubFileAnswerer(
      checkStubFile({ states: { T: { result: 'bare' }, 'Outer/0/T': { result: 'full' } }, resources: { 'arn:aws:lambda:*': { result: 'pattern' } } }),
      noModules,
    );
    expect(await answerer.answer(request({ qualifiedName: 'Outer/0/T' }))).toMatchObject({ result: 'full' });
    expect(await answerer.answer(request({}))).toMatchObject({ result: 'bare' });
    expect(await answerer.answer(request({ stateName: 'U', qualifiedName: 'U' }))).toMatchObject({ result: 'pattern' });
  });

  test('a sequence answers one entry per invocation and then repeats its last', async () => {
    const answerer = stubFileAnswerer(checkStubFile({ states: { T: { sequence: [{ error: 'E' }, { result: 2 }] } } }), noModules);
    expect(await answerer.answer(request({ invocation: 0 }))).toMatchObject({ kind: 'error', error: 'E' });
    expect(await answerer.answer(request({ invocation: 5 }))).toMatchObject({ kind: 'result', result: 2 });
  });

  test.each([
    [{ states: { T: {} } }, 'an answer needs exactly one of'],
    [{ states: { T: { result: 1, latency: -1 } } }, 'latency must be a number'],
    [{ states: { T: { module: 'handlers.mjs' } } }, 'module must look like'],
    [{ states: { T: { expression: '$.a' } } }, 'expression must be a JSONata expression'],
    [{ stats: {} }, 'unknown top-level key(s) "stats"'],
  ])('rejects %j with a message that says what is wrong', (value, message) => {
    expect(() => checkStubFile(value)).toThrow(message);
  });
});

describe('AWS Step Functions Local mock config', () => {
  const config = {
    StateMachines: { M: { TestCases: { Case: { T: 'R' } } } },
    MockedResponses: { R: { '0-1': { Throw: { Error: 'E', Cause: 'c' } }, '2': { Return: { ok: true } } } },
  };

  test('counts invocations per state, retries included, through ranges', async () => {
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', Retry: [{ ErrorEquals: ['E'], IntervalSeconds: 1, MaxAttempts: 2 }], End: true } },
    };
    const result = await execute(definition, {}, { answerer: mockConfigAnswerer(config, 'Case') });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { ok: true } });
  });

  test('an invocation with no answer is an error naming the state and the invocation number', async () => {
    const answerer = mockConfigAnswerer(config, 'Case', 'M');
    await expect(answerer.answer(request({ invocation: 3 }))).rejects.toThrow('no answer for invocation 3 of state "T"');
  });

  test('needs --state-machine when the file names several machines', () => {
    const two = { ...config, StateMachines: { A: config.StateMachines.M, B: config.StateMachines.M } };
    expect(() => mockConfigAnswerer(two, 'Case')).toThrow('choose one with --state-machine');
  });
});
