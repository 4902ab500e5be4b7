import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatters, formatNames } from '../../src/report/index.js';
import type { Painter } from '../../src/report/types.js';
import { expectGolden } from './golden.js';
import { sampleResults, sampleRules, sampleSources } from './sample-results.js';

const goldenDir = fileURLToPath(new URL('../fixtures/report/', import.meta.url));
const extension = { stylish: 'txt', json: 'json', sarif: 'sarif', github: 'txt', junit: 'xml' } as const;
const options = { rules: sampleRules, sourceText: (file: string) => sampleSources[file], toolVersion: '1.2.3' };

describe('every formatter', () => {
  for (const name of formatNames) {
    it(`${name} renders the sample results exactly as its golden file`, () => {
      expectGolden(formatters[name](sampleResults, options), `${goldenDir}sample.${name}.${extension[name]}`);
    });
  }
});

describe('stylish', () => {
  it('reports every machine valid when there are no problems', () => {
    const out = formatters.stylish([sampleResults[0]!, sampleResults[3]!]);
    expect(out).toBe('✔ 2 state machines valid\n');
  });

  it('counts problems by severity and files in the summary', () => {
    const out = formatters.stylish(sampleResults, options);
    expect(out.trimEnd().split('\n').at(-1)).toBe('✖ 4 problems (2 errors, 1 warning, 1 info) in 3 files');
  });

  it('puts a caret under the reported column of the quoted source line', () => {
    const out = formatters.stylish([sampleResults[1]!], options);
    const lines = out.split('\n');
    const quoted = lines.findIndex((l) => l.includes('"Next": "ProcesOrder"'));
    const caretColumn = lines[quoted + 1]!.indexOf('^');
    const sourceStart = lines[quoted]!.indexOf('|') + 2;
    expect(caretColumn - sourceStart).toBe(14);
  });

  it('uses the painter it is given for colour, and nothing else', () => {
    const tag = (name: string) => (t: string) => `<${name}>${t}</${name}>`;
    const painter: Painter = { red: tag('r'), yellow: tag('y'), blue: tag('b'), green: tag('g'), dim: tag('d'), bold: tag('B'), underline: tag('u') };
    const out = formatters.stylish([sampleResults[1]!], { ...options, painter });
    expect(out).toContain('<u>orders/broken.asl.json</u>');
    expect(out).toContain('<r>error</r>');
    expect(formatters.stylish([sampleResults[1]!], options)).not.toMatch(/\u001b\[/);
  });

  it('names the JSON Pointer of each finding after the caret, and nothing for the definition itself', () => {
    const lines = formatters.stylish(sampleResults, options).split('\n');
    expect(lines.find((l) => l.includes('^') && l.includes('/States/Validate/Next'))).toBe('      |               ^ /States/Validate/Next');
    expect(lines).toContain('       |     ^ /States/Orphan');
    // The syntax error's path is "": its caret line ends at the caret.
    const syntaxCaret = lines[lines.findIndex((l) => l.includes('{ "a" & }')) + 1]!;
    expect(syntaxCaret.trimEnd().endsWith('^')).toBe(true);
  });

  it('names the JSON Pointer on a line of its own when the source line cannot be shown', () => {
    const out = formatters.stylish([sampleResults[1]!]);
    expect(out).toContain('next-state-exists\n    path: /States/Validate/Next\n');
    expect(out).toContain('unreachable-state\n    path: /States/Orphan\n    hint: ');
    const root = { file: 'x.json', machine: '', valid: false, diagnostics: [{ code: 'c', severity: 'error' as const, message: 'm', path: '', line: 1, column: 1 }] };
    expect(formatters.stylish([root])).not.toContain('path:');
  });

  it('shows a window of a very long line around the column', () => {
    const long = '{' + '"k": 1, '.repeat(100) + '"bad": x}';
    const result = { file: 'min.json', machine: '', valid: false, diagnostics: [{ code: 'json-syntax', severity: 'error' as const, message: 'bad', path: '', line: 1, column: long.indexOf('x') + 1 }] };
    const out = formatters.stylish([result], { sourceText: () => long });
    const [quoted, caret] = out.split('\n').slice(2, 4);
    expect(quoted!.length).toBeLessThan(140);
    expect(quoted![caret!.indexOf('^')]).toBe('x');
  });
});

describe('json', () => {
  it('prints one entry per state machine with file, machine, valid and diagnostics', () => {
    const parsed = JSON.parse(formatters.json(sampleResults)) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(sampleResults.length);
    expect(Object.keys(parsed[0]!)).toEqual(['file', 'machine', 'valid', 'diagnostics']);
    expect(parsed[2]).toMatchObject({ file: 'template.yaml', machine: '/Resources/OrderMachine/Properties/Definition', name: 'OrderMachine' });
  });
});

describe('github', () => {
  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    const out = formatters.github([sampleResults[4]!]);
    expect(out).toBe(
      "::error file=weird%2C name%3A 100%25.json,line=1,col=3,title=json-syntax::Unexpected token <\"a\" & 'b'> at 50%25%0D%0Aline two\n",
    );
  });

  it('maps info to notice and warning to warning', () => {
    const out = formatters.github(sampleResults);
    expect(out).toContain('::notice file=template.yaml,line=3,col=7,title=deprecated-field::');
    expect(out).toContain('::warning file=orders/broken.asl.json,line=10,col=5,title=unreachable-state::');
  });
});

describe('sarif', () => {
  const log = JSON.parse(formatters.sarif(sampleResults, options));
  const run = log.runs[0];

  it('is version 2.1.0 with a rule for every listed code and every code seen', () => {
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'next-state-exists',
      'unreachable-state',
      'deprecated-field',
      'json-syntax',
    ]);
    expect(run.tool.driver.rules[0]).toMatchObject({ shortDescription: { text: 'Next and Default name an existing state' }, helpUri: sampleRules[0]!.docsUrl });
  });

  it('gives each result a rule id, a level, a relative artifact URI and a region', () => {
    expect(run.results[0]).toMatchObject({
      ruleId: 'next-state-exists',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'orders/broken.asl.json' }, region: { startLine: 5, startColumn: 15, endLine: 5, endColumn: 28 } } }],
    });
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning', 'note', 'error']);
  });
});

describe('junit', () => {
  it('escapes markup and quotes so the XML stays well formed', () => {
    const out = formatters.junit([sampleResults[4]!]);
    expect(out).toContain('message="Unexpected token &lt;&quot;a&quot; &amp; &apos;b&apos;&gt; at 50%&#13;&#10;line two"');
    expect(out).not.toMatch(/<"a"/);
  });

  it('has a testsuite per file and a testcase per machine', () => {
    const out = formatters.junit(sampleResults);
    expect(out.match(/<testsuite /g)).toHaveLength(4);
    expect(out.match(/<testcase /g)).toHaveLength(5);
    expect(out).toContain('<testsuite name="template.yaml" tests="2" failures="0"');
  });
});

describe('sarif artifact URIs', () => {
  it('makes absolute paths under the working directory relative, with forward slashes', async () => {
    const { artifactUri } = await import('../../src/report/sarif.js');
    expect(artifactUri('/repo/sm/a.asl.json', '/repo')).toBe('sm/a.asl.json');
    expect(artifactUri('.\\sm\\a b.json')).toBe('sm/a%20b.json');
    expect(artifactUri('/elsewhere/a.json', '/repo')).toBe('file:///elsewhere/a.json');
  });

  it('encodes a colon in the first segment of a relative path, which would otherwise read as a scheme', async () => {
    const { artifactUri } = await import('../../src/report/sarif.js');
    expect(artifactUri('we:ird.asl.json')).toBe('we%3Aird.asl.json');
    expect(artifactUri('sm/we:ird.asl.json')).toBe('sm/we:ird.asl.json');
  });
});
