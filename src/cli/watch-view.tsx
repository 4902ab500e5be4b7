/**
 * The ink view of `asl validate --watch` / `asl lint --watch`. A report that fits on the screen is redrawn
 * in place, above a status line (files watched, last check, what changed). A taller one is printed above the
 * live region as ordinary output, under a separator line, and the live region keeps only the status line:
 * ink clears the whole terminal, scrollback included, when its live region is as tall as the screen, and
 * laying out thousands of lines on every redraw would take seconds. Imported only on a terminal outside CI
 * and pre-commit. It reads no keys, so the terminal's Ctrl-C stays a SIGINT that the watch loop handles.
 */
import React, { useEffect, useState } from 'react';
import { Box, Text, render, useStdout } from 'ink';
import { printable } from '../printable.js';
import type { Painter } from '../report/types.js';
import type { OutputStream } from './io.js';
import { asWriteStream } from './ink-stream.js';
import type { WatchFrame, WatchView } from './watch-frame.js';
import { clockTime, describeChanges, plural, separator } from './watch-frame.js';

interface Shown {
  frame: WatchFrame;
  /** The report's lines when it is drawn in the live region; undefined when it was printed above. */
  lines: string[] | undefined;
  problems: string[];
}

type Listener = (shown: Shown) => void;
type Subscribe = (listener: Listener, write: (text: string) => void) => void;

function WatchScreen({ subscribe, painter }: { subscribe: Subscribe; painter: Painter }) {
  const [shown, setShown] = useState<Shown | undefined>();
  const { write } = useStdout();
  useEffect(() => subscribe(setShown, write), [subscribe, write]);
  if (!shown) return <Text>{painter.dim('checking…')}</Text>;
  const { frame } = shown;
  const what = frame.run === 1 ? 'checked' : describeChanges(frame.changes);
  return (
    <Box flexDirection="column">
      {/* Cut, never wrapped: each line is one row, so the region's height is known before it is drawn. */}
      {shown.lines?.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
      {shown.lines !== undefined &&
        shown.problems.map((problem, i) => (
          <Text key={`p${i}`} wrap="truncate-end">
            {painter.yellow(problem)}
          </Text>
        ))}
      <Text> </Text>
      <Text wrap="truncate-end">{painter.dim(printable(`${clockTime(frame.time)} ${what} · watching ${plural(frame.files, 'file')} · Ctrl-C to stop`))}</Text>
    </Box>
  );
}

/** Columns a line takes, counted high: anything from U+1100 on (where wide CJK forms start) as two. */
function width(line: string): number {
  // eslint-disable-next-line no-control-regex
  const bare = line.replace(/\u001b\[[0-9;]*m/g, '');
  let columns = 0;
  for (const ch of bare) columns += ch.codePointAt(0)! >= 0x1100 ? 2 : 1;
  return columns;
}

/** Whether the lines and the status (a blank line and one line) fit in the live region, under the screen's height. */
export function fitsScreen(lines: readonly string[], size: { columns: number; rows: number }): boolean {
  return lines.length + 2 < size.rows && lines.every((line) => width(line) <= size.columns);
}

export async function startWatchView(stdout: OutputStream, painter: Painter): Promise<WatchView> {
  const stream = asWriteStream(stdout);
  let listener: Listener | undefined;
  let write: ((text: string) => void) | undefined;
  let last: Shown | undefined;
  // Text for above the live region that came before the view was mounted (ink's write is not known yet).
  let pending = '';
  const subscribe: Subscribe = (l, w) => {
    listener = l;
    write = w;
    if (pending) w(pending);
    pending = '';
    if (last) l(last);
  };
  const instance = render(<WatchScreen subscribe={subscribe} painter={painter} />, {
    stdout: stream,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  return {
    show(frame) {
      const problems = frame.problems.map((problem) => `asl: ${printable(problem)}`);
      const lines = frame.report === '' ? [] : frame.report.replace(/\n$/, '').split('\n');
      const inline = fitsScreen([...lines, ...problems], stream);
      last = { frame, lines: inline ? lines : undefined, problems };
      if (!inline) {
        // Printed above the live region, which ink keeps below it; it scrolls away like any output.
        const heading = frame.run > 1 ? `\n${painter.dim(printable(separator(frame)))}\n` : '';
        const text = `${heading}${frame.report}${problems.map((p) => `${painter.yellow(p)}\n`).join('')}`;
        if (write) write(text);
        else pending += text;
      }
      listener?.(last);
    },
    async close() {
      // Let the last frame paint before ink stops (it leaves it on the screen).
      await new Promise((done) => setTimeout(done, 40));
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
