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

function LiveRun({ subscribe, trace }: { subscribe: (listener: Listener) => void; trace: Trace }) {
  const [lines, setLines] = useState<TraceLine[]>([]);
  const [result, setResult] = useState<ExecutionResult | undefined>();
  useEffect(() => subscribe((next, done) => {
    setLines(next);
    if (done) setResult(done);
  }), [subscribe]);
  return (
    <Box flexDirection="column">
      {lines.slice(-40).map((line) => (
        <Text key={line.key}>
          <Text dimColor>{line.time.padStart(9)} </Text>
          {'  '.repeat(line.depth)}
          <Text color={line.tone === 'ok' ? 'green' : line.tone === 'error' ? 'red' : undefined}>{line.text}</Text>
        </Text>
      ))}
      {result && <Text color={result.status === 'SUCCEEDED' ? 'green' : 'red'}>{renderResult(result, trace)}</Text>}
    </Box>
  );
}

export async function startLiveView(stdout: OutputStream) {
  let listener: Listener = () => undefined;
  // The view shows the last 40 lines: keeping more would grow with the run for nothing.
  const trace = new Trace({ keep: 40 });
  const instance = render(<LiveRun subscribe={(l) => (listener = l)} trace={trace} />, { stdout: asWriteStream(stdout), patchConsole: false });
  return {
    onEvent(event: HistoryEvent, thread: string) {
      if (trace.add(event, thread).length > 0) listener([...trace.lines]);
    },
    async finish(result: ExecutionResult) {
      listener([...trace.lines], result);
      await new Promise((done) => setTimeout(done, 20));
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
