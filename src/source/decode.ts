/**
 * What the bytes of a file say about its encoding, before any parsing. Files are read as UTF-8; a UTF-16 or
 * UTF-32 file (Windows editors and PowerShell's `>` write UTF-16) then shows as replacement characters and NUL
 * bytes, which would otherwise be called "binary". It is named for what it is and not decoded: the AWS tools
 * that deploy a definition read the file as UTF-8 (the AWS CLI's `file://` by default, SAM's DefinitionUri,
 * the CDK's `fromFile`), so a UTF-16 file would not deploy as written, and checking a decoded copy would pass
 * a file AWS refuses.
 */

export interface EncodingProblem {
  message: string;
  /** Where in the text the problem shows (a NUL byte); 0 for the encoding as a whole. */
  offset: number;
}

/** How far into the file a NUL byte makes it binary: text formats have none, binaries have one early. */
const BINARY_SNIFF = 8192;

/** The file is UTF-16/32 or binary, or undefined when it is text that the parsers can read. */
export function encodingProblem(text: string): EncodingProblem | undefined {
  const wide = wideEncoding(text);
  if (wide) return { message: `The file is ${wide}; save it as UTF-8 (AWS reads definitions and templates as UTF-8)`, offset: 0 };
  const nul = text.indexOf('\0');
  if (nul !== -1 && nul < BINARY_SNIFF) return { message: 'The file looks binary (it contains NUL bytes); expected JSON or YAML text', offset: nul };
  return undefined;
}

/**
 * The byte-order marks FF FE / FE FF read as UTF-8 are two U+FFFD; which side of each character the NUL byte
 * of ASCII text falls on tells the byte order. Without a mark, the NUL in every other byte gives it away.
 */
function wideEncoding(text: string): string | undefined {
  const marked = text.startsWith('\uFFFD\uFFFD');
  const body = marked ? text.slice(2, 6) : text.slice(0, 4);
  if (body.length < 4 && !marked) return undefined;
  if (marked && body.startsWith('\0\0')) return 'UTF-32 (little-endian)';
  if (text.startsWith('\0\0\uFFFD\uFFFD')) return 'UTF-32 (big-endian)';
  if (body[0] !== '\0' && body[1] === '\0' && (body.length < 4 || (body[2] !== '\0' && body[3] === '\0'))) return 'UTF-16 (little-endian)';
  if (body[0] === '\0' && body[1] !== '\0' && body[1] !== undefined && (body.length < 4 || (body[2] === '\0' && body[3] !== '\0'))) return 'UTF-16 (big-endian)';
  return marked && body.length === 0 ? 'UTF-16' : undefined;
}
