import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { DossierError, ErrorPayload } from '../../common/errors';
import { WORKER_TASKS, type WorkerProgress, type WorkerTaskInput, type WorkerTaskName, type WorkerTaskOutput } from './workerTasks';

type Pending = { task: WorkerTaskName; input: unknown; progress?: WorkerProgress; resolve(value: unknown): void; reject(error: Error): void };

/**
 * Runs core tasks in one worker thread (the app and the host), so the thread that answers the
 * window never waits on them. Where the worker bundle is missing, or the worker cannot start (a
 * packaging problem), tasks run in the calling thread instead: slower, never broken.
 */
export class CoreWorker {
  private worker: Worker | null = null;
  private broken: boolean;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly file: string) {
    this.broken = !existsSync(file);
  }

  run<K extends WorkerTaskName>(task: K, input: WorkerTaskInput<K>, progress?: WorkerProgress): Promise<WorkerTaskOutput<K>> {
    if (this.broken) return inThisThread(task, input, progress);
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { task, input, progress, resolve: resolve as (value: unknown) => void, reject });
      this.worker!.postMessage({ id, task, input });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private start(): Worker {
    const worker = new Worker(this.file);
    worker.on('message', (m: { id: number; output?: unknown; error?: unknown; progress?: { done: number; total: number } }) => {
      if (m.progress) return this.pending.get(m.id)?.progress?.(m.progress.done, m.progress.total);
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (!p) return;
      if (m.error === undefined) return p.resolve(m.output);
      const payload = ErrorPayload.safeParse(m.error);
      p.reject(payload.success ? DossierError.fromPayload(payload.data) : new Error(String(m.error)));
    });
    worker.on('error', (error) => {
      console.error('Dossier: the worker thread failed; running its tasks in the main thread from now on.', error);
      this.broken = true;
      this.worker = null;
      for (const p of this.pending.values()) inThisThread(p.task, p.input as never, p.progress).then(p.resolve, p.reject);
      this.pending.clear();
    });
    // An idle worker must not keep the CLI or a test process alive.
    worker.unref();
    return worker;
  }
}

function inThisThread<K extends WorkerTaskName>(task: K, input: WorkerTaskInput<K>, progress?: WorkerProgress): Promise<WorkerTaskOutput<K>> {
  return (WORKER_TASKS[task] as (input: WorkerTaskInput<K>, progress?: WorkerProgress) => Promise<WorkerTaskOutput<K>>)(input, progress);
}
