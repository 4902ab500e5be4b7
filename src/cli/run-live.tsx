/**
 * The ink live view of `asl run`: the steps as they happen (nesting for branches and iterations,
 * retries, caught errors, virtual time), then the result. Imported only on a terminal outside CI.
 */
import React, { useEffect, useState } from 'react';
import { Box, Text, render } from 'ink';
import type { ExecutionResult, HistoryEvent } from '../run/index.js';
import type { OutputStream } from './io.js';
import { asWriteStream } from './ink-stream.js';
import { Trace, renderResult, type TraceLine } from './run-plain.js';

type Listener = (lines: TraceLine[], result?: ExecutionResult) => void;

function LiveRun({ subscribe, onResultShown }: { subscribe: (listener: Listener) => void; onResultShown: () => void }) {
  const [lines, setLines] = useState<TraceLine[]>([]);
  const [result, setResult] = useState<ExecutionResult | undefined>();
  useEffect(() => subscribe((next, done) => {
    setLines(next);
    if (done) setResult(done);
  }), [subscribe]);
  // Effects run once the frame with the result is committed, so unmounting after this draws it.
  useEffect(() => {
    if (result) onResultShown();
  }, [result, onResultShown]);
  return (
    <Box flexDirection="column">
      {lines.slice(-40).map((line) => (
        <Text key={line.key}>
          <Text dimColor>{line.time.padStart(9)} </Text>
          {'  '.repeat(line.depth)}
          <Text color={line.tone === 'ok' ? 'green' : line.tone === 'error' ? 'red' : undefined}>{line.text}</Text>
        </Text>
      ))}
      {result && <Text color={result.status === 'SUCCEEDED' ? 'green' : 'red'}>{renderResult(result)}</Text>}
    </Box>
  );
}

export async function startLiveView(stdout: OutputStream) {
  let listener: Listener | undefined;
  // What the view should show; replayed when the component subscribes, in case events came first.
  let latest: { lines: TraceLine[]; result?: ExecutionResult } | undefined;
  const show = (lines: TraceLine[], result?: ExecutionResult) => {
    latest = { lines, result };
    listener?.(lines, result);
  };
  const subscribe = (l: Listener) => {
    listener = l;
    if (latest) l(latest.lines, latest.result);
  };
  let resultShown: () => void = () => undefined;
  const shown = new Promise<void>((done) => (resultShown = done));
  const trace = new Trace();
  const instance = render(<LiveRun subscribe={subscribe} onResultShown={() => resultShown()} />, { stdout: asWriteStream(stdout), patchConsole: false });
  return {
    onEvent(event: HistoryEvent, thread: string) {
      if (trace.add(event, thread).length > 0) show([...trace.lines]);
    },
    async finish(result: ExecutionResult) {
      show([...trace.lines], result);
      // A fixed wait lost the last frame on a busy machine: wait until React has committed it (bounded, so a
      // view that never got to render cannot hold the command open).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([shown, new Promise<void>((done) => (timer = setTimeout(done, 2000)))]);
      clearTimeout(timer);
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
