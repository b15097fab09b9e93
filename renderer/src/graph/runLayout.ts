import type { LayoutReply, LayoutRequest } from './layout.worker';
import { startPositions, type LayoutInput, type Positions } from './layoutGraph';

let worker: Worker | null = null;
let nextId = 0;
const listeners = new Map<number, (reply: LayoutReply) => void>();

function layoutWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<LayoutReply>) => listeners.get(event.data.id)?.(event.data);
  worker.onerror = (event) => {
    for (const [id, listener] of listeners) listener({ id, error: event.message || 'The chart layout stopped.' });
    listeners.clear();
    worker = null;
  };
  return worker;
}

export interface LayoutRun {
  /** Where every node starts: available at once, so the chart paints before the layout settles. */
  start: Positions;
  cancel(): void;
}

/**
 * Starts a layout off the main thread: `onPositions` hears each improvement, the last with
 * `done`. Starting another (or cancelling) stops this one.
 */
export function runLayout(
  input: LayoutInput,
  budgetMs: number,
  onPositions: (positions: Positions, done: boolean) => void,
  onError: (message: string) => void,
  /** Where nodes already on the chart are now: they start there, so a new edge does not reshuffle the rest. */
  current: Positions = {},
): LayoutRun {
  const id = nextId++;
  const start = { ...startPositions(input), ...current };
  listeners.clear();
  listeners.set(id, (reply) => {
    if ('error' in reply) {
      listeners.delete(id);
      onError(reply.error);
      return;
    }
    if (reply.done) listeners.delete(id);
    onPositions(reply.positions, reply.done);
  });
  const request: LayoutRequest = { id, input, start, budgetMs };
  layoutWorker().postMessage(request);
  return {
    start,
    cancel: () => {
      if (!listeners.delete(id)) return;
      layoutWorker().postMessage({ id: nextId++, cancel: true } satisfies LayoutRequest);
    },
  };
}
