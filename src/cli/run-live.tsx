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

function LiveRun({ subscribe }: { subscribe: (listener: Listener) => void }) {
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
      {result && <Text color={result.status === 'SUCCEEDED' ? 'green' : 'red'}>{renderResult(result)}</Text>}
    </Box>
  );
}

export async function startLiveView(stdout: OutputStream) {
  let listener: Listener = () => undefined;
  const trace = new Trace();
  const instance = render(<LiveRun subscribe={(l) => (listener = l)} />, { stdout: asWriteStream(stdout), patchConsole: false });
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
