import { ForceLayout, passesFor, type LayoutInput, type Positions } from './layoutGraph';

export type LayoutRequest = { id: number; input: LayoutInput; start: Positions; budgetMs: number; updateEveryMs: number } | { id: number; cancel: true };
/** Positions when the chart should move (at most every `updateEveryMs`, and when done); otherwise how far along it is, 0–1. */
export type LayoutReply = { id: number; positions: Positions; done: boolean; progress: number; timing?: LayoutTiming } | { id: number; progress: number } | { id: number; error: string };

/** When (epoch ms) the worker took the request, had its graph built and finished: the chart marks them for the benchmark. */
export interface LayoutTiming {
  received: number;
  built: number;
  finished: number;
  passes: number;
}

const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Laying out thousands of nodes takes seconds: it runs here, a few passes at a time, sending
 * improvements to the chart, and yields between chunks so a newer request (filters changed) or a
 * cancel (chart closed) is heard. Every improvement sent makes the chart redraw all it holds (for
 * 20,000 edges, a second or more of the page's time), so a large chart is sent few of them and
 * hears only how far along the layout is in between.
 */
let current = -1;
const post = (reply: LayoutReply) => self.postMessage(reply);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
  current = request.id;
  if ('cancel' in request) return;
  const received = epochNow();
  try {
    const layout = new ForceLayout(request.input, request.start);
    const built = epochNow();
    const total = passesFor(request.input.nodes.length);
    const began = performance.now();
    const deadline = began + request.budgetMs;
    let lastSent = began;
    // About a fifth of a second of passes per chunk: smooth enough to watch, few enough repaints.
    let chunk = 5;
    const run = () => {
      if (current !== request.id) return;
      const started = performance.now();
      layout.step(Math.min(chunk, total - layout.passes));
      const now = performance.now();
      chunk = Math.max(1, Math.min(50, Math.round((chunk * 200) / Math.max(1, now - started))));
      const done = layout.passes >= total || layout.free < 2 || now >= deadline;
      // Whichever ends first, the passes or the time allowed.
      const progress = done ? 1 : Math.min(1, Math.max(layout.passes / total, (now - began) / request.budgetMs));
      if (done || now - lastSent >= request.updateEveryMs) {
        lastSent = now;
        const positions = layout.positions();
        post({ id: request.id, positions, done, progress, ...(done ? { timing: { received, built, finished: epochNow(), passes: layout.passes } } : {}) });
      } else post({ id: request.id, progress });
      if (!done) setTimeout(run, 0);
    };
    run();
  } catch (error) {
    post({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
