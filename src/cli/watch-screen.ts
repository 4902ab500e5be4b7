/**
 * The redraws of a validate/lint --watch: after a pass that brought news, the --output report is rewritten
 * (when asked for) and the view shows a fresh frame with the stylish report, what changed and the problems.
 */
import type { RuleMetadata } from '../report/types.js';
import { formatReport, inputsOf, writeReport, type CheckHooks } from './check-file.js';
import type { CheckOptions } from './check-options.js';
import type { CommandContext } from './context.js';
import { CliError } from './errors.js';
import type { WatchChange, WatchFrame, WatchView } from './watch-frame.js';
import type { PassNews, WatchSnapshot } from './watch-session.js';
import type { WatchClock } from './watch-timing.js';
import { NO_VIEW } from './watch-view-choice.js';

/** Settings a redraw needs beyond the pass's news. */
export interface ScreenSettings {
  options: CheckOptions;
  rules: readonly RuleMetadata[] | undefined;
  hooks: CheckHooks;
  clock: WatchClock;
  /** Called after every redraw: for tests. */
  onFrame?(frame: WatchFrame): void;
}

/** Counts the redraws and remembers the last problems, so a pass with nothing new leaves the screen alone. */
export class WatchScreen {
  private run = 0;
  private lastProblems = '';
  private view: WatchView = NO_VIEW;

  constructor(
    private readonly ctx: CommandContext,
    private readonly settings: ScreenSettings,
  ) {}

  /** Draws on `view` from now on. */
  attach(view: WatchView): void {
    this.view = view;
  }

  close(): Promise<void> {
    return this.view.close();
  }

  /** Redraws after the first pass, and after any pass with a change or with other problems than last time. */
  async update(news: PassNews, current: () => WatchSnapshot): Promise<void> {
    const problemsKey = news.problems.join('\n');
    if (this.run > 0 && news.changes.length === 0 && problemsKey === this.lastProblems) return;
    this.lastProblems = problemsKey;
    await this.redraw(news.changes, news.problems, current());
  }

  private async redraw(changes: WatchChange[], problems: string[], snapshot: WatchSnapshot): Promise<void> {
    const { files, results, texts } = snapshot;
    const { options, rules, clock } = this.settings;
    await this.rewriteOutputFile(snapshot, problems);
    // Nothing was checked because of the problems (a broken config): a "0 state machines valid" summary would mislead.
    const report = results.length === 0 && problems.length > 0 ? '' : await formatReport(this.ctx, results, options, rules, (f) => texts.get(f), false, 'stylish');
    this.run += 1;
    const frame: WatchFrame = {
      run: this.run,
      time: clock.now(),
      files: files.length,
      changes: this.run === 1 ? [] : changes,
      problems,
      report,
      errors: results.some((r) => !r.valid),
    };
    this.view.show(frame);
    this.settings.onFrame?.(frame);
  }

  /** --output: the report in its --format, rewritten on every redraw; a failure to write is one more problem. */
  private async rewriteOutputFile({ files, results, texts }: WatchSnapshot, problems: string[]): Promise<void> {
    const { options, rules, hooks } = this.settings;
    if (options.outputFile === undefined) return;
    try {
      const report = await formatReport(this.ctx, results, options, rules, (f) => texts.get(f), true);
      writeReport(this.ctx, report, options.outputFile, inputsOf(files, results, hooks));
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      problems.push(error.message);
    }
  }
}
