/**
 * The lines under a state's name in the picture, read from its typed view: the Task's service, the Wait, where
 * a Distributed Map reads its items, a missing or unknown Type, then one line per retrier.
 */
import { type StateNode } from '../asl/walker.js';
import { writesField } from '../asl/as-written.js';
import { retrierAsWritten } from './as-written.js';
import { describeResource, describeRetries, describeWait, shorten } from './labels.js';

export function stateDetails(node: StateNode, retries: boolean): string[] {
  const details: string[] = [];
  const kindLine = kindDetail(node);
  if (kindLine) details.push(kindLine);
  if (retries && 'Retry' in node.state) details.push(...describeRetries(node.state.Retry, retrierAsWritten));
  return details;
}

/** The one line that depends on the state's type, if any. */
function kindDetail(node: StateNode): string | undefined {
  const state = node.state;
  switch (state.Type) {
    case 'Task':
      return describeResource(state.Resource);
    case 'Wait':
      // Presence as written: a Seconds of the wrong kind (left out of the view) still reads "wait ?".
      return describeWait(state, (field) => writesField(node, field));
    case 'Map': {
      // A Distributed Map reading its items from S3 (or elsewhere) says where they come from.
      const reader = describeResource(state.ItemReader?.Resource);
      return reader ? shorten(`items from ${reader}`) : undefined;
    }
    case undefined:
      // No Type, or one Step Functions does not know: the Type as written says which.
      return node.type === undefined ? 'no Type' : shorten(`Type ${node.type}`);
    default:
      return undefined;
  }
}
