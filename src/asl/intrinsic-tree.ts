/** The tree of an intrinsic call (`States.Format('{}', $.a)`), as `intrinsic-reader.ts` builds it and validate and run read it. */
export interface Span {
  /** 0-based offset of the first character in the call text. */
  start: number;
  /** 0-based offset just after the last character. */
  end: number;
}

export type IntrinsicArg =
  | ({ kind: 'string'; /** Unescaped, except that `\{` and `\}` stay escaped so States.Format can tell them from placeholders. */ value: string } & Span)
  | ({ kind: 'number'; value: number } & Span)
  | ({ kind: 'boolean'; value: boolean } & Span)
  | ({ kind: 'null' } & Span)
  | ({ kind: 'path'; path: string } & Span)
  | ({ kind: 'call'; call: IntrinsicCall } & Span);

export interface IntrinsicCall extends Span {
  name: string;
  args: IntrinsicArg[];
}
