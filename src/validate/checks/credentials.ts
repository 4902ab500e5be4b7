/**
 * Task `Credentials`: the role Step Functions assumes for the call. Its only field is `RoleArn`
 * (in JSONPath states also `RoleArn.$`, a path or intrinsic call), and it is required: an empty
 * object or one with other fields is rejected when the state machine is created.
 */
import { joinPointer } from '../../asl/pointer.js';
import { asWritten } from '../../asl/state-view.js';
import { suggestNearest } from '../../asl/suggest.js';
import type { SemanticCheck } from '../check.js';
import { isPlaceholderValue } from './expression-sites.js';
import { finding } from './util.js';

const codes = {
  'invalid-credentials': { description: 'Task Credentials lack RoleArn, or have fields other than RoleArn', severity: 'error' as const },
};

export const credentialsCheck: SemanticCheck = {
  name: 'credentials',
  codes,
  run({ model, report }) {
    for (const node of model.states) {
      const state = node.state;
      if (state.Type !== 'Task' || state.Credentials === undefined) continue;
      // The keys as written are the question: one Credentials does not have is no field of the view, and a
      // deploy-time object ({"Ref": …}) is seen through the view as one with no fields.
      const credentials = asWritten(state.Credentials) ?? {};
      if (isPlaceholderValue(credentials)) continue;
      const pointer = joinPointer(node.pointer, 'Credentials');
      const jsonPath = node.queryLanguage === 'JSONPath';
      const allowed = jsonPath ? ['RoleArn', 'RoleArn.$'] : ['RoleArn'];
      const keys = Object.keys(credentials);
      for (const key of keys) {
        if (allowed.includes(key)) continue;
        const nearest = key === 'RoleArn.$' ? undefined : suggestNearest(key.replace(/\.\$$/, ''), ['RoleArn']);
        const fix =
          key === 'RoleArn.$'
            ? 'JSONata states write "RoleArn": "{% … %}" instead'
            : nearest
              ? `did you mean "${key.endsWith('.$') ? `${nearest}.$` : nearest}"?`
              : 'remove it; the role to assume goes in "RoleArn"';
        report(finding(codes, 'invalid-credentials', joinPointer(pointer, key), `"${key}" is not a field of "Credentials" in state "${node.name}", which only has "RoleArn"; ${fix}`));
      }
      if (!keys.some((key) => allowed.includes(key)) && !keys.some((key) => suggestNearest(key.replace(/\.\$$/, ''), ['RoleArn']))) {
        report(
          finding(
            codes,
            'invalid-credentials',
            pointer,
            `"Credentials" of state "${node.name}" has no "RoleArn"; add the ARN of the IAM role to assume${jsonPath ? ' ("RoleArn", or "RoleArn.$" with a path)' : ''}`,
          ),
        );
      }
    }
  },
};
