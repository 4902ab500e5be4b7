// scripts/build-shapes.mjs keeps only the output shapes of an SDK model, compactly: references to named
// shapes are shared (and may be recursive), field names get Step Functions' upper-case first letter, and a
// model or operation that is not there fails the build by name.
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildShapes, serviceOutputs } from '../../scripts/build-shapes.mjs';

const model = {
  operations: {
    DescribeThing: { output: { type: 'structure', required: ['thingId'], members: { thingId: {}, tags: { shape: 'Tags' }, parent: { shape: 'Node' }, size: { type: 'long' }, at: { type: 'timestamp' }, doc: { shape: 'Doc' } } } },
    DeleteThing: {},
  },
  shapes: {
    Tags: { type: 'map', key: {}, value: { type: 'list', member: { type: 'blob' } } },
    Node: { type: 'structure', members: { child: { shape: 'Node' }, ratio: { type: 'double' }, on: { type: 'boolean' } } },
    Doc: { type: 'structure', document: true },
  },
};

describe('build-shapes', () => {
  it('encodes structures, lists, maps, primitives and recursion, with capitalised field names', () => {
    const { ops, shapes } = serviceOutputs(model, ['DescribeThing', 'DeleteThing']);
    expect(ops.deleteThing).toBe(-1);
    const top = shapes[ops.describeThing];
    expect(top[1]).toEqual(['ThingId']);
    expect(top[0]).toMatchObject({ ThingId: 's', Size: 'i', At: 't', Doc: 'a' });
    const tags = shapes[top[0].Tags];
    expect(tags[0]).toBe('M');
    expect(shapes[tags[1]]).toEqual(['L', 'B']);
    const node = shapes[top[0].Parent];
    expect(node[0]).toEqual({ Child: top[0].Parent, Ratio: 'n', On: 'b' });
  });

  it('fails naming the operation that a model does not have', () => {
    expect(() => serviceOutputs(model, ['Nope'], 'thing')).toThrow('thing has no operation Nope');
  });

  it('reads every optimized integration that calls an SDK operation from the installed aws-sdk', async () => {
    const apis = join(createRequire(import.meta.url).resolve('aws-sdk/package.json'), '..', 'apis');
    const data = await buildShapes(apis);
    expect(data.optimized['lambda:invoke']).toEqual(['lambda', 'invoke']);
    expect(data.optimized['events:putEvents']).toEqual(['eventbridge', 'putEvents']);
    expect(data.optimized['elasticmapreduce:addStep']).toEqual(['emr', 'addJobFlowSteps']);
    expect(data.optimized['http:invoke']).toBeUndefined();
    expect(Object.keys(data.services.s3.ops)).toContain('getObject');
  });
});
