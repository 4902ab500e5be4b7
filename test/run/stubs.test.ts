/** The stub file format and the AWS mock config: shape checks, matching and invocation counting. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { checkMockConfig, checkStubFile, describePointer, execute, MockConfigError, mockConfigAnswerer, StubFileError, stubFileAnswerer, type TaskRequest } from '../../src/run/index.js';

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
    [{ stats: {} }, 'unexpected key "stats"; a stub file has "states"'],
    [{ states: { T: { result: 1, error: 'E' } } }, 'an answer needs exactly one of result, error, sequence, expression, module (it has result and error)'],
    [{ states: { T: { result: 1, cause: 'c' } } }, 'unexpected key "cause" for a "result" answer'],
    [{ states: { T: { sequence: [] } } }, 'sequence must be a non-empty list of answers'],
    [{ states: { T: { expression: '{% $x + %}' } } }, 'the JSONata expression does not parse'],
    [{ items: { 's3://b/k': 3 } }, '"items" must map "s3://bucket/key" to a local file path'],
    [[], 'a stub file must hold an object'],
  ])('rejects %j with a message that says what is wrong', (value, message) => {
    expect(() => checkStubFile(value)).toThrow(message);
  });
});

describe('stub file problems point at their values', () => {
  test('each problem has the JSON Pointer of the offending value, nested sequence answers included', () => {
    let error: StubFileError | undefined;
    try {
      checkStubFile({ states: { 'Charge card': { sequence: [{ error: 5 }, { result: 1, latency: -2 }] } }, extra: 1 });
    } catch (e) {
      error = e as StubFileError;
    }
    expect(error).toBeInstanceOf(StubFileError);
    expect(error!.problems).toEqual([
      { pointer: '/extra', message: 'unexpected key "extra"; a stub file has "states", "resources", "items" or "results"' },
      { pointer: '/states/Charge card/sequence/0/error', message: 'error must be a string such as "Lambda.ServiceException"' },
      { pointer: '/states/Charge card/sequence/1/latency', message: 'latency must be a number of seconds, 0 or more' },
    ]);
    expect(describePointer('/states/Charge card/sequence/1/latency')).toBe('states."Charge card".sequence[1].latency');
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

  test.each([
    [{}, '/', 'the file has no "StateMachines" object'],
    [{ StateMachines: {}, Extra: 1 }, '/Extra', 'unexpected key "Extra"'],
    [{ StateMachines: { M: { TestCases: { C: { T: 1 } } } } }, '/StateMachines/M/TestCases/C/T', 'a test case maps a state name to the name of a mocked response'],
    [{ StateMachines: {}, MockedResponses: { R: { first: { Return: 1 } } } }, '/MockedResponses/R/first', '"first" is not an invocation number'],
    [{ StateMachines: {}, MockedResponses: { R: { '0': { Return: 1, Throw: {} } } } }, '/MockedResponses/R/0', 'exactly one of "Return" or "Throw"'],
    [{ StateMachines: {}, MockedResponses: { R: { '0': { Throw: { Error: 'E', Why: 'x' } } } } }, '/MockedResponses/R/0/Throw/Why', 'unexpected key "Why"'],
    [{ StateMachines: {}, MockedResponses: { R: { '3-1': { Return: 1 } } } }, '/MockedResponses/R/3-1', 'runs backwards'],
    [{ StateMachines: {}, MockedResponses: { R: { '0-2': { Return: 1 }, '2-3': { Return: 2 } } } }, '/MockedResponses/R/2-3', 'overlap "0-2"'],
    [{ StateMachines: { M: { TestCases: { C: { T: 'Missing' } } } }, MockedResponses: {} }, '/StateMachines/M/TestCases/C/T', 'which MockedResponses does not define'],
    [
      { StateMachines: { M: { TestCases: { C: { T: 'ChargeOK' } } } }, MockedResponses: { ChargeOk: { '0': { Return: 1 } }, Fails: { '0': { Return: 2 } } } },
      '/StateMachines/M/TestCases/C/T',
      'which MockedResponses does not define (it has ChargeOk, Fails); did you mean "ChargeOk"?',
    ],
  ])('rejects %j at %s: %s', (config, pointer, message) => {
    let error: MockConfigError | undefined;
    try {
      checkMockConfig(config);
    } catch (e) {
      error = e as MockConfigError;
    }
    expect(error).toBeInstanceOf(MockConfigError);
    const problem = error!.problems.find((p) => p.message.includes(message));
    expect(problem, JSON.stringify(error!.problems)).toBeDefined();
    expect(problem!.pointer).toBe(pointer === '/' ? '' : pointer);
  });

  test('needs --state-machine when the file names several machines', () => {
    const two = { ...config, StateMachines: { A: config.StateMachines.M, B: config.StateMachines.M } };
    expect(() => mockConfigAnswerer(two, 'Case')).toThrow('choose one with --state-machine');
  });
});
