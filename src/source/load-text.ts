/**
 * One text in, the state machines it holds out. Parses once; positions are looked up only when a
 * diagnostic needs one. See docs/architecture.md for the flow of one file.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { getAtPointer } from '../asl/pointer.js';
import type { Diagnostic } from '../diagnostics.js';
import type { LoaderCode } from './codes.js';
import { loaderDiagnostic } from './codes.js';
import { loadEmbedded } from './embedded.js';
import { joinedOffsets } from './join.js';
import type { ParsedText, ParseProblem } from './document.js';
import type { OffsetToPosition } from './locate.js';
import { makeLocate } from './locate.js';
import type { MachineSite } from './machines.js';
import { findMachineSites } from './machines.js';
import { encodingProblem } from './decode.js';
import { detectFormat, parseText } from './parse.js';
import { LineTable } from './positions.js';
import { outsideMachines, parseAsCloudFormation } from './provider.js';
import { mapStringOffsets } from './string-map.js';
import type { Substitutions } from './substitute.js';
import { applySubstitutions, substitutionDiagnostics } from './substitute.js';
import type { LoadedFile, MachineSource } from './types.js';
import { systemErrorReason } from '../system-error.js';

export interface LoadTextOptions {
  /** Folder that relative DefinitionUri / DefinitionS3Location paths start from; defaults to the file's folder. */
  baseDir?: string;
  /** Reads a definition file named by a template; undefined when it cannot be read. Defaults to the filesystem. */
  readFile?: (absPath: string) => string | undefined;
  /** Set when a template names this file (DefinitionUri): CloudFormation reads it as JSON, else as YAML. */
  fromTemplate?: boolean;
  /** Literal values the naming template gives its placeholders (DefinitionSubstitutions). */
  substitutions?: Substitutions;
}

const EXPECTED =
  'expected a state machine definition (an object with "StartAt" and "States"), or a CloudFormation/SAM template or serverless.yml that declares state machines';

/** YAML parses at roughly 1 MB a second, JSON at 30; both limits sit far above AWS's 1 MB definition limit. */
const MAX_YAML_CHARS = 4 * 1024 * 1024;
const MAX_JSON_CHARS = 64 * 1024 * 1024;

const megabytes = (chars: number): string => (chars / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');

/**
 * Bytes above which a file is refused without reading it: four times the JSON limit, so its text is
 * over that limit whatever its encoding (a character takes at most four bytes of UTF-8).
 */
export const MAX_FILE_BYTES = 4 * MAX_JSON_CHARS;

/**
 * Bytes read at most from a source whose size is not known in advance (stdin, a pipe, a device such as
 * /dev/zero): the JSON limit, so that an endless source is refused after a fraction of a second.
 */
export const MAX_STREAM_BYTES = MAX_JSON_CHARS;

/**
 * The file-level finding for a file too large to read at all (`bytes` from a stat, or the bytes read
 * when reading stopped at MAX_STREAM_BYTES: `endless`); its text is never loaded.
 */
export function tooLargeFile(file: string, bytes: number, endless = false): LoadedFile {
  const size = endless ? `more than ${megabytes(MAX_STREAM_BYTES)} MB (reading stopped there)` : `${megabytes(bytes)} MB`;
  return {
    file,
    machines: [],
    diagnostics: [
      loaderDiagnostic(
        'file-too-large',
        `The file has ${size}; files over ${megabytes(MAX_JSON_CHARS)} MB are not checked (AWS accepts definitions up to 1 MB)`,
        { line: 1, column: 1 },
      ),
    ],
  };
}

export function loadText(text: string, file: string, options: LoadTextOptions = {}): LoadedFile {
  const table = new LineTable(text);
  const toPosition: OffsetToPosition = (start, end) => table.range(start, end);
  const fail = (code: LoaderCode, message: string, offset = 0): LoadedFile => ({
    file,
    machines: [],
    diagnostics: [loaderDiagnostic(code, message, table.position(offset))],
  });

  if (!/\S/.test(text)) return fail('not-a-state-machine', `The file is empty; ${EXPECTED}`);
  const encoding = encodingProblem(text);
  if (encoding) return fail('parse-error', encoding.message, encoding.offset);
  const format = detectFormat(file, text);
  const limit = format === 'yaml' ? MAX_YAML_CHARS : MAX_JSON_CHARS;
  if (text.length > limit) {
    return fail(
      'file-too-large',
      `The file has ${megabytes(text.length)} MB; ${format === 'yaml' ? 'YAML' : 'JSON'} files over ${megabytes(limit)} MB are not checked (AWS accepts definitions up to 1 MB)${format === 'yaml' ? '; convert it to JSON, which loads much faster, to check it anyway' : ''}`,
    );
  }
  const { parsed, notJson } = options.fromTemplate ? parseAsCloudFormation(text, format) : { parsed: parseText(text, format), notJson: undefined };
  if (!parsed.parsed) {
    const problem = parsed.problems[0]!;
    return fail(problem.code, problem.message, problem.offset);
  }
  const search = findMachineSites(parsed.value);
  if (search.notAMachine) return fail('not-a-state-machine', `Not a state machine: ${search.notAMachine}; ${EXPECTED}`);

  const locateInFile = makeLocate(parsed.spanOf, '', toPosition);
  const loaded: LoadedFile = { file, machines: [], diagnostics: [] };
  const context: SiteContext = { file, source: text, parsed, toPosition, locateInFile, options, loaded, inline: [] };
  for (const site of search.sites) addSite(context, site);
  assignProblems(parsed.problems, context.inline, loaded.diagnostics, toPosition);
  // Only a bare definition is read this way, so the warning belongs to its one machine.
  if (notJson) (loaded.machines[0]?.diagnostics ?? loaded.diagnostics).unshift(loaderDiagnostic(notJson.code, notJson.message, table.position(notJson.offset)));
  // Below this a definition cannot reach AWS's limit, whatever the format (YAML writes less than JSON).
  if (text.length > MAX_DEFINITION_BYTES / 4) for (const machine of loaded.machines) if (machine.file === file) checkDefinitionSize(machine);
  return loaded;
}

/** AWS's limit on a definition: CreateStateMachine takes requests of at most 1 MB. */
export const MAX_DEFINITION_BYTES = 1024 * 1024;

/** A definition over AWS's 1 MB, measured as the compact JSON AWS is sent: an error on the machine. */
function checkDefinitionSize(machine: MachineSource): void {
  let bytes: number;
  try {
    bytes = Buffer.byteLength(JSON.stringify(machine.definition), 'utf8');
  } catch {
    return; // nested too deeply to serialize: nesting-too-deep already says so
  }
  if (bytes <= MAX_DEFINITION_BYTES) return;
  const message = `The definition has ${megabytes(bytes)} MB as compact JSON (${bytes} bytes); AWS accepts definitions up to 1 MB (1,048,576 bytes). Split the workflow, for example into nested state machines, or move large constants out of it`;
  machine.diagnostics.push(loaderDiagnostic('file-too-large', message, machine.locate(''), ''));
}

interface SiteContext {
  file: string;
  source: string;
  parsed: ParsedText;
  toPosition: OffsetToPosition;
  locateInFile: (pointer: string) => ReturnType<OffsetToPosition>;
  options: LoadTextOptions;
  loaded: LoadedFile;
  /** Machines whose definition sits in this file's own value (not a DefinitionString or another file). */
  inline: MachineSource[];
}

function addSite(ctx: SiteContext, site: MachineSite): void {
  const { file, parsed, loaded } = ctx;
  // A finding about the file rather than a machine points (path) into the file: where the template names the machine.
  const fileDiagnostic = (code: LoaderCode, message: string, where = ctx.locateInFile(site.pointer)): void => {
    loaded.diagnostics.push(loaderDiagnostic(code, message, where, site.pointer));
  };
  const label = site.name ? `State machine ${site.name}` : 'The state machine';
  switch (site.kind) {
    case 'inline': {
      const substitutions = site.pointer === '' ? ctx.options.substitutions : site.substitutions;
      // CloudFormation substitutes a definition file's text before parsing it, but an inline Definition only
      // after writing it out as JSON, where every placeholder is inside a string.
      const unquoted = site.pointer === '' ? parsed.unquoted : undefined;
      const how = { unquoted, base: site.pointer, yaml: parsed.format === 'yaml', viaYaml: ctx.options.fromTemplate };
      const templated = applySubstitutions(getAtPointer(parsed.value, site.pointer), substitutions, how);
      const locate = makeLocate(parsed.spanOf, site.pointer, ctx.toPosition);
      const diagnostics = substitutionDiagnostics(templated.problems, locate);
      const { name, workflowType } = site;
      const machine: MachineSource = { file, pointer: site.pointer, name, definition: templated.definition, locate, workflowType, diagnostics };
      loaded.machines.push(machine);
      ctx.inline.push(machine);
      return;
    }
    case 'skip':
      fileDiagnostic(site.code, site.message);
      return;
    case 'string':
    case 'joined': {
      const span = parsed.spanOf(site.pointer);
      const map =
        site.kind === 'joined' ? joinedOffsets(ctx.source, parsed.spanOf, parsed.format, site.parts) : span ? mapStringOffsets(ctx.source, span, site.text, parsed.format) : () => 0;
      const result = loadEmbedded(file, site, label, map, ctx.toPosition);
      if ('machine' in result) loaded.machines.push(result.machine);
      else fileDiagnostic(result.code, result.message, result.where);
      return;
    }
    case 'file':
      addDefinitionFile(ctx, site, label, fileDiagnostic);
      return;
  }
}

function addDefinitionFile(
  ctx: SiteContext,
  site: Extract<MachineSite, { kind: 'file' }>,
  label: string,
  fileDiagnostic: (code: LoaderCode, message: string, where?: ReturnType<OffsetToPosition>) => void,
): void {
  const { file, options } = ctx;
  const absolute = resolve(options.baseDir ?? (file === '-' ? '.' : dirname(file)), site.path);
  // The definition file as the user would name it: next to the template they named.
  const shown = file === '-' || isAbsolute(site.path) ? site.path : join(dirname(file), site.path);
  const read = options.readFile ? { text: options.readFile(absolute), reason: undefined } : readDefinitionFile(absolute);
  const text = read.text;
  if (text === undefined) {
    const why = read.reason ? ` (${read.reason})` : '';
    fileDiagnostic('definition-file-unreadable', `${label}: cannot read its definition file ${shown}${why}; check the path (it is relative to the template's folder)`);
    return;
  }
  const sub = loadText(text, shown, { baseDir: dirname(absolute), readFile: options.readFile, fromTemplate: true, substitutions: site.substitutions });
  for (const problem of sub.diagnostics) {
    fileDiagnostic(problem.code as LoaderCode, `${label}: ${shown}:${problem.line}:${problem.column}: ${problem.message}`);
  }
  for (const machine of sub.machines) {
    if (machine.pointer !== '') continue; // a template named as a definition file: not followed further
    ctx.loaded.machines.push({ ...machine, name: site.name, workflowType: site.workflowType });
  }
}

/**
 * A definition file named by a template, read only when it is a regular file of a sane size: a
 * DefinitionUri naming a device (/dev/zero), a pipe or a huge file must not hang or exhaust memory.
 */
function readDefinitionFile(path: string): { text: string | undefined; reason?: string } {
  try {
    const info = statSync(path);
    if (info.isDirectory()) return { text: undefined, reason: 'it is a directory' };
    if (!info.isFile()) return { text: undefined, reason: 'it is not a regular file' };
    if (info.size > MAX_FILE_BYTES) return { text: undefined, reason: `it has ${megabytes(info.size)} MB` };
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { text: undefined, reason: systemErrorReason(error) };
  }
}

/**
 * Duplicate keys inside a machine's definition belong to that machine (path relative to its definition);
 * the others (say, in a template's Parameters) belong to the file.
 */
function assignProblems(
  problems: readonly ParseProblem[],
  machines: readonly MachineSource[],
  fileDiagnostics: Diagnostic[],
  toPosition: OffsetToPosition,
): void {
  for (const problem of problems) {
    const pointer = problem.pointer ?? '';
    const machine = machines.find((m) => pointer === m.pointer || pointer.startsWith(`${m.pointer}/`));
    const where = toPosition(problem.offset);
    if (machine) machine.diagnostics.push(loaderDiagnostic(problem.code, problem.message, where, pointer.slice(machine.pointer.length)));
    else fileDiagnostics.push(loaderDiagnostic(outsideMachines(problem.code), problem.message, where, pointer));
  }
}
