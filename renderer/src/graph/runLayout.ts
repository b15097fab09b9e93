import type { LayoutReply, LayoutRequest, LayoutTiming } from './layout.worker';
import { grownPositions, startPositions, type LayoutInput, type Positions } from './layoutGraph';
import { t } from '../i18n/i18n';

let worker: Worker | null = null;
let nextId = 0;
const listeners = new Map<number, (reply: LayoutReply) => void>();

function layoutWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<LayoutReply>) => listeners.get(event.data.id)?.(event.data);
  worker.onerror = (event) => {
    for (const [id, listener] of listeners) listener({ id, error: event.message || t('graph:theChartLayoutStopped') });
    listeners.clear();
    worker = null;
  };
  return worker;
}

/** The worker's side of a layout, as marks on this page's timeline (`dossier:chart-layout-*`, read by the benchmark). */
function markTiming(timing: LayoutTiming): void {
  const at = (epoch: number) => ({ startTime: Math.max(0, epoch - performance.timeOrigin), detail: { passes: timing.passes } });
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
}

/**
 * Starts a layout off the main thread: `onPositions` hears improvements, the last with
 * `done`. Starting another (or cancelling) stops this one.
 */
export function runLayout(
  input: LayoutInput,
  { budgetMs, updateEveryMs = 0, current = {}, onProgress }: LayoutOptions,
  onPositions: (positions: Positions, done: boolean) => void,
  onError: (message: string) => void,
): LayoutRun {
  const id = nextId++;
  const start = Object.keys(current).length > 0 ? grownPositions(input, current) : startPositions(input);
  listeners.clear();
  listeners.set(id, (reply) => {
    if ('error' in reply) {
      listeners.delete(id);
      onError(reply.error);
      return;
    }
    onProgress?.(reply.progress);
    if (!('positions' in reply)) return;
    if (reply.done) listeners.delete(id);
    if (reply.timing) markTiming(reply.timing);
    onPositions(reply.positions, reply.done);
  });
  const request: LayoutRequest = { id, input, start, budgetMs, updateEveryMs };
  layoutWorker().postMessage(request);
  return {
    start,
    cancel: () => {
      if (!listeners.delete(id)) return;
      layoutWorker().postMessage({ id: nextId++, cancel: true } satisfies LayoutRequest);
    },
  };
}
