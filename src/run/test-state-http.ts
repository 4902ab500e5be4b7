/**
 * TestState's TRACE inspection level for an HTTP Task (`arn:aws:states:::http:invoke`): the HTTP request the
 * state would send and the response it got, as the API's InspectionDataRequest / InspectionDataResponse
 * (every field a string). Locally the request is built from the Task's effective arguments and the response
 * from its stubbed or mocked result ({StatusCode, StatusText, Headers, ResponseBody}).
 */
import { isObject } from '../asl/is-object.js';

export const HTTP_RESOURCE = 'arn:aws:states:::http:invoke';

export interface HttpTrace {
  request: { protocol: string; method: string; url: string; headers: string; body: string };
  response?: { protocol: string; statusCode: string; statusMessage: string; headers: string; body: string };
}

const text = (value: unknown): string => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** `ApiEndpoint` with `QueryParameters` appended as the HTTP Task encodes them (arrays repeat the key). */
function urlOf(endpoint: string, query: unknown): string {
  if (!isObject(query)) return endpoint;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, text(one));
  }
  const search = params.toString();
  return search === '' ? endpoint : `${endpoint}${endpoint.includes('?') ? '&' : '?'}${search}`;
}

/** A form-encoded body when the Task asks for one (`Transform.RequestBodyEncoding: URL_ENCODED`), else JSON text. */
function bodyOf(args: Record<string, unknown>): string {
  const transform = isObject(args.Transform) ? args.Transform : {};
  if (transform.RequestBodyEncoding === 'URL_ENCODED' && isObject(args.RequestBody)) {
    return new URLSearchParams(Object.entries(args.RequestBody).map(([k, v]): [string, string] => [k, text(v)])).toString();
  }
  return text(args.RequestBody);
}

export function httpTrace(args: unknown, result: unknown): HttpTrace | undefined {
  if (!isObject(args)) return undefined;
  const trace: HttpTrace = {
    request: { protocol: 'https', method: text(args.Method), url: urlOf(text(args.ApiEndpoint), args.QueryParameters), headers: text(args.Headers ?? {}), body: bodyOf(args) },
  };
  if (isObject(result)) {
    trace.response = { protocol: 'https', statusCode: text(result.StatusCode), statusMessage: text(result.StatusText), headers: text(result.Headers ?? {}), body: text(result.ResponseBody) };
  }
  return trace;
}
