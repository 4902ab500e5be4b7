/**
 * YAML that CloudFormation's parser (and PyYAML, which cfn-lint, the AWS CLI and SAM CLI use) accepts but
 * strict YAML 1.2 refuses, made strict by indenting lines, which changes no value: a flow collection's
 * closing bracket at its parent's indentation, and a multi-line quoted scalar whose continuation lines sit
 * left of its key (published templates write `DefinitionString: "{` with the JSON at column one). The
 * returned map takes offsets in the indented text back to the original.
 */
export interface Relaxed {
  text: string;
  toOriginal: (offset: number) => number;
}

type YamlError = { code: string; message: string } | undefined;

/** The relaxation that may cure this first error, applied to `text`; undefined when none applies. */
export function relaxFor(error: YamlError, text: string): Relaxed | undefined {
  if (error?.code === 'BAD_INDENT' && /^Flow (map|sequence) in block collection/.test(error.message)) return indentFlowClosers(text);
  if (error?.code === 'MISSING_CHAR' && /closing ["']quote/.test(error.message)) return indentQuotedContinuations(text);
  return undefined;
}

/** Indents every line that starts with a closing flow bracket one deeper than the flow's content. */
function indentFlowClosers(text: string): Relaxed {
  const lines = text.split('\n');
  const extra = new Map<number, number>();
  let previousIndent = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    if (/^\s*[}\]]/.test(line) && indent <= previousIndent) extra.set(i, previousIndent - indent + 1);
    else if (line.trim() !== '') previousIndent = indent;
  }
  return indentLines(lines, extra);
}

/** A quoted scalar that opens as a mapping value or sequence item and does not close on its line. */
const QUOTED_VALUE = /^(\s*)(?:-\s+)?(?:[^\s#"'][^#"']*?:\s+)?(?:![A-Za-z:]+\s+)?(["'])/;

/** Indents each continuation line of a multi-line quoted scalar one deeper than the line that opens it. */
function indentQuotedContinuations(text: string): Relaxed {
  const lines = text.split('\n');
  const extra = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const open = QUOTED_VALUE.exec(lines[i]!);
    if (!open) continue;
    const base = open[1]!.length;
    let line = i;
    let at = open[0].length;
    // Find the closing quote, line by line; "" escapes nothing in double quotes, '' escapes ' in single.
    while (line < lines.length) {
      const close = closingQuote(lines[line]!, at, open[2] as '"' | "'");
      if (close !== -1) break;
      line++;
      at = 0;
      if (line >= lines.length) break;
      const indent = lines[line]!.length - lines[line]!.trimStart().length;
      if (lines[line]!.trim() !== '' && indent <= base) extra.set(line, base - indent + 1);
    }
    i = line;
  }
  return indentLines(lines, extra);
}

function closingQuote(line: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

function indentLines(lines: string[], extra: ReadonlyMap<number, number>): Relaxed {
  const insertedAt: number[] = []; // offsets in the new text just past each insertion
  const insertedTotal: number[] = []; // spaces inserted up to and including that insertion
  let total = 0;
  let offset = 0;
  const out = lines.map((line, i) => {
    const spaces = extra.get(i) ?? 0;
    if (spaces > 0) {
      total += spaces;
      insertedAt.push(offset + spaces);
      insertedTotal.push(total);
    }
    offset += line.length + spaces + 1;
    return spaces > 0 ? ' '.repeat(spaces) + line : line;
  });
  return {
    text: out.join('\n'),
    toOriginal: (at) => {
      let low = 0;
      let high = insertedAt.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (insertedAt[mid]! <= at) low = mid + 1;
        else high = mid;
      }
      return at - (low === 0 ? 0 : insertedTotal[low - 1]!);
    },
  };
}
