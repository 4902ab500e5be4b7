/**
 * TestState's `fieldValidationMode`: a mocked Task result is checked against the response shape of the API the
 * Task calls, as AWS checks it against its API models. STRICT: every required field is there and every field
 * present has the model's name and type; PRESENT: only the fields present are checked; NONE: nothing.
 *
 * The response shapes come from the AWS SDK's service models, generated at build time into
 * src/generated/service-shapes.js and read by src/run/stubs/shapes/ (the same check as `--validate-stubs`).
 * They are loaded only when a mock is checked, so a TestState run without one loads none of that data.
 */

export type FieldValidationMode = 'STRICT' | 'PRESENT' | 'NONE';

/** One way a mocked result does not fit the response shape. */
export interface MockShapeProblem {
  /** JSON Pointer of the offending field inside the result ("" for the result itself). */
  path: string;
  /** What is wrong there, e.g. "StatusCode must be an integer, not a string". */
  message: string;
}

/**
 * Checks a result against the response of `resource` (a Task's `Resource`: an optimized integration such as
 * `arn:aws:states:::lambda:invoke`, an AWS SDK integration `arn:aws:states:::aws-sdk:s3:getObject`, an
 * activity or a Lambda function ARN). Resources without a known response shape pass.
 */
export type ShapeValidator = (resource: string, result: unknown, mode: Exclude<FieldValidationMode, 'NONE'>) => MockShapeProblem[];

/** The validator built from the SDK models, loaded on first use; see the module comment. */
async function loadShapeValidator(): Promise<ShapeValidator | undefined> {
  const shapes = await import('./stubs/shapes/index.js');
  return (resource, result, mode) => shapes.validateMockShape(resource, result, mode).map(({ pointer, message }) => ({ path: pointer, message }));
}

export async function validateMockShape(resource: string, result: unknown, mode: FieldValidationMode): Promise<MockShapeProblem[]> {
  if (mode === 'NONE') return [];
  const validator = await loadShapeValidator();
  return validator ? validator(resource, result, mode) : [];
}
