/**
 * Which view a validate/lint --watch draws its frames with: ink on a real terminal outside CI and pre-commit,
 * plain text otherwise, or one the caller forces or passes in.
 */
import { decideColorLevel, makePainter } from './color.js';
import type { CommandContext } from './context.js';
import type { OutputStream } from './io.js';
import { plural, separator, type WatchView } from './watch-frame.js';
import { printable } from '../printable.js';

/** 'ink' or 'plain' to force one, or a view of your own. */
export type WatchViewChoice = 'ink' | 'plain' | WatchView;

/** A view that shows nothing: what the loop holds until the real one is open. */
export const NO_VIEW: WatchView = { show: () => undefined, close: async () => undefined };

/** ink only on a real terminal outside CI and pre-commit (it writes cursor codes even when piped). */
function useInkView(ctx: CommandContext): boolean {
  return Boolean(ctx.io.stdout.isTTY) && !ctx.env.CI && !ctx.env.PRE_COMMIT;
}

export async function openView(ctx: CommandContext, choice: WatchViewChoice | undefined, color: boolean | undefined): Promise<WatchView> {
  if (typeof choice === 'object') return choice;
  const ink = choice === undefined ? useInkView(ctx) : choice === 'ink';
  if (ink) {
    const { loadInkView } = await import('./load-ink.js');
    const { startWatchView } = await loadInkView(() => import('./watch-view.js'));
    // The status line and problems in the colours the report gets (--color, --no-color, NO_COLOR …).
    return startWatchView(ctx.io.stdout, await makePainter(decideColorLevel(color, ctx.env, ctx.io.stdout)));
  }
  return plainView(ctx.io.stdout, ctx.io.stderr);
}

/** Plain text: the first report, then a separator line and the fresh report per change. No cursor codes. */
function plainView(stdout: OutputStream, stderr: OutputStream): WatchView {
  return {
    show(frame) {
      if (frame.run > 1) stdout.write(`\n${printable(separator(frame))}\n`);
      for (const problem of frame.problems) stderr.write(`asl: ${printable(problem, { keepNewlines: true })}\n`);
      stdout.write(frame.report);
      if (frame.run === 1) stderr.write(`asl: watching ${plural(frame.files, 'file')} for changes; press Ctrl-C to stop\n`);
    },
    close: async () => undefined,
  };
}
