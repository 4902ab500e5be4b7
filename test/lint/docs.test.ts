import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintDefinition, rules } from '../../src/lint/index.js';

const docsDir = fileURLToPath(new URL('../../docs/rules/', import.meta.url));
const page = (id: string) => readFileSync(`${docsDir}${id}.md`, 'utf8');

/** The first ```json block under "## Failing example". */
function failingExample(markdown: string): unknown {
  const section = markdown.split('## Failing example')[1] ?? '';
  const block = /```json\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('no ```json block under "## Failing example"');
  return JSON.parse(block[1]!);
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A page shows the smallest piece that makes the point: a whole machine, a map of states, one state, or the
 * Retry/Catch fragment of a Task. Wrap it into a machine, giving every state it names as a target a Succeed.
 */
function asMachine(example: Obj): Obj {
  if ('StartAt' in example) return example;
  const values = Object.values(example);
  if (values.length > 0 && values.every((v) => isObject(v) && 'Type' in v)) return { StartAt: Object.keys(example)[0], States: example };
  const state: Obj = 'Type' in example ? { ...example } : { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', ...example };
  if (!['Choice', 'Succeed', 'Fail'].includes(String(state.Type)) && !('Next' in state) && !('End' in state)) state.End = true;
  const targets = new Set<string>();
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) (k === 'Next' || k === 'Default') && typeof x === 'string' ? targets.add(x) : k !== 'Branches' && k !== 'ItemProcessor' && k !== 'Iterator' && collect(x);
  };
  collect(state);
  return { StartAt: 'Example', States: { Example: state, ...Object.fromEntries([...targets].map((t) => [t, { Type: 'Succeed' }])) } };
}

describe('rule docs', () => {
  const pages = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort();
  it('has a page for every rule and a rule for every page', () => {
    expect(pages).toEqual(rules.map((r) => r.meta.id).sort());
  });

  describe.each(rules.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
    it('states the default severity the rule has', () => {
      expect(page(id)).toContain(`Default severity: **${rule.meta.defaultSeverity}**`);
    });
    it('says when it reports and when it does not', () => {
      expect(page(id)).toContain('## When it reports, and when it does not');
    });
    it('reports its own failing example, with the default settings', () => {
      const definition = asMachine(failingExample(page(id)) as Obj);
      const found = lintDefinition(definition, { workflowType: id === 'express-unsupported' ? 'express' : undefined });
      expect(found.filter((f) => f.code === id).length, JSON.stringify(found.map((f) => f.code))).toBeGreaterThan(0);
    });
  });
});
