/**
 * The ink live view of `asl run`: a status line, one summary per Map or Parallel state in progress, and a
 * window of the most recent steps, all sized to fit the screen. What it draws does not grow with the run
 * (run-progress.ts keeps the picture), frames are taken a few times a second rather than per event, and
 * every line is cut to the terminal's width, so the live region never outgrows the screen (ink would then
 * clear the whole terminal, scrollback included, on every frame). The result is printed below it as plain
 * text once the view has stopped. Imported only on a terminal outside CI.
 */
import React, { useEffect, useLayoutEffect, useState } from 'react';
import { Box, Text, render } from 'ink';
import type { ExecutionResult, HistoryEvent } from '../run/index.js';
import type { Painter } from '../report/types.js';
import type { OutputStream } from './io.js';
import { asWriteStream } from './ink-stream.js';
import { renderLine, renderResult, seconds } from './run-plain.js';
import { RunProgress, describeGroup, type ProgressSnapshot } from './run-progress.js';

/**
 * Frames per second: enough to watch counts move, few enough that drawing stays a small share of the run
 * (a frame of 20 styled lines costs ink a few milliseconds, more on a busy machine).
 */
const FPS = 5;
/** At most this many recent steps, however tall the terminal. */
const MAX_LINES = 20;

interface Frame {
  snapshot: ProgressSnapshot & { hiddenGroups: number };
  /** Wall time since the view started. */
  wallMs: number;
  status?: string;
}

type Listener = (frame: Frame) => void;

function LiveRun({ subscribe, painter, drawn }: { subscribe: (listener: Listener) => void; painter: Painter; drawn: (frame: Frame) => void }) {
  const [frame, setFrame] = useState<Frame | undefined>();
  useEffect(() => subscribe(setFrame), [subscribe]);
  // After the commit, so the view knows when its last frame is in ink's tree.
  useLayoutEffect(() => {
    if (frame) drawn(frame);
  }, [frame, drawn]);
  if (!frame) return <Text>{painter.dim('starting…')}</Text>;
  const { snapshot } = frame;
  const status = frame.status ?? `running · ${snapshot.events.toLocaleString('en-US')} events · +${seconds(snapshot.elapsedMs)} virtual · ${seconds(frame.wallMs)}`;
  return (
    <Box flexDirection="column">
      {snapshot.lines.map((line) => (
        <Text key={line.key} wrap="truncate-end">
          {renderLine(line, painter)}
        </Text>
      ))}
      {snapshot.groups.map((group, i) => (
        <Text key={`g${i}`} wrap="truncate-end">
          {'  '.repeat(group.depth)}
          {painter.bold(describeGroup(group))}
        </Text>
      ))}
      {snapshot.hiddenGroups > 0 && <Text wrap="truncate-end">{painter.dim(`  and ${snapshot.hiddenGroups} more Map and Parallel states running`)}</Text>}
      <Text wrap="truncate-end">{painter.dim(status)}</Text>
    </Box>
  );
}

export interface LiveView {
  onEvent(event: HistoryEvent, thread: string): void;
  /** Draws the last frame, stops the view, then prints the result below it. */
  finish(result: ExecutionResult): Promise<void>;
  /** Stops the view without a result (the run could not happen). */
  stop(): Promise<void>;
}

export async function startLiveView(stdout: OutputStream, definition: unknown, painter: Painter): Promise<LiveView> {
  const stream = asWriteStream(stdout);
  const progress = new RunProgress(definition, MAX_LINES);
  const started = performance.now();
  let listener: Listener = () => undefined;
  let drawn = -1;
  let lastFrameDrawn: (() => void) | undefined;
  const onDrawn = (frame: Frame): void => {
    if (frame.status !== undefined) lastFrameDrawn?.();
  };
  const publish = (status?: string): void => {
    // The screen's height is read each frame: the window follows a resize. One row stays free for ink's
    // cursor line and one for the status.
    const room = Math.max(4, stream.rows - 2);
    const maxGroups = Math.min(8, Math.floor(room / 2));
    const snapshot = progress.snapshot(Math.min(MAX_LINES, room - Math.min(maxGroups, 8) - 1), maxGroups);
    listener({ snapshot, wallMs: performance.now() - started, status });
  };
  const timer = setInterval(() => {
    if (progress.version === drawn) return;
    drawn = progress.version;
    publish();
  }, 1000 / FPS);
  const instance = render(<LiveRun subscribe={(l) => (listener = l)} painter={painter} drawn={onDrawn} />, {
    stdout: stream,
    patchConsole: false,
    // Ctrl-C stays a signal for the run's own handler (src/cli/interrupt.ts), which stops the run cleanly.
    exitOnCtrlC: false,
    maxFps: FPS,
  });
  const close = async (status: string | undefined): Promise<void> => {
    clearInterval(timer);
    if (status !== undefined) {
      // Once React has committed the last frame, unmount draws it at once, past ink's frame limit, and
      // leaves it on the screen. (The timeout only guards against a frame that never commits.)
      const committed = new Promise<void>((done) => {
        lastFrameDrawn = done;
        setTimeout(done, 500).unref();
      });
      publish(status);
      await committed;
    }
    instance.unmount();
    await instance.waitUntilExit();
  };
  return {
    onEvent: (event, thread) => progress.add(event, thread),
    async finish(result) {
      const { events, elapsedMs } = progress.snapshot(0, 0);
      await close(`${result.status === 'SUCCEEDED' ? 'done' : 'stopped'} · ${events.toLocaleString('en-US')} events · ${seconds(performance.now() - started)}`);
      stdout.write(`\n${renderResult(result, { events, elapsedMs }, painter)}`);
    },
    stop: () => close(undefined),
  };
}
