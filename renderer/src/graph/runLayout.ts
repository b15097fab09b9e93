import type { LayoutReply, LayoutRequest, LayoutTiming } from './layout.worker';
import { grownPositions, startPositions, type LayoutInput, type Positions } from './layoutGraph';
import { t } from '../i18n/i18n';

let nextId = 0;
/** The layout running now: starting another stops it. */
let active: (() => void) | null = null;

/** The worker's side of a layout, as marks on this page's timeline (`dossier:chart-layout-*`, read by the benchmark). */
function markTiming(timing: LayoutTiming): void {
  const at = (epoch: number) => ({ startTime: Math.max(0, epoch - performance.timeOrigin), detail: { passes: timing.passes, chunks: timing.chunks } });
  performance.mark('dossier:chart-layout-received', at(timing.received));
  performance.mark('dossier:chart-layout-built', at(timing.built));
  performance.mark('dossier:chart-layout-finished', at(timing.finished));
}

export interface LayoutRun {
  /** Where every node starts: available at once, so the chart paints before the layout settles. */
  start: Positions;
  cancel(): void;
}

export interface LayoutOptions {
  budgetMs: number;
  /** How often the chart takes an improvement (it always takes the last): 0 for every one. */
  updateEveryMs?: number;
  /**
   * Where nodes already on the chart are now: they start there, so a new edge does not reshuffle
   * the rest, and the new ones start beside their neighbours among them (`grownPositions`).
   */
  current?: Positions;
  /** How far along the layout is, 0–1, between improvements. */
  onProgress?(progress: number): void;
  /**
   * Holds the layout back until this settles (the chart's first paint): on two cores the passes
   * and the painting of thousands of elements slow each other down, so a large chart is painted
   * first and laid out after, its budget spent on passes that run at full speed.
   */
  after?: Promise<unknown>;
}

/**
 * Starts a layout off the main thread: `onPositions` hears improvements, the last with
 * `done`. Starting another (or cancelling) stops this one.
 *
 * Each layout runs in a worker of its own, ended when it is done or stopped. A worker kept for the
 * next layout ran the first passes of a chart ten times the size of the one before at a tenth of
 * the speed (the script engine had tuned the passes to the smaller one, and took several passes to
 * tune them again: 340 ms a pass for 4,702 entities, against 40 ms in a new worker), which was most
 * of the time "Show everything" took to settle. A new worker costs a few milliseconds.
 */
export function runLayout(
  input: LayoutInput,
  { budgetMs, updateEveryMs = 0, current = {}, onProgress, after }: LayoutOptions,
  onPositions: (positions: Positions, done: boolean) => void,
  onError: (message: string) => void,
): LayoutRun {
  const id = nextId++;
  const start = Object.keys(current).length > 0 ? grownPositions(input, current) : startPositions(input);
  active?.();
  let worker: Worker | null = null;
  let stopped = false;
  const stop = () => {
    stopped = true;
    worker?.terminate();
    worker = null;
    if (active === stop) active = null;
  };
  active = stop;
  const request: LayoutRequest = { id, input, start, budgetMs, updateEveryMs };
  // Started now, so its script loads while the chart paints; it hears the request after.
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const send = () => {
    // Cancelled (or replaced by a newer layout) while held back: nothing to run.
    if (stopped || !worker) return;
    worker.onmessage = ({ data: reply }: MessageEvent<LayoutReply>) => {
      if (stopped) return;
      if ('error' in reply) {
        stop();
        onError(reply.error);
        return;
      }
      onProgress?.(reply.progress);
      if (!('positions' in reply)) return;
      if (reply.done) stop();
      if (reply.timing) markTiming(reply.timing);
      onPositions(reply.positions, reply.done);
    };
    worker.onerror = (event) => {
      if (stopped) return;
      stop();
      onError(event.message || t('graph:theChartLayoutStopped'));
    };
    worker.postMessage(request);
  };
  if (after) void after.then(send, send);
  else send();
  return { start, cancel: stop };
}
