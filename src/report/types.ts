/**
 * What the formatters read: one result per state machine (or per file that could not be read as one),
 * and the options the command line decided (colour, rule metadata, source text for excerpts).
 * Formatters are pure: they never look at the terminal, the environment or the filesystem.
 */
import type { Diagnostic, Severity } from '../diagnostics.js';

export interface MachineResult {
  /** The file as the user named it ("-" for stdin). */
  file: string;
  /** JSON Pointer of the definition inside the file; "" for a bare definition or a file-level failure. */
  machine: string;
  /** Logical id / machine name inside a template; undefined for a bare definition. */
  name?: string;
  /** No error-severity diagnostics. */
  valid: boolean;
  diagnostics: Diagnostic[];
}

/** Describes one code (a check or a lint rule), for SARIF's rule table and docs links. */
export interface RuleMetadata {
  id: string;
  description: string;
  severity: Severity;
  docsUrl: string;
}

/** Styling functions; the command line passes coloured ones (a configured chalk) or identity functions. */
export interface Painter {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

export interface FormatOptions {
  painter?: Painter;
  /** Metadata for every code that may appear (SARIF lists them as rules). */
  rules?: readonly RuleMetadata[];
  /** The text of a file as loaded, for source excerpts; undefined when unavailable. */
  sourceText?: (file: string) => string | undefined;
  /** Tool name and version for SARIF/JUnit. */
  toolName?: string;
  toolVersion?: string;
  /** The tool's home page, for SARIF. */
  informationUri?: string;
  /** Directory the command ran in: SARIF makes absolute paths under it relative. */
  baseDir?: string;
  /** Warnings and infos left out of `results` by --quiet, for a summary that does not hide that they exist. */
  hidden?: { warnings: number; infos: number };
  /** --max-warnings: a summary over it must not read as a pass, even when --quiet hid the warnings. */
  maxWarnings?: number;
}

export type Formatter = (results: readonly MachineResult[], options?: FormatOptions) => string;

const identity = (text: string): string => text;
export const plainPainter: Painter = {
  red: identity,
  yellow: identity,
  blue: identity,
  green: identity,
  dim: identity,
  bold: identity,
  underline: identity,
};
