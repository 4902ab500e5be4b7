/**
 * Task `Resource` strings that Step Functions rejects when the state machine is created: not an ARN,
 * a malformed Lambda function or activity ARN, a service integration Step Functions does not have, or
 * an integration pattern (`.sync`, `.waitForTaskToken`) the integration does not support. The rules
 * are in resource-arn.ts, the table of integrations in src/asl/service-integrations.ts.
 */
import { joinPointer } from '../../asl/pointer.js';
import type { SemanticCheck } from '../check.js';
import { resourceProblem } from './resource-arn.js';
import { finding } from './util.js';

const codes = {
  'invalid-resource': {
    description: 'A Task Resource ARN is malformed: an unterminated ${…}, a bad Lambda function or activity ARN, an unknown partition',
    severity: 'error' as const,
  },
  'resource-not-arn': {
    description: 'A Task Resource is not an ARN (nor a deploy-time placeholder), which Step Functions refuses',
    severity: 'error' as const,
  },
  'unknown-integration': {
    description: 'A Task Resource names a service integration Step Functions does not have (arn:aws:states:::<service>:<action>)',
    severity: 'error' as const,
  },
  'integration-pattern': {
    description: 'A Task Resource asks for an integration pattern (.sync, .sync:2, .waitForTaskToken) its integration does not support',
    severity: 'error' as const,
  },
};

export const resourceCheck: SemanticCheck = {
  name: 'resource',
  codes,
  run({ model, report }) {
    for (const node of model.states) {
      if (node.state.Type !== 'Task') continue;
      // A deploy-time object (!GetAtt, !Sub) is not judged.
      const resource = node.state.Resource;
      if (typeof resource !== 'string') continue;
      const problem = resourceProblem(resource);
      if (problem) report(finding(codes, problem.code, joinPointer(node.pointer, 'Resource'), `Resource of state "${node.name}" ${problem.message}`));
    }
  },
};
