/**
 * A result computed while the run goes (a stub's `expression` or `module`) cannot be checked before it; this
 * wrapper checks each one as it is answered, against the same response shapes, and stops the run with a
 * StubFileError (exit 2 in the CLI) naming the state and invocation. Fixed results were checked before the
 * run and pass again, so each result object is checked once per resource.
 */
import type { TaskAnswerer } from '../../types.js';
import { StubFileError } from '../stub-file.js';
import { serviceCallOf } from './resource.js';
import type { FieldValidationMode } from './index.js';

export function checkResultsAsAnswered(inner: TaskAnswerer, mode: FieldValidationMode): TaskAnswerer {
  if (mode === 'NONE') return inner;
  const checked = new WeakMap<object, Set<string>>();
  return {
    ...inner,
    async answer(request) {
      const answer = await inner.answer(request);
      if (answer?.kind !== 'result' || serviceCallOf(request.resource) === undefined) return answer;
      const result = answer.result;
      const seen = result !== null && typeof result === 'object' ? (checked.get(result) ?? checked.set(result, new Set()).get(result)!) : undefined;
      if (seen?.has(request.resource)) return answer;
      // The shapes load here, on the first computed result for a service they describe.
      const { validateMockShape } = await import('./index.js');
      const problems = validateMockShape(request.resource, result, mode);
      if (problems.length > 0) {
        const list = problems.map((p) => `  ${p.pointer === '' ? '(the result)' : p.pointer}: ${p.message}`).join('\n');
        throw new StubFileError(
          `The stub for state "${request.qualifiedName}" (invocation ${request.invocation}) computed a result the real service would never return:\n${list}\n` +
            'Fix the expression or module that computes it, or pass --validate-stubs none to skip this check.',
        );
      }
      seen?.add(request.resource);
      return answer;
    },
  };
}
