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
  const result = viz.render(dot, { format: 'svg' });
  if (result.status !== 'success') {
    const messages = result.errors.map((e) => e.message.trim()).join('; ');
    throw new GraphRenderError(`Graphviz could not render the diagram: ${messages || 'unknown error'}`);
  }
  return result.output;
}
