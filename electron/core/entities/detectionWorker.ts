import { parentPort } from 'node:worker_threads';
import { detectEntities } from './detectEntities';

/** Entity detection off the main thread: one message in, one message out. */
parentPort?.on('message', (m: { id: number; text: string; options: Parameters<typeof detectEntities>[1] }) => {
  try {
    parentPort!.postMessage({ id: m.id, entities: detectEntities(m.text, m.options) });
  } catch (error) {
    parentPort!.postMessage({ id: m.id, error: (error as Error).message });
  }
});
