/**
 * `asl run --state NAME`: one state, as the TestState API runs it. Reads the flags that stand for the API's
 * request fields (`variables`, `context`, `inspectionLevel`, `mock`, `stateConfiguration`), runs `testState`
 * and prints its response. Exit 0 SUCCEEDED or CAUGHT_ERROR, 1 FAILED or RETRIABLE, 2 for what the API would
 * refuse with a ValidationException.
 */
import type { CommandContext } from './context.js';
import { EXIT_FINDINGS, EXIT_OK, InputError, UsageError } from './errors.js';
import { isStubError } from './run-output.js';
import { integerOption, parseJsonArgument } from './run-arguments.js';
import { formatTestStateJson, formatTestStatePretty, type InspectionLevel } from './test-state-output.js';
import type { ExecuteOptions, TaskAnswerer, TestStateMock, TestStateOptions } from '../run/index.js';

interface SingleStateFlags {
  format?: 'pretty' | 'json';
  variables?: string;
  context?: string;
  inspect?: boolean;
  inspectionLevel?: string;
  retrierRetryCount?: string;
  mockResult?: string;
  mockError?: string;
  mockCause?: string;
  mockFieldValidation?: string;
  errorCausedByState?: string;
  mapIterationFailureCount?: string;
  mapItemReaderData?: string;
  mock?: string;
  stateConfiguration?: string;
}

/** The flags that apply only with --state, by their command-line names. */
const FLAG_NAMES: Record<keyof Omit<SingleStateFlags, 'format'>, string> = {
  variables: '--variables',
  context: '--context',
  inspect: '--inspect',
  inspectionLevel: '--inspection-level',
  retrierRetryCount: '--retrier-retry-count',
  mockResult: '--mock-result',
  mockError: '--mock-error',
  mockCause: '--mock-cause',
  mockFieldValidation: '--mock-field-validation',
  errorCausedByState: '--error-caused-by-state',
  mapIterationFailureCount: '--map-iteration-failure-count',
  mapItemReaderData: '--map-item-reader-data',
  mock: '--mock',
  stateConfiguration: '--state-configuration',
};

/** The flags each of --mock and --state-configuration stands for: given together, which one counts would be a guess. */
type FlagKey = keyof typeof FLAG_NAMES;
const SPELLED_OUT: Array<[FlagKey, FlagKey[]]> = [
  ['mock', ['mockResult', 'mockError', 'mockCause', 'mockFieldValidation']],
  ['stateConfiguration', ['retrierRetryCount', 'errorCausedByState', 'mapIterationFailureCount', 'mapItemReaderData']],
];

function refuseBothSpellings(flags: SingleStateFlags): void {
  for (const [whole, parts] of SPELLED_OUT) {
    const given = parts.filter((p) => flags[p] !== undefined);
    if (flags[whole] !== undefined && given.length > 0) {
      throw new UsageError(`${FLAG_NAMES[whole]} already holds what ${given.map((p) => FLAG_NAMES[p]).join(', ')} would say: give one or the other.`);
    }
  }
}

/** A whole-machine run given a flag that only means something for one state: exit 2 naming it. */
export function refuseSingleStateFlags(raw: Record<string, unknown>): void {
  const given = Object.entries(FLAG_NAMES).filter(([key]) => raw[key] !== undefined && raw[key] !== false).map(([, flag]) => flag);
  if (given.length > 0) throw new UsageError(`${given.join(', ')} ${given.length === 1 ? 'applies' : 'apply'} only with --state NAME (the state to run on its own).`);
}

function oneOf<T extends string>(value: string | undefined, flag: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase() as T;
  if (!allowed.includes(upper)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}".`);
  return upper;
}

function jsonObject(text: string | undefined, flag: string, example: string): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const value = parseJsonArgument(text, flag);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${flag} must be a JSON object such as ${example}.`);
  return value as Record<string, unknown>;
}

/** --inspect is DEBUG, as before --inspection-level existed; the two may be given together only when they agree. */
function inspectionLevelOf(flags: SingleStateFlags): InspectionLevel {
  const level = oneOf(flags.inspectionLevel, '--inspection-level', ['INFO', 'DEBUG', 'TRACE'] as const);
  if (flags.inspect && level !== undefined && level !== 'DEBUG') throw new UsageError(`--inspect means --inspection-level DEBUG; give one of them, not --inspect with ${level}.`);
  return level ?? (flags.inspect ? 'DEBUG' : 'INFO');
}

/** TestState's `mock` from --mock-result, --mock-error/--mock-cause and --mock-field-validation. */
function mockOf(flags: SingleStateFlags): TestStateMock | undefined {
  const mode = oneOf(flags.mockFieldValidation, '--mock-field-validation', ['STRICT', 'PRESENT', 'NONE'] as const);
  const erring = flags.mockError !== undefined || flags.mockCause !== undefined;
  if (flags.mockResult !== undefined && erring) throw new UsageError('give the state a mocked result (--mock-result) or a mocked error (--mock-error, --mock-cause), not both.');
  if (mode !== undefined && flags.mockResult === undefined) throw new UsageError('--mock-field-validation checks a mocked result: give --mock-result too.');
  if (flags.mockResult !== undefined) return { result: parseJsonArgument(flags.mockResult, '--mock-result'), ...(mode ? { fieldValidationMode: mode } : {}) };
  if (!erring) return undefined;
  const errorOutput: { error?: string; cause?: string } = {};
  if (flags.mockError !== undefined) errorOutput.error = flags.mockError;
  if (flags.mockCause !== undefined) errorOutput.cause = flags.mockCause;
  return { errorOutput };
}

async function requestOf(flags: SingleStateFlags): Promise<TestStateOptions> {
  refuseBothSpellings(flags);
  if (flags.mock !== undefined || flags.stateConfiguration !== undefined) {
    const { parseMockFlag, parseStateConfigurationFlag } = await import('./test-state-request.js');
    return {
      ...requestFromFlags({ ...flags, mock: undefined, stateConfiguration: undefined }),
      ...(flags.mock !== undefined ? { mock: parseMockFlag(flags.mock) } : {}),
      ...(flags.stateConfiguration !== undefined ? parseStateConfigurationFlag(flags.stateConfiguration) : {}),
    };
  }
  return requestFromFlags(flags);
}

function requestFromFlags(flags: SingleStateFlags): TestStateOptions {
  return {
    variables: jsonObject(flags.variables, '--variables', '{"orderId": "o-1"}') ?? {},
    context: jsonObject(flags.context, '--context', '{"Map": {"Item": {"Index": 0, "Value": {}}}}'),
    retrierRetryCount: integerOption(flags.retrierRetryCount, '--retrier-retry-count', 0),
    mock: mockOf(flags),
    errorCausedByState: flags.errorCausedByState,
    mapIterationFailureCount: integerOption(flags.mapIterationFailureCount, '--map-iteration-failure-count', 0),
    mapItemReaderData: flags.mapItemReaderData,
  };
}

export async function runSingleState(
  ctx: CommandContext,
  definition: unknown,
  stateName: string,
  input: unknown,
  answerer: TaskAnswerer | undefined,
  raw: Record<string, unknown>,
  /** The run's options: seed, start time, workflow type and the JSONata bounds. */
  base: { seed: number; startTime?: string } & ExecuteOptions,
): Promise<number> {
  const flags = raw as SingleStateFlags;
  const level = inspectionLevelOf(flags);
  const request = await requestOf(flags);
  const [{ testState }, { RunSetupError }] = await Promise.all([import('../run/test-state.js'), import('../run/errors.js')]);
  let result;
  try {
    result = await testState(definition, stateName, input, { ...base, answerer, ...request });
  } catch (error) {
    if (error instanceof RunSetupError || isStubError(error)) throw new InputError((error as Error).message);
    throw error;
  }
  const retry = request.retrierRetryCount ?? 0;
  ctx.io.stdout.write(flags.format === 'json' ? formatTestStateJson(result, level) : formatTestStatePretty(result, level, retry));
  return result.status === 'SUCCEEDED' || result.status === 'CAUGHT_ERROR' ? EXIT_OK : EXIT_FINDINGS;
}
