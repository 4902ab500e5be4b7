// Every validation fixture (test/fixtures/checks/**, test/fixtures/schema/*) again, written as YAML and
// as the inline Definition of a SAM template: the same findings (code, severity, pointer, message) as
// the JSON original, each at a line and column inside the text the user wrote.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { loadText } from '../../src/source/index.js';
import { validateMachine } from '../../src/validate/index.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const files = [
  ...readdirSync(join(fixtures, 'checks')).flatMap((dir) =>
    readdirSync(join(fixtures, 'checks', dir))
      .filter((f) => f.endsWith('.asl.json'))
      .map((f) => `checks/${dir}/${f}`),
  ),
  ...readdirSync(join(fixtures, 'schema'))
    .filter((f) => f.endsWith('.asl.json'))
    .map((f) => `schema/${f}`),
].sort();

type Key = Pick<Diagnostic, 'code' | 'severity' | 'path' | 'message'>;

function check(text: string, file: string): { keys: Key[]; diagnostics: Diagnostic[] } {
  const loaded = loadText(text, file);
  expect(loaded.diagnostics).toEqual([]);
  expect(loaded.machines).toHaveLength(1);
  const diagnostics = validateMachine(loaded.machines[0]!);
  const keys = diagnostics.map(({ code, severity, path, message }) => ({ code, severity, path, message }));
  return { keys: keys.sort((a, b) => `${a.path} ${a.code} ${a.message}`.localeCompare(`${b.path} ${b.code} ${b.message}`)), diagnostics };
}

/** A diagnostic points inside `text`, on the line that names the last token of its pointer. */
function pointsIntoText(d: Diagnostic, text: string, firstLine: number): void {
  const lines = text.split('\n');
  expect(d.line).toBeGreaterThanOrEqual(firstLine);
  expect(d.line).toBeLessThanOrEqual(lines.length);
  expect(d.column).toBeGreaterThanOrEqual(1);
  expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
  const last = d.path.split('/').pop()!.replace(/~1/g, '/').replace(/~0/g, '~');
  // A finding about a named member sits on the line that names it (a key) and holds its value.
  if (d.path !== '' && !/^\d+$/.test(last)) {
    const near = lines[d.line - 1]!;
    expect(near, `${d.code} ${d.path} at ${d.line}:${d.column}`).toContain(last);
  }
}

describe('validation fixtures written as YAML and inside a SAM template', () => {
  it.each(files)('%s', (name) => {
    const json = readFileSync(join(fixtures, name), 'utf8');
    const definition: unknown = JSON.parse(json);
    const expected = check(json, 'machine.asl.json').keys;

    const yaml = stringify(definition, { lineWidth: 0 });
    const asYaml = check(yaml, 'machine.asl.yaml');
    expect(asYaml.keys).toEqual(expected);
    for (const d of asYaml.diagnostics) pointsIntoText(d, yaml, 1);

    const template = stringify({
      AWSTemplateFormatVersion: '2010-09-09',
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: { Machine: { Type: 'AWS::Serverless::StateMachine', Properties: { Definition: definition } } },
    }, { lineWidth: 0 });
    const inTemplate = check(template, 'template.yaml');
    expect(inTemplate.keys).toEqual(expected);
    // The definition starts on line 7 of the template, below the resource's header.
    for (const d of inTemplate.diagnostics) pointsIntoText(d, template, 7);
  });
});
