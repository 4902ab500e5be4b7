/**
 * SVG rendered in-process by Graphviz compiled to WebAssembly (@viz-js/viz), so no system Graphviz is
 * needed. The module is large, so it is imported only when an SVG is asked for.
 */
export class GraphRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GraphRenderError';
  }
}

export async function renderSvg(dot: string): Promise<string> {
  const { instance } = await import('@viz-js/viz');
  const viz = await instance();
  let result: { status: string; output?: string; errors: Array<{ message: string }> };
  try {
    result = viz.render(dot, { format: 'svg' });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // A very long path (thousands of states in a row) overflows this thread's stack: lay it out again
    // in a worker with a larger one.
    const { renderInWorker } = await import('./svg-worker.js');
    result = await renderInWorker(dot).catch((failure: unknown) => ({ status: 'failure', errors: [{ message: String((failure as Error)?.message ?? failure) }] }));
    if (result.status !== 'success' && result.errors.some((e) => /call stack|stack size/i.test(e.message))) {
      throw new GraphRenderError(
        'Graphviz ran out of stack laying out this machine (a path of tens of thousands of states); use --format dot and render it with a native Graphviz (dot -Tsvg), which has no such limit, or draw a part of the machine',
      );
    }
  }
  if (result.status !== 'success') {
    const messages = result.errors.map((e) => e.message.trim()).join('; ');
    throw new GraphRenderError(`Graphviz could not render the diagram: ${messages || 'unknown error'}`);
  }
  return result.output!;
}
