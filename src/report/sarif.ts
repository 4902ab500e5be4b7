import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Formatter, MachineResult, RuleMetadata } from './types.js';

/**
 * SARIF 2.1.0, for code-scanning uploads: one run, the rule table from the metadata the command line
 * passes (plus any code seen without metadata), one result per diagnostic with a region.
 * See https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export const formatSarif: Formatter = (results, options = {}) => {
  const rules: RuleMetadata[] = [...(options.rules ?? [])];
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const sarifResults = [];
  for (const result of results) {
    for (const d of result.diagnostics) {
      if (!ruleIndex.has(d.code)) {
        ruleIndex.set(d.code, rules.length);
        rules.push({ id: d.code, description: d.code, severity: d.severity, docsUrl: '' });
      }
      sarifResults.push(sarifResult(result, d, ruleIndex.get(d.code)!, options.baseDir));
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: options.toolName ?? 'asl-toolkit',
            ...(options.toolVersion ? { version: options.toolVersion, semanticVersion: options.toolVersion } : {}),
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: rules.map(sarifRule),
          },
        },
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

const levelFor: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

function sarifRule(rule: RuleMetadata): object {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(rule.docsUrl ? { helpUri: rule.docsUrl } : {}),
    defaultConfiguration: { level: levelFor[rule.severity] },
  };
}

function sarifResult(result: MachineResult, d: Diagnostic, ruleIndex: number, baseDir: string | undefined): object {
  const region: Record<string, number> = { startLine: Math.max(1, d.line), startColumn: Math.max(1, d.column) };
  if (d.endLine !== undefined) region.endLine = d.endLine;
  if (d.endColumn !== undefined) region.endColumn = d.endColumn;
  return {
    ruleId: d.code,
    ruleIndex,
    level: levelFor[d.severity],
    message: { text: d.hint ? `${d.message} ${d.hint}` : d.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: artifactUri(result.file, baseDir) }, region },
        ...(d.path !== '' || result.machine !== ''
          ? { logicalLocations: [{ fullyQualifiedName: result.machine + d.path, kind: 'object' }] }
          : {}),
      },
    ],
  };
}

/** A relative URI with forward slashes, as code-scanning expects; stdin has no file to point at. */
export function artifactUri(file: string, baseDir?: string): string {
  if (file === '-') return 'stdin';
  let slashed = file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const base = baseDir?.replace(/\\/g, '/').replace(/\/?$/, '/');
  if (base && slashed.startsWith(base)) slashed = slashed.slice(base.length);
  if (/^[A-Za-z]:\//.test(slashed)) return 'file:///' + encodePath(slashed);
  if (slashed.startsWith('/')) return 'file://' + encodePath(slashed);
  // A relative reference whose first segment holds a ":" would read as a URI scheme ("a:b.json").
  return encodePath(slashed).replace(/^[^/]*/, (first) => first.replace(/:/g, '%3A'));
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':');
}
