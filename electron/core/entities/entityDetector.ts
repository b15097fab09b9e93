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
  const fallback = inProcessDetector();
  if (!existsSync(workerFile)) return fallback;
  let worker: Worker | null = null;
  // A worker that cannot start (a packaging problem) must not take entity detection down with it.
  let broken = false;
  let nextId = 1;
  const pending = new Map<
    number,
    { text: string; options: DetectOptions; resolve(value: DetectedEntity[]): void; reject(error: Error): void }
  >();
  const start = () => {
    const w = new Worker(workerFile);
    w.on('message', (m: { id: number; entities?: DetectedEntity[]; error?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.entities ?? []);
    });
    w.on('error', (error) => {
      console.error('Dossier: the entity detection worker failed; detecting in the main thread from now on.', error);
      broken = true;
      for (const p of pending.values()) fallback.detect(p.text, p.options).then(p.resolve, p.reject);
      pending.clear();
      worker = null;
    });
    w.unref();
    return w;
  };
  return {
    detect(text, options) {
      if (broken) return fallback.detect(text, options);
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { text, options, resolve, reject });
        worker!.postMessage({ id, text, options });
      });
    },
    async close() {
      await worker?.terminate();
      worker = null;
    },
  };
}
