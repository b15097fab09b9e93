import { ForceLayout, passesFor, type LayoutInput, type Positions } from './layoutGraph';

export type LayoutRequest = { id: number; input: LayoutInput; start: Positions; budgetMs: number } | { id: number; cancel: true };
export type LayoutReply = { id: number; positions: Positions; done: boolean } | { id: number; error: string };

/**
 * Laying out thousands of nodes takes seconds: it runs here, a few passes at a time, sending each
 * improvement to the chart, and yields between chunks so a newer request (filters changed) or a
 * cancel (chart closed) is heard.
 */
let current = -1;
const post = (reply: LayoutReply) => self.postMessage(reply);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
  current = request.id;
  if ('cancel' in request) return;
  try {
    const layout = new ForceLayout(request.input, request.start);
    const total = passesFor(request.input.nodes.length);
    const deadline = performance.now() + request.budgetMs;
    // About a fifth of a second of passes per chunk: smooth enough to watch, few enough repaints.
    let chunk = 5;
    const run = () => {
      if (current !== request.id) return;
      const began = performance.now();
      layout.step(Math.min(chunk, total - layout.passes));
      const took = performance.now() - began;
      chunk = Math.max(1, Math.min(50, Math.round((chunk * 200) / Math.max(1, took))));
      const done = layout.passes >= total || layout.free < 2 || performance.now() >= deadline;
      post({ id: request.id, positions: layout.positions(), done });
      if (!done) setTimeout(run, 0);
    };
    run();
  } catch (error) {
    post({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
