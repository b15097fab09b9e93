import { parentPort } from 'node:worker_threads';
import { isDossierError } from '../../common/errors';
import { WORKER_TASKS, type WorkerProgress, type WorkerTaskName } from './workerTasks';

/**
 * The core's worker thread: one message in ({ id, task, input }), one message out, matched by id;
 * long tasks also send ({ id, progress }) on the way.
 */
parentPort?.on('message', (m: { id: number; task: WorkerTaskName; input: never }) => {
  const task = WORKER_TASKS[m.task] as ((input: never, progress: WorkerProgress) => Promise<unknown>) | undefined;
  if (!task) {
    parentPort!.postMessage({ id: m.id, error: { code: 'internal', message: `Unknown worker task: ${String(m.task)}` } });
    return;
  }
  task(m.input, (done, total) => parentPort!.postMessage({ id: m.id, progress: { done, total } })).then(
    (output) => parentPort!.postMessage({ id: m.id, output }),
    (error: unknown) =>
      parentPort!.postMessage({
        id: m.id,
        // Errors a user can meet keep their code and wording across the thread boundary.
        error: isDossierError(error) ? error.toPayload() : { code: 'internal', message: (error as Error)?.message ?? String(error) },
      }),
  );
});
