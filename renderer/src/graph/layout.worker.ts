import { ForceLayout, passesFor, type LayoutInput, type Positions } from './layoutGraph';

export type LayoutRequest = { id: number; input: LayoutInput; start: Positions; budgetMs: number; updateEveryMs: number };
/** Positions when the chart should move (at most every `updateEveryMs`, and when done); otherwise how far along it is, 0–1. */
export type LayoutReply = { id: number; positions: Positions; done: boolean; progress: number; timing?: LayoutTiming } | { id: number; progress: number } | { id: number; error: string };

/** When (epoch ms) the worker took the request, had its graph built and finished: the chart marks them for the benchmark. */
export interface LayoutTiming {
  received: number;
  built: number;
  finished: number;
  passes: number;
  /** How long each chunk of passes took, ms. */
  chunks: number[];
}

const epochNow = () => performance.timeOrigin + performance.now();

/**
 * Laying out thousands of nodes takes seconds: it runs here, one layout per worker (runLayout
 * ends the worker when a newer layout or a closed chart stops it), a few passes at a time, sending
 * improvements to the chart. Every improvement sent makes the chart redraw all it holds (for
 * 20,000 edges, a second or more of the page's time), so a large chart is sent few of them and
 * hears only how far along the layout is in between.
 */
const post = (reply: LayoutReply) => self.postMessage(reply);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const request = event.data;
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
    const chunks: number[] = [];
    let perPass = 0;
    const run = () => {
      const started = performance.now();
      // The last chunk before the deadline holds only the passes that fit: a layout ends on time.
      const fit = perPass > 0 ? Math.max(1, Math.floor((deadline - started) / perPass)) : chunk;
      const passes = Math.min(chunk, fit, total - layout.passes);
      layout.step(passes);
      const now = performance.now();
      chunks.push(Math.round(now - started));
      perPass = (now - started) / Math.max(1, passes);
      chunk = Math.max(1, Math.min(50, Math.round((chunk * 200) / Math.max(1, now - started))));
      const done = layout.passes >= total || layout.free < 2 || now >= deadline;
      // Whichever ends first, the passes or the time allowed.
      const progress = done ? 1 : Math.min(1, Math.max(layout.passes / total, (now - began) / request.budgetMs));
      if (done || now - lastSent >= request.updateEveryMs) {
        lastSent = now;
        const positions = layout.positions();
        post({ id: request.id, positions, done, progress, ...(done ? { timing: { received, built, finished: epochNow(), passes: layout.passes, chunks } } : {}) });
      } else post({ id: request.id, progress });
      if (!done) setTimeout(run, 0);
    };
    run();
  } catch (error) {
    post({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
};
