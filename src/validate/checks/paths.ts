/**
 * Paths of JSONPath states: every path parses; fields that pick one value (ResultPath, ItemsPath,
 * Choice Variable, SecondsPath …) hold reference paths (no wildcards, filters, slices, unions,
 * recursive search or functions); ResultPath names a place in the state output, so neither a
 * variable nor the context object. Intrinsic calls are only allowed in payload templates and in
 * a Fail state's ErrorPath / CausePath. Deploy-time placeholders are never judged.
 */
import type { Finding } from '../../diagnostics.js';
import { INTRINSIC_FUNCTIONS, looksLikeIntrinsic, parseIntrinsic } from '../../asl/intrinsics.js';
import { describeFeature, parsePath, referencePathViolation } from '../../asl/jsonpath-syntax.js';
import type { SemanticCheck } from '../check.js';
import { expressionSites, isPlaceholderValue, type Site } from './expression-sites.js';
import { finding } from './util.js';

const codes = {
  'invalid-path': { description: 'A path field or a "key.$" value is not a valid JSONPath, or holds an intrinsic call where none is allowed', severity: 'error' as const },
  'invalid-reference-path': {
    description: 'A field that takes a reference path (ResultPath, ItemsPath, Choice Variable …) uses a wildcard, filter, slice or union, or ResultPath names a variable or the context object',
    severity: 'error' as const,
  },
};

/** Intrinsics that return a string, the only ones ErrorPath and CausePath accept. */
const STRING_INTRINSICS = ['States.Format', 'States.JsonToString', 'States.ArrayGetItem', 'States.Base64Encode', 'States.Base64Decode', 'States.Hash', 'States.UUID'];

type Report = (f: Finding) => void;

export const pathsCheck: SemanticCheck = {
  name: 'paths',
  codes,
  run({ model, report }) {
    for (const site of expressionSites(model).sites) checkSite(site, report);
  },
};

/** "InputPath", "the Choice rule's Variable", "\"orderId.$\"". */
function label(site: Site): string {
  return site.role === 'payload' ? `The value of "${site.field}"` : `"${site.field}"`;
}

/** ` (at character 5)` for a problem inside a longer text. */
function at(offset: number, text: string): string {
  if (text.length <= 1) return '';
  return offset >= text.length ? ' (at the end)' : ` (at character ${offset + 1})`;
}

function checkSite(site: Site, report: Report): void {
  const { value } = site;
  if (typeof value !== 'string' || isPlaceholderValue(value)) return;
  if (site.role === 'payload') {
    // Calls are the intrinsic check's; anything else that is not a path is the payload check's.
    if (!value.startsWith('$')) return;
  } else if (looksLikeIntrinsic(value)) {
    checkIntrinsicInPathField(site, value, report);
    return;
  }
  const text = value.trimEnd();
  const parsed = parsePath(text);
  if (!parsed.ok) {
    // The hint is for a path that does not start as one, not for a mistake deep inside a filter.
    const hint = site.role === 'payload' || parsed.offset > 1 ? '' : pathHint(site);
    report(finding(codes, 'invalid-path', site.pointer, `${label(site)} is not a valid path: ${parsed.message}${at(parsed.offset, text)}${hint}`));
    return;
  }
  if (site.role === 'path' || site.role === 'payload') return;
  if (site.role === 'result-path' && parsed.root !== 'input') {
    const what = parsed.root === 'variable' ? `names the variable "$${parsed.variable}"` : 'points into the context object ($$)';
    report(
      finding(
        codes,
        'invalid-reference-path',
        site.pointer,
        `"${site.field}" ${what}, but it can only name a place in the state's output; write a path such as "$.result", and set variables with "Assign"`,
      ),
    );
    return;
  }
  const violation = referencePathViolation(parsed);
  if (violation) {
    report(
      finding(
        codes,
        'invalid-reference-path',
        site.pointer,
        `"${site.field}" must be a reference path that selects a single value, but "${text}" uses ${describeFeature(violation.feature)}${at(violation.offset, text)}; use only ".field" and "[index]" steps`,
      ),
    );
  }
}

function pathHint(site: Site): string {
  return site.field === 'Variable' || site.field.endsWith('Path') ? '; write a path such as "$.field"' : '';
}

function checkIntrinsicInPathField(site: Site, value: string, report: Report): void {
  if (site.role !== 'error-path') {
    report(
      finding(
        codes,
        'invalid-path',
        site.pointer,
        `"${site.field}" holds an intrinsic function call, but it only accepts a path; compute the value in "Parameters" or "ResultSelector" with a "key.$" entry and point "${site.field}" at it`,
      ),
    );
    return;
  }
  const parsed = parseIntrinsic(value);
  // Syntax errors, unknown names and arity are the intrinsic check's findings.
  if (!parsed.ok) return;
  if (parsed.call.name in INTRINSIC_FUNCTIONS && !STRING_INTRINSICS.includes(parsed.call.name)) {
    report(
      finding(
        codes,
        'invalid-path',
        site.pointer,
        `"${site.field}" calls ${parsed.call.name}, which does not return a string; use a reference path or one of ${STRING_INTRINSICS.join(', ')}`,
      ),
    );
  }
}
