// Definitions that a templating step fills in before AWS sees them (SAM / CloudFormation substitutions,
// Fn::Sub, Fn::Join from CDK, Terraform templatefile, Serverless variables): the deployable ones load and
// validate clean, the broken ones report the real mistake where it is written.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/api/index.js';
import { loadFile, loadText } from '../../src/source/index.js';
import { fixtures, positionOf } from './helpers.js';

const dir = `${fixtures}templated/`;
const text = (name: string): string => readFileSync(dir + name, 'utf8');

async function diagnosticsOf(name: string): Promise<Array<{ code: string; severity: string; line: number; column: number; message: string; file: string }>> {
  const results = await validate(name, { cwd: dir });
  return results.flatMap((result) => result.diagnostics.map((d) => ({ ...d, file: result.file })));
}

describe('placeholders outside strings', () => {
  it('reads a Terraform templatefile() definition, leaving ${…} values unjudged', async () => {
    const loaded = await loadFile(`${dir}ingest.asl.json.tpl`);
    expect(loaded.diagnostics).toEqual([]);
    const map = (loaded.machines[0]!.definition as any).States.IngestFiles;
    expect(map.MaxConcurrency).toBe('${max_concurrency}');
    expect(map.ToleratedFailurePercentage).toBe('${tolerated_failure_percentage}');
    expect(await diagnosticsOf('ingest.asl.json.tpl')).toEqual([]);
  });

  it('keeps every later position exact (the placeholder is masked, not removed)', () => {
    const source = text('ingest.asl.json.tpl');
    const machine = loadText(source, 'ingest.asl.json.tpl').machines[0]!;
    expect(machine.locate('/States/IngestFiles/MaxConcurrency')).toMatchObject(positionOf(source, '${max_concurrency}'));
    expect(machine.locate('/States/IngestFiles/Label')).toMatchObject(positionOf(source, '"Ingest"', '"Label"'));
  });

  it('reports the missing comma next to a placeholder, not the placeholder', async () => {
    const source = text('ingest-missing-comma.asl.json.tpl');
    const [error] = await diagnosticsOf('ingest-missing-comma.asl.json.tpl');
    expect(error).toMatchObject({ code: 'parse-error', message: 'Invalid JSON: expected "," or "}"', ...positionOf(source, '"End"', '"ResultPath"') });
  });

  it('reads Serverless ${self:…} (nested too) and #{AWS::AccountId} values as unresolved', async () => {
    const definition = loadText(text('serverless.yml'), 'serverless.yml').machines[0]!.definition as any;
    expect(definition.States.ChargeAll.ItemProcessor.States.Charge.Retry[0].MaxAttempts).toBe('${self:custom.retries.${sls:stage}}');
    expect(await diagnosticsOf('serverless.yml')).toEqual([]);
  });

  it('takes #{…} and {{resolve:…}} where a value belongs, and names an unclosed placeholder', () => {
    const loaded = loadText('{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": #{Delay}, "Comment": {{resolve:ssm:/a/b}}, "End": true}}}', 'a.json');
    expect((loaded.machines[0]!.definition as any).States.A).toMatchObject({ Seconds: '#{Delay}', Comment: '{{resolve:ssm:/a/b}}' });
    const unclosed = loadText('{"StartAt": "A", "States": {"A": {"Type": "Wait",\n  "Seconds": ${Delay,\n  "End": true}}}', 'a.json');
    expect(unclosed.diagnostics[0]).toMatchObject({ code: 'parse-error', line: 2, column: 14 });
    expect(unclosed.diagnostics[0]!.message).toBe('Invalid JSON: unexpected ${Delay: a placeholder that is never closed (add "}" on its line)');
  });
});

describe('values the template gives', () => {
  it('puts DefinitionSubstitutions literals into a DefinitionUri file; intrinsics stay placeholders', async () => {
    const loaded = await loadFile(`${dir}sam-template.yaml`);
    const definition = loaded.machines[0]!.definition as any;
    expect(definition.States.ResizeAll.MaxConcurrency).toBe(8);
    expect(definition.States.ResizeAll.ItemProcessor.States.Resize.Resource).toBe('${ResizeFunctionArn}');
    expect(definition.States.KeepOrDrop.Choices[0].NumericGreaterThan).toBe('${Retention}');
    expect(await diagnosticsOf('sam-template.yaml')).toEqual([]);
  });

  it('checks the substituted value, at the placeholder in the definition file', async () => {
    const [error, ...rest] = await diagnosticsOf('sam-template-bad-workers.yaml');
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ code: 'invalid-value', file: expect.stringMatching(/statemachine\/resize\.asl\.json$/), ...positionOf(text('statemachine/resize.asl.json'), '${NumberOfWorkers}') });
    expect(error!.message).toContain('-2');
  });

  it('reads ${Retention} unquoted in a !Sub | DefinitionString, and points a typo at its line in the template', async () => {
    expect(await diagnosticsOf('sub-retention.yaml')).toEqual([]);
    const [error] = await diagnosticsOf('sub-retention-bad-default.yaml');
    expect(error).toMatchObject({ code: 'unknown-state', ...positionOf(text('sub-retention-bad-default.yaml'), '"Kepe"') });
  });

  it('puts Fn::Sub variables in as text: unquoted they are numbers, quoted they stay strings', async () => {
    const definition = loadText(text('sub-variables.yaml'), 'sub-variables.yaml').machines[0]!.definition as any;
    expect(definition.States.Pause.Seconds).toBe(10);
    expect(definition.States.Poll.Parameters.ApiEndpoint).toBe('https://status.example.com/health');
    expect(definition.States.Poll.TimeoutSeconds).toBe('30');
    const diagnostics = await diagnosticsOf('sub-variables.yaml');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'string-in-number-field', ...positionOf(text('sub-variables.yaml'), '"${TimeoutSeconds}"') })]);
  });

  it('refuses a substitution whose text is not JSON in a DefinitionString, at the placeholder', () => {
    const template = [
      'Resources:',
      '  M:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionSubstitutions: { Delay: soon }',
      '      DefinitionString: |',
      '        {"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${Delay}, "End": true}}}',
      '',
    ].join('\n');
    const machine = loadText(template, 'template.yaml').machines[0]!;
    expect(machine.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', severity: 'error', path: '/States/A/Seconds', ...positionOf(template, '${Delay}') })]);
    expect(machine.diagnostics[0]!.message).toContain('${Delay} becomes "soon" after substitution, which is not a JSON value');
  });

  it('lets a DefinitionUri file take a non-JSON substitution as CloudFormation does (YAML), with a warning', () => {
    const template = 'Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      DefinitionUri: sm.asl.json\n      DefinitionSubstitutions:\n        Delay: soon\n';
    const definitionText = '{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${Delay}, "End": true}}}';
    const loaded = loadText(template, 'template.yaml', { baseDir: '/x', readFile: () => definitionText });
    const machine = loaded.machines[0]!;
    expect((machine.definition as any).States.A.Seconds).toBe('soon');
    expect(machine.diagnostics).toEqual([expect.objectContaining({ code: 'definition-not-json', severity: 'warning', ...positionOf(definitionText, '${Delay}') })]);
  });
});

describe('CDK output (Fn::Join)', () => {
  it('joins the pieces into a definition, intrinsics as placeholders, and validates it clean', async () => {
    const definition = loadText(text('cdk-orders.template.json'), 'cdk.json').machines[0]!.definition as any;
    expect(definition.States['Fetch order'].Resource).toBe('arn:${AWS::Partition}:states:::dynamodb:getItem');
    expect(definition.States['Charge card'].TimeoutSeconds).toBe('${ChargeTimeout}');
    expect(definition.States['Charge card'].Parameters.FunctionName).toBe('${ChargeFunction5A3C0A6B.Arn}');
    expect(await diagnosticsOf('cdk-orders.template.json')).toEqual([]);
  });

  it('reports a mistake at its line and column in the synthesised template', async () => {
    const [error] = await diagnosticsOf('cdk-orders-bad-next.template.json');
    expect(error).toMatchObject({ code: 'unknown-state', ...positionOf(text('cdk-orders-bad-next.template.json'), '\\"Charge crad\\"') });
  });

  it('points into the piece after an intrinsic, too', () => {
    const source = text('cdk-orders.template.json');
    const machine = loadText(source, 'cdk.json').machines[0]!;
    // An intrinsic's placeholder points at the intrinsic object in the template.
    const ref = source.lastIndexOf('{', source.indexOf('"Ref": "ChargeTimeout"'));
    const before = source.slice(0, ref);
    expect(machine.locate('/States/Charge card/TimeoutSeconds')).toMatchObject({ line: before.split('\n').length, column: ref - before.lastIndexOf('\n') });
    expect(machine.locate('/States/Charge card/Parameters/Payload.$')).toMatchObject(positionOf(source, '\\"$\\"', 'Payload.$'));
  });
});

describe('what the CloudFormation provider accepts', () => {
  it('warns about a trailing comma in a DefinitionUri file, at the comma, and keeps checking', async () => {
    const diagnostics = await diagnosticsOf('sam-trailing-comma.yaml');
    const notJson = diagnostics.find((d) => d.code === 'definition-not-json')!;
    expect(notJson).toMatchObject({ severity: 'warning', file: expect.stringMatching(/notify\.asl\.json$/), line: 10, column: 7 });
    expect(notJson.message).toMatch(/^Not strict JSON: trailing comma before "}" \(remove the comma\)\. CloudFormation reads a definition file as YAML/);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('keeps the trailing comma an error when the file is checked on its own', async () => {
    expect(await diagnosticsOf('statemachine/notify.asl.json')).toEqual([expect.objectContaining({ code: 'parse-error', severity: 'error', line: 10, column: 7 })]);
  });

  it('warns about a resource defined twice in the template with its own code', async () => {
    const duplicate = (await diagnosticsOf('sam-trailing-comma.yaml')).find((d) => d.code === 'template-duplicate-key');
    expect(duplicate).toMatchObject({ severity: 'warning', ...positionOf(text('sam-trailing-comma.yaml'), 'Topic:', 'Policies') });
  });

  it('reads a multi-line double-quoted DefinitionString whose lines start left of its key', async () => {
    expect(await diagnosticsOf('quoted-definition-string.yaml')).toEqual([]);
    const [error] = await diagnosticsOf('quoted-definition-string-bad-seconds.yaml');
    expect(error).toMatchObject({ code: 'string-in-number-field', ...positionOf(text('quoted-definition-string-bad-seconds.yaml'), '\\"five\\"') });
  });
});

describe('Fn::Join pieces', () => {
  it('joins a Fn::Sub string piece as written, with positions inside it', () => {
    const template = [
      'Resources:',
      '  M:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      DefinitionString: !Join',
      '        - ""',
      '        - - \'{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "\'',
      '          - !Sub "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:work"',
      '          - \'", "Nxt": "B", "End": true}}}\'',
      '',
    ].join('\n');
    const machine = loadText(template, 'template.yaml').machines[0]!;
    expect((machine.definition as any).States.A.Resource).toBe('arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:work');
    // The value opens with the quote that ends the first piece, and the second piece's text follows on.
    expect(machine.locate('/States/A/Resource')).toMatchObject(positionOf(template, `"'`, '"Resource"'));
    expect(machine.locate('/States/A/Nxt')).toMatchObject(positionOf(template, '"B"'));
  });
});

describe('a whole state written as a placeholder', () => {
  it('exists for StartAt and transitions, hides nothing else, and makes no state unreachable or unterminated', async () => {
    const text = '{"StartAt": "Charge", "States": {\n  "Charge": ${ChargeState},\n  "Refund": {"Type": "Pass", "Next": "Nowhere"}\n}}';
    const [result] = await validate(loadText(text, 'machine.asl.json.tpl'));
    expect(result!.diagnostics).toEqual([expect.objectContaining({ code: 'unknown-state', path: '/States/Refund/Next', ...positionOf(text, '"Nowhere"') })]);
  });
});

describe('substitutions in YAML', () => {
  const sam = (definition: string): string =>
    `Resources:\n  M:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n${definition}      DefinitionSubstitutions:\n        Workers: 8\n        Mode: soon\n`;

  it('types a plain ${…} scalar of a YAML DefinitionUri file as CloudFormation does (substituted, then parsed)', () => {
    const file = 'StartAt: A\nStates:\n  A:\n    Type: Wait\n    Seconds: ${Workers}\n    Comment: ${Mode}\n    Next: B\n  B:\n    Type: Wait\n    Seconds: "${Workers}"\n    End: true\n';
    const loaded = loadText(sam('      DefinitionUri: sm.asl.yaml\n'), 'template.yaml', { baseDir: '/x', readFile: () => file });
    const machine = loaded.machines[0]!;
    expect(machine.diagnostics).toEqual([]);
    expect((machine.definition as any).States.A).toMatchObject({ Seconds: 8, Comment: 'soon' });
    expect((machine.definition as any).States.B.Seconds).toBe('8');
  });

  it('keeps an inline Definition\'s placeholders strings: CloudFormation writes it out as JSON before substituting', async () => {
    const template = sam('      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Wait\n            Seconds: ${Workers}\n            End: true\n');
    const loaded = loadText(template, 'template.yaml');
    expect((loaded.machines[0]!.definition as any).States.A.Seconds).toBe('8');
    const [result] = await validate(loaded);
    expect(result!.diagnostics).toEqual([expect.objectContaining({ code: 'string-in-number-field', ...positionOf(template, '${Workers}') })]);
  });
});
