import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/source/index.js';
import type { LoadedFile, MachineSource } from '../../src/source/index.js';
import { fixture, fixtures, positionOf } from './helpers.js';

function machineNamed(loaded: LoadedFile, name: string): MachineSource {
  const machine = loaded.machines.find((m) => m.name === name);
  if (!machine) throw new Error(`no machine ${name} in ${loaded.machines.map((m) => m.name).join(', ')}`);
  return machine;
}

describe('a SAM template in YAML with short tags', () => {
  const text = fixture('sam-template.yaml');
  const loaded = loadText(text, 'infra/sam-template.yaml', { baseDir: fixtures });

  it('finds every loadable machine, in template order, named by logical id', () => {
    expect(loaded.machines.map((m) => m.name)).toEqual(['OrderMachine', 'TimerMachine', 'FileMachine', 'GluedMachine']);
  });

  it('gives an inline Definition its pointer and the SAM Type as workflow type', () => {
    const machine = machineNamed(loaded, 'OrderMachine');
    expect(machine.pointer).toBe('/Resources/OrderMachine/Properties/Definition');
    expect(machine.workflowType).toBe('EXPRESS');
    expect(machine.locate('/States/Charge/Next')).toMatchObject(positionOf(text, 'Done', 'Next:'));
  });

  it('turns short tags into their long form', () => {
    const charge = (machineNamed(loaded, 'OrderMachine').definition as any).States.Charge;
    expect(charge.Resource).toEqual({ 'Fn::GetAtt': ['ChargeFunction', 'Arn'] });
    expect(charge.Parameters).toEqual({
      Table: { Ref: 'OrdersTable' },
      Message: { 'Fn::Sub': 'order ${AWS::StackName}' },
      Parts: { 'Fn::Join': [',', ['a', 'b']] },
      Pick: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
    });
  });

  it('parses a !Sub | DefinitionString and maps its positions back into the template', () => {
    const machine = machineNamed(loaded, 'TimerMachine');
    expect(machine.pointer).toBe('/Resources/TimerMachine/Properties/DefinitionString/Fn::Sub');
    expect((machine.definition as any).States.Invoke.Resource).toBe('${WorkerArn}');
    expect(machine.locate('/States/Wait/Seconds')).toMatchObject(positionOf(text, '5,'));
    expect(machine.locate('/States/Invoke')).toEqual(positionOf(text, '"Invoke": {'));
  });

  it('loads a DefinitionUri file relative to the template and reports positions in that file', () => {
    const machine = machineNamed(loaded, 'FileMachine');
    expect(machine.file).toBe('infra/statemachine/order.asl.yaml');
    expect(machine.pointer).toBe('');
    expect(machine.locate('/States/Work/Resource')).toMatchObject(positionOf(fixture('statemachine/order.asl.yaml'), '${WorkerArn}'));
  });

  it('skips an S3 definition with a diagnostic at the property that names it', () => {
    expect(loaded.diagnostics).toEqual([
      expect.objectContaining({ code: 'definition-not-local', severity: 'info', ...positionOf(text, 'DefinitionS3Location') }),
    ]);
    expect(loaded.diagnostics.map((d) => d.path)).toEqual(['/Resources/RemoteMachine/Properties/DefinitionS3Location']);
  });

  it('joins a !Join DefinitionString and maps its positions into the pieces in the template', () => {
    const machine = machineNamed(loaded, 'GluedMachine');
    expect(machine.definition).toEqual({ StartAt: 'A', States: {} });
    expect(machine.locate('/States')).toEqual(positionOf(text, '\\"States', '!Join'));
  });

  it('loads a DefinitionS3Location that names a local file (as before `aws cloudformation package`)', () => {
    const template = 'Resources:\n  Local:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionS3Location: statemachine/order.asl.yaml\n';
    const local = loadText(template, 'infra/template.yaml', { baseDir: fixtures });
    expect(local.diagnostics).toEqual([]);
    expect(local.machines).toEqual([expect.objectContaining({ name: 'Local', file: 'infra/statemachine/order.asl.yaml', pointer: '' })]);
    expect(local.machines[0]!.locate('/States/Work/Resource')).toMatchObject(positionOf(fixture('statemachine/order.asl.yaml'), '${WorkerArn}'));
  });

  it.skipIf(process.platform === 'win32')('does not read a DefinitionUri that names a directory or a device, and says why', () => {
    const template = [
      'Resources:',
      '  Folder:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      DefinitionUri: statemachine',
      '  Device:',
      '    Type: AWS::Serverless::StateMachine',
      '    Properties:',
      '      DefinitionUri: /dev/zero',
      '',
    ].join('\n');
    const loaded = loadText(template, 'template.yaml', { baseDir: fixtures });
    expect(loaded.machines).toEqual([]);
    expect(loaded.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['definition-file-unreadable', 5, "State machine Folder: cannot read its definition file statemachine (it is a directory); check the path (it is relative to the template's folder)"],
      ['definition-file-unreadable', 9, "State machine Device: cannot read its definition file /dev/zero (it is not a regular file); check the path (it is relative to the template's folder)"],
    ]);
  });

  it('reports a DefinitionUri that cannot be read at the DefinitionUri', () => {
    const other = loadText(text, 'sam-template.yaml', { readFile: () => undefined });
    expect(other.diagnostics[0]).toMatchObject({
      code: 'definition-file-unreadable',
      path: '/Resources/FileMachine/Properties/DefinitionUri',
      ...positionOf(text, 'statemachine/order.asl.yaml'),
    });
  });
});

describe('a CloudFormation template in JSON', () => {
  const text = fixture('cfn-template.json');
  const loaded = loadText(text, 'cfn-template.json');

  it('finds the DefinitionString, Fn::Sub, inline and Fn::Join machines with their workflow types', () => {
    expect(loaded.machines.map((m) => [m.name, m.workflowType])).toEqual([
      ['EscapedMachine', 'STANDARD'],
      ['SubMachine', 'EXPRESS'],
      ['InlineMachine', undefined],
      ['JoinedMachine', undefined],
    ]);
  });

  it('maps positions inside a JSON-escaped DefinitionString back to the template', () => {
    const machine = machineNamed(loaded, 'EscapedMachine');
    // "Second" as the value of Next: \"Second\" in the template; the position is the escaped quote.
    expect(machine.locate('/States/First/Next')).toMatchObject(positionOf(text, '\\"Second\\"}'));
    expect(machine.locate('/States/Second')).toEqual(positionOf(text, '\\"Second\\": {'));
  });

  it('parses the string of a Fn::Sub [string, variables] pair', () => {
    const machine = machineNamed(loaded, 'SubMachine');
    expect(machine.pointer).toBe('/Resources/SubMachine/Properties/DefinitionString/Fn::Sub/0');
    expect((machine.definition as any).States.Call.Resource).toBe('${Fn}');
    expect(machine.locate('/States/Call/Resource')).toMatchObject(positionOf(text, '\\"${Fn}\\"'));
  });

  it('keeps intrinsic objects in an inline Definition', () => {
    expect((machineNamed(loaded, 'InlineMachine').definition as any).States.Only.Resource).toEqual({ 'Fn::GetAtt': ['Worker', 'Arn'] });
  });

  it('checks a Fn::Join DefinitionString rather than skipping it', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(machineNamed(loaded, 'JoinedMachine').locate('/States')).toEqual(positionOf(text, '\\"States', 'Fn::Join'));
  });

  it('reports a DefinitionString that does not parse at its position in the template', () => {
    const broken = '{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {\n"DefinitionString": "{\\"StartAt\\": \\"A\\" \\"States\\": {}}"}}}}';
    const result = loadText(broken, 'broken.json');
    expect(result.machines).toEqual([]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', ...positionOf(broken, '\\"States') })]);
    expect(result.diagnostics[0]!.message).toMatch(/^State machine M: its DefinitionString: Invalid JSON/);
  });

  it('reports a duplicate key inside a DefinitionString on that machine', () => {
    const dup = '{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {\n"DefinitionString": "{\\"StartAt\\": \\"A\\", \\"StartAt\\": \\"B\\", \\"States\\": {}}"}}}}';
    const machine = loadText(dup, 'dup.json').machines[0]!;
    expect(machine.diagnostics).toEqual([expect.objectContaining({ code: 'duplicate-key', path: '/StartAt', ...positionOf(dup, '\\"StartAt', 'A\\", ') })]);
  });
});

describe('a Serverless Framework file', () => {
  const text = fixture('serverless.yml');
  const loaded = loadText(text, 'serverless.yml');

  it('finds each machine under stepFunctions.stateMachines with its type', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.machines.map((m) => [m.name, m.pointer, m.workflowType])).toEqual([
      ['checkout', '/stepFunctions/stateMachines/checkout/definition', 'EXPRESS'],
      ['refund', '/stepFunctions/stateMachines/refund/definition', undefined],
    ]);
  });

  it('locates inside a machine relative to its definition', () => {
    expect(machineNamed(loaded, 'refund').locate('/StartAt')).toMatchObject(positionOf(text, 'Refund', 'refund:'));
  });
});

describe('duplicate keys in templates', () => {
  it('puts a duplicate inside a machine on that machine, relative to its definition, and others on the file as a warning', () => {
    const text = [
      'Resources:',
      '  M:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: A',
      '        States:',
      '          A: { Type: Succeed }',
      '          A: { Type: Pass, End: true }',
      '  M2:',
      '    Type: AWS::S3::Bucket',
      '  M2:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    const loaded = loadText(text, 'template.yaml');
    expect(loaded.machines[0]!.diagnostics).toEqual([expect.objectContaining({ code: 'duplicate-key', path: '/States/A', line: 9, column: 11 })]);
    expect(loaded.machines[0]!.diagnostics[0]!.severity).toBe('error');
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'template-duplicate-key', severity: 'warning', path: '/Resources/M2', line: 12, column: 3 })]);
  });
});

describe('DefinitionString in other YAML scalar styles', () => {
  const template = (value: string): string =>
    `Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: ${value}\n`;

  it('maps a folded (>) block back to the template', () => {
    const text = template('>\n        {"StartAt": "A",\n         "States": {"A": {"Type": "Succeed"}}}');
    const machine = loadText(text, 't.yaml').machines[0]!;
    expect(machine.locate('/States/A/Type')).toMatchObject(positionOf(text, '"Succeed"'));
    expect(machine.locate('/StartAt')).toMatchObject(positionOf(text, '"A"'));
  });

  it('maps a double-quoted string with JSON escapes back to the template', () => {
    const text = template('"{\\"StartAt\\": \\"A\\", \\"States\\": {\\"A\\": {\\"Type\\": \\"Succeed\\"}}}"');
    const machine = loadText(text, 't.yaml').machines[0]!;
    expect(machine.locate('/States/A/Type')).toMatchObject(positionOf(text, '\\"Succeed'));
    expect(machine.locate('/StartAt')).toMatchObject(positionOf(text, '\\"A\\"'));
  });
});

describe('YAML that CloudFormation accepts but strict YAML does not', () => {
  it('accepts a flow collection closed at its parent indentation and keeps later positions exact', () => {
    const text = [
      'Globals:',
      '  Function:',
      '    VpcConfig: !If [UseVpc, {',
      '      SubnetIds: !Ref Subnets',
      '    }, !Ref AWS::NoValue]',
      'Resources:',
      '  M:',
      '    Type: AWS::StepFunctions::StateMachine',
      '    Properties:',
      '      Definition:',
      '        StartAt: A',
      '        States:',
      '          A: { Type: Succeed }',
      '',
    ].join('\n');
    const loaded = loadText(text, 'template.yaml');
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.machines[0]!.locate('/States/A/Type')).toMatchObject(positionOf(text, 'Succeed'));
  });
});

describe('files that hold no state machine', () => {
  it('says so for a template without state machine resources', () => {
    const loaded = loadText('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n', 'template.yaml');
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ code: 'not-a-state-machine' })]);
    expect(loaded.diagnostics[0]!.message).toContain('AWS::StepFunctions::StateMachine');
  });

  it('says so for an unrelated object', () => {
    const loaded = loadText('{"name": "x"}', 'package.json');
    expect(loaded.diagnostics[0]!.message).toMatch(/Not a state machine: .*"StartAt"/);
  });
});
