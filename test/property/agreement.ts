/**
 * The agreement property: validate, lint and graph never throw or report an internal error, and whatever
 * validate accepts, run ends SUCCEEDED, FAILED with an AWS error name, or with a RunSetupError (what the
 * CLI reports with exit 2, such as a missing stub); never an exception of its own, and never a failure to
 * read an expression validate accepted. Shared by the fixed-seed test and `npm run fuzz`.
 */
import { lint, validate } from '../../src/api/index.js';
import { graph } from '../../src/graph/index.js';
import { execute, RunSetupError, type TaskAnswerer } from '../../src/run/index.js';

/** Error names a generated machine can end with: the States.* catalogue, the Fail states' and the task's. */
const ERROR_NAME = /^(States\.[A-Za-z]+|Custom\.(Failed|Flaky))$/;

/** Words that mean run could not read something validate accepted, or leaked a JavaScript error. */
const PARSE_FAILURE = /could not be evaluated|not a valid path|TypeError|ReferenceError|is not a function|Cannot read propert|Maximum call stack/;

/** The event guard of every generated run: far above what a loop-free machine needs, so a loop ends here. */
export const MAX_EVENTS = 3000;

/** How Task states are answered: not at all (a missing stub), always with the input, or failing first. */
export type Tasks = 'unanswered' | 'answered' | 'flaky';

/** Answers every Task with its input; with `flaky`, every first attempt fails with Custom.Flaky. */
function answerer(tasks: Tasks): TaskAnswerer | undefined {
  if (tasks === 'unanswered') return undefined;
  const flaky = tasks === 'flaky';
  return {
    async answer(request) {
      if (flaky && request.invocation === 0) return { kind: 'error', error: 'Custom.Flaky', cause: 'first attempt' };
      return { kind: 'result', result: { Payload: request.input, StatusCode: 200 } };
    },
  };
}

export type Outcome = 'refused' | 'SUCCEEDED' | 'FAILED' | 'setup';

/** Checks one case; throws with what went wrong (fast-check then shrinks the case and prints it). */
export async function checkAgreement(definition: object, input: unknown, tasks: Tasks): Promise<Outcome> {
  const [validated] = await validate(definition);
  const [linted] = await lint(definition, { config: false });
  for (const diagnostic of [...validated!.diagnostics, ...linted!.diagnostics]) {
    if (diagnostic.code === 'internal-error') throw new Error(`internal error: ${diagnostic.message}`);
  }
  graph(definition, { format: 'mermaid' });
  graph(definition, { format: 'dot' });
  if (!validated!.valid) return 'refused';
  let result;
  try {
    result = await execute(definition, input, { answerer: answerer(tasks), maxEvents: MAX_EVENTS, keepHistory: false });
  } catch (error) {
    if (error instanceof RunSetupError) return 'setup';
    throw error;
  }
  if (result.status === 'SUCCEEDED') return 'SUCCEEDED';
  if (result.status !== 'FAILED') throw new Error(`run ended ${result.status}`);
  if (!ERROR_NAME.test(result.error ?? '')) throw new Error(`run failed with "${result.error}", not an AWS error name: ${result.cause}`);
  if (PARSE_FAILURE.test(result.cause ?? '')) throw new Error(`run could not evaluate what validate accepted: ${result.cause}`);
  return 'FAILED';
}
