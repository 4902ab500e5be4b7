import type { MachineResult, RuleMetadata } from '../../src/report/types.js';

/** Results covering every shape a formatter meets: clean, errors with excerpts, templates, file-level failures, text needing escapes. */
export const sampleResults: MachineResult[] = [
  { file: 'clean.asl.json', machine: '', valid: true, diagnostics: [] },
  {
    file: 'orders/broken.asl.json',
    machine: '',
    valid: false,
    diagnostics: [
      {
        code: 'next-state-exists',
        severity: 'error',
        message: 'Next "ProcesOrder" does not exist; did you mean "ProcessOrder"?',
        path: '/States/Validate/Next',
        line: 5,
        column: 15,
        endLine: 5,
        endColumn: 28,
      },
      {
        code: 'unreachable-state',
        severity: 'warning',
        message: 'State "Orphan" cannot be reached from StartAt',
        path: '/States/Orphan',
        line: 10,
        column: 5,
        hint: 'Remove it, or add a Next/Default that leads to it.',
      },
    ],
  },
  {
    file: 'template.yaml',
    machine: '/Resources/OrderMachine/Properties/Definition',
    name: 'OrderMachine',
    valid: true,
    diagnostics: [
      { code: 'deprecated-field', severity: 'info', message: 'Iterator is deprecated: use ItemProcessor', path: '/States/Each/Iterator', line: 3, column: 7 },
    ],
  },
  {
    file: 'template.yaml',
    machine: '/Resources/Other/Properties/Definition',
    name: 'Other',
    valid: true,
    diagnostics: [],
  },
  {
    file: 'weird, name: 100%.json',
    machine: '',
    valid: false,
    diagnostics: [
      {
        code: 'json-syntax',
        severity: 'error',
        message: 'Unexpected token <"a" & \'b\'> at 50%\r\nline two',
        path: '',
        line: 1,
        column: 3,
      },
    ],
  },
];

export const sampleSources: Record<string, string> = {
  'orders/broken.asl.json': [
    '{',
    '  "StartAt": "Validate",',
    '  "States": {',
    '    "Validate": {',
    '      "Next": "ProcesOrder",',
    '      "Type": "Pass"',
    '    },',
    '    "ProcessOrder": { "Type": "Succeed" },',
    '    "Extra": { "Type": "Succeed" },',
    '    "Orphan": { "Type": "Succeed" }',
    '  }',
    '}',
  ].join('\n'),
  'template.yaml': 'Resources:\n  OrderMachine:\n    Type: AWS::Serverless::StateMachine\n',
  'weird, name: 100%.json': '{ "a" & }\n',
};

export const sampleRules: RuleMetadata[] = [
  { id: 'next-state-exists', description: 'Next and Default name an existing state', severity: 'error', docsUrl: 'https://example.test/docs/checks/next-state-exists.md' },
  { id: 'unreachable-state', description: 'Every state can be reached from StartAt', severity: 'warning', docsUrl: 'https://example.test/docs/checks/unreachable-state.md' },
];
