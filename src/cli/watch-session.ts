/**
 * What a validate/lint --watch knows between passes (each input file's text, results and dependencies) and
 * one pass over it: re-expand the inputs when paths came or went, re-check only the files whose text or
 * dependencies changed, keep the others' results, and say what changed and which problems stand.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { MachineResult } from '../report/types.js';
import type { ExpandResult } from '../source/expand.js';
import { checkFile, type CheckHooks, type CheckMachine } from './check-file.js';
import type { CommandContext } from './context.js';
import { CliError } from './errors.js';
import { readInputs } from './read-inputs.js';
import type { WatchChange } from './watch-frame.js';
import { WatchTargets } from './watch-targets.js';

export type ExpandInputs = (inputs: string[], cwd: string) => Promise<ExpandResult>;

/** Where a watched input's results come from. */
interface Entry {
  text: string | undefined;
  results: MachineResult[];
  problems: string[];
  /** Absolute paths whose change means this file must be checked again. */
  deps: string[];
}

/** What one pass found: the changes to report, the problems that stand, and folders the watcher must add. */
export interface PassNews {
  changes: WatchChange[];
  problems: string[];
  newRoots: string[];
}

/** The current picture, for a redraw. */
export interface WatchSnapshot {
  /** The input files being checked, in input order. */
  files: string[];
  /** Their results, a definition file that a template among the inputs names only once (under the template). */
  results: MachineResult[];
  /** Each file's text, for formatters that quote it. */
  texts: Map<string, string>;
}

/** One watch's state, changed only by its passes (and by `touch` and `addProblem` between them). */
export class WatchSession {
  readonly targets: WatchTargets;
  private readonly entries = new Map<string, Entry>();
  private order: string[] = [];
  private expansion: ExpandResult | undefined;
  private touched = new Set<string>();
  /** Problems met outside a pass (watcher errors, a pass that threw), shown on the next redraw. */
  private readonly watchProblems: string[] = [];

  constructor(
    private readonly ctx: CommandContext,
    private readonly inputs: string[],
    private readonly checkMachine: CheckMachine,
    private readonly hooks: CheckHooks,
    private readonly expandInputs: ExpandInputs,
  ) {
    this.targets = new WatchTargets(inputs, ctx.cwd);
  }

  /** The first expansion of the inputs; returns the folders to start watching. */
  async begin(): Promise<string[]> {
    const first = (this.expansion = await this.expandInputs(this.inputs, this.ctx.cwd));
    return this.updateTargets(first.files);
  }

  /** The watcher saw something happen at `path` (relative to the working folder or absolute). */
  touch(path: string): void {
    this.touched.add(resolve(this.ctx.cwd, path));
  }

  /** A problem to show on the next redraw. */
  addProblem(message: string): void {
    this.watchProblems.push(message);
  }

  /** One pass: re-expand the inputs if needed, re-check what changed, and report what is new. */
  async pass(): Promise<PassNews> {
    const seen = this.touched;
    this.touched = new Set();
    const expanded = await this.expandIfPathsMoved(seen);
    const changes: WatchChange[] = [];
    const stale = this.staleOwners(seen, changes);
    if (stale.size > 0) this.hooks.forget?.();
    const { skipped, configProblems } = this.skippedFiles(expanded.files);
    const current = new Set(expanded.files.filter((f) => !skipped.has(f)));
    this.dropGone(current, skipped, changes);
    for (const file of current) {
      const old = this.entries.get(file);
      if (old && !stale.has(file) && !seen.has(resolve(this.ctx.cwd, file))) continue;
      await this.recheck(file, old, stale.has(file), changes);
    }
    this.order = [...current];
    const problems = this.standingProblems(expanded, configProblems);
    return { changes, problems, newRoots: this.updateTargets(expanded.files) };
  }

  /** The current files, results and texts, for a redraw. */
  snapshot(): WatchSnapshot {
    const { cwd } = this.ctx;
    // A definition file that a template among the inputs names is reported once, under the template (which
    // knows its logical id and workflow type), as a one-off run does (read-inputs.ts).
    const viaTemplate = new Set<string>();
    for (const f of this.order) for (const r of this.entries.get(f)?.results ?? []) if (r.file !== f) viaTemplate.add(resolve(cwd, r.file));
    const results = this.order.flatMap((f) => (viaTemplate.has(resolve(cwd, f)) ? [] : this.entries.get(f)?.results ?? []));
    const texts = new Map<string, string>();
    for (const f of this.order) {
      const text = this.entries.get(f)?.text;
      if (text !== undefined) texts.set(f, text);
    }
    return { files: this.order, results, texts };
  }

  /**
   * Searching the inputs again (a glob walk, sniffing templates) is needed only when something other than a
   * known file's content changed: a path appeared or went away.
   */
  private async expandIfPathsMoved(seen: ReadonlySet<string>): Promise<ExpandResult> {
    const known = new Set((this.expansion?.files ?? []).map((f) => resolve(this.ctx.cwd, f)));
    const moved = (p: string): boolean => (!known.has(p) && this.targets.ownersOf(p) === undefined) || !existsSync(p);
    if (this.expansion === undefined || [...seen].some(moved)) {
      this.expansion = await this.expandInputs(this.inputs, this.ctx.cwd);
    }
    return this.expansion;
  }

  /** The input files a changed dependency (a lint config) affects; each such change is news of its own. */
  private staleOwners(seen: ReadonlySet<string>, changes: WatchChange[]): Set<string> {
    const stale = new Set<string>();
    for (const dep of seen) {
      const owners = this.targets.ownersOf(dep);
      if (!owners) continue;
      owners.forEach((file) => stale.add(file));
      changes.push({ file: relative(this.ctx.cwd, dep) || dep, kind: existsSync(dep) ? 'changed' : 'deleted' });
    }
    return stale;
  }

  /** The files the command leaves out (lint's ignore globs); a config that cannot be read is a problem, once. */
  private skippedFiles(files: readonly string[]): { skipped: Set<string>; configProblems: string[] } {
    const configProblems: string[] = [];
    const skipped = new Set<string>();
    for (const file of files) {
      try {
        if (this.hooks.skip?.(file)) skipped.add(file);
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        if (!configProblems.includes(error.message)) configProblems.push(error.message);
      }
    }
    return { skipped, configProblems };
  }

  /** Forgets the files no longer among the inputs: deleted, or now ignored. */
  private dropGone(current: ReadonlySet<string>, skipped: ReadonlySet<string>, changes: WatchChange[]): void {
    for (const file of [...this.entries.keys()]) {
      if (current.has(file)) continue;
      this.entries.delete(file);
      changes.push({ file, kind: skipped.has(file) ? 'ignored' : 'deleted' });
    }
  }

  /** Reads one file again and, unless its text is the same and nothing it depends on changed, checks it. */
  private async recheck(file: string, old: Entry | undefined, stale: boolean, changes: WatchChange[]): Promise<void> {
    const read = await readInputs([file], this.ctx.cwd, this.ctx.io.stdin);
    const input = read.files[0];
    // The same text as last time (an editor's second write, a touch): nothing to re-check.
    if (old && !stale && input?.text === old.text && read.problems.length === 0) return;
    const problems = [...read.problems];
    const results = input ? await checkFile(this.ctx, input, this.checkMachine, problems) : [];
    this.entries.set(file, { text: input?.text, results, problems, deps: this.dependenciesOf(file, results) });
    // A file re-checked only because its config changed is not news of its own.
    if (!old || input?.text !== old.text) changes.push({ file, kind: old ? 'changed' : 'added' });
  }

  /** Every problem that stands now, once each: the inputs', the config's, the files' and the watch's own. */
  private standingProblems(expanded: ExpandResult, configProblems: readonly string[]): string[] {
    const inputProblems = [...expanded.problems, ...expanded.warnings.map((w) => `warning: ${w}`)];
    const fileProblems = this.order.flatMap((f) => this.entries.get(f)?.problems ?? []);
    return [...new Set([...inputProblems, ...configProblems, ...fileProblems, ...this.watchProblems.splice(0)])];
  }

  private updateTargets(files: readonly string[]): string[] {
    return this.targets.update(files, (file) => this.entries.get(file)?.deps ?? this.dependenciesOf(file, []));
  }

  private dependenciesOf(file: string, results: readonly MachineResult[]): string[] {
    const out = new Set(this.hooks.dependencies?.(file) ?? []);
    // A template naming a separate definition file: that file's edits change the template's results.
    for (const r of results) if (r.file !== file) out.add(resolve(this.ctx.cwd, r.file));
    return [...out];
  }
}
