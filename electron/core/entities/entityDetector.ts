import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DetectedEntity, DetectOptions } from './detectEntities';

/** Finds entities in a text without holding up the caller's thread where a worker is available. */
export interface EntityDetector {
  detect(text: string, options: DetectOptions): Promise<DetectedEntity[]>;
  close(): Promise<void>;
}

/** In the calling thread: for the CLI and tests, where nothing else waits on this thread. */
export function inProcessDetector(): EntityDetector {
  return {
    async detect(text, options) {
      const { detectEntities } = await import('./detectEntities');
      return detectEntities(text, options);
    },
    async close() {},
  };
}

/**
 * In a worker thread (the app and the host): a long article never freezes the window or the
 * other API calls. Falls back to the calling thread when the worker bundle is not built.
 */
export function workerDetector(workerFile: string): EntityDetector {
  if (!existsSync(workerFile)) return inProcessDetector();
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve(value: DetectedEntity[]): void; reject(error: Error): void }>();
  const start = () => {
    const w = new Worker(workerFile);
    w.on('message', (m: { id: number; entities?: DetectedEntity[]; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.entities ?? []);
    });
    w.on('error', (error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      worker = null;
    });
    w.unref();
    return w;
  };
  return {
    detect(text, options) {
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, text, options });
      });
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
  };
}
