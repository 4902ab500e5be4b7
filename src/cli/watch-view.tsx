/**
 * The ink view of `asl validate --watch` / `asl lint --watch`: the current report, redrawn in place after
 * every re-check, with a status line (files watched, last check, what changed). Imported only on a
 * terminal outside CI and pre-commit. It reads no keys, so the terminal's Ctrl-C stays a SIGINT that the
 * watch loop handles.
 */
import React, { useEffect, useState } from 'react';
import { Box, Text, render } from 'ink';
import type { OutputStream } from './io.js';
import { asWriteStream } from './ink-stream.js';
import type { WatchFrame, WatchView } from './watch-frame.js';
import { clockTime, describeChanges, plural } from './watch-frame.js';

type Listener = (frame: WatchFrame) => void;

function WatchScreen({ subscribe }: { subscribe: (listener: Listener) => void }) {
  const [frame, setFrame] = useState<WatchFrame | undefined>();
  useEffect(() => subscribe(setFrame), [subscribe]);
  if (!frame) return <Text dimColor>checking…</Text>;
  const what = frame.run === 1 ? 'checked' : describeChanges(frame.changes);
  return (
    <Box flexDirection="column">
      <Text>{frame.report.replace(/\n$/, '')}</Text>
      {frame.problems.map((problem, i) => (
        <Text key={i} color="yellow">
          asl: {problem}
        </Text>
      ))}
      <Text dimColor>
        {'\n'}
        {clockTime(frame.time)} {what} · watching {plural(frame.files, 'file')} · Ctrl-C to stop
      </Text>
    </Box>
  );
}

export async function startWatchView(stdout: OutputStream): Promise<WatchView> {
  let listener: Listener = () => undefined;
  let last: WatchFrame | undefined;
  const instance = render(
    <WatchScreen
      subscribe={(l) => {
        listener = l;
        if (last) l(last);
      }}
    />,
    { stdout: asWriteStream(stdout), patchConsole: false, exitOnCtrlC: false },
  );
  return {
    show(frame) {
      last = frame;
      listener(frame);
    },
    async close() {
      // Let the last frame paint before ink stops (it leaves it on the screen).
      await new Promise((done) => setTimeout(done, 20));
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
