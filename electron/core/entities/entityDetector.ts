import type { DetectedEntity } from '../../common/model/entity';
import { CoreWorker } from '../workers/workerClient';
import type { DetectOptions } from './detectEntities';
import type { KnownMention, KnownSearch } from './knownMentions';

/** Finds entities in a text without holding up the caller's thread where a worker is available. */
export interface EntityDetector {
  detect(text: string, options: DetectOptions): Promise<DetectedEntity[]>;
  /** The mentions of confirmed entities in each text (what an import links without review). */
  findKnown(search: KnownSearch): Promise<KnownMention[][]>;
  close(): Promise<void>;
}

/**
 * Loaded on first use, then kept: under a module loader (tsx when developing and benchmarking)
 * every `import()` is resolved again through the loader's thread, about 3 ms a call.
 */
let detection: Promise<typeof import('./detectEntities')> | null = null;
let knownMatching: Promise<typeof import('./knownMentions')> | null = null;

/** In the calling thread: for the CLI and tests, where nothing else waits on this thread. */
export function inProcessDetector(): EntityDetector {
  return {
    async detect(text, options) {
      detection ??= import('./detectEntities');
      const { detectEntities } = await detection;
      return detectEntities(text, options);
    },
    async findKnown(search) {
      knownMatching ??= import('./knownMentions');
      return (await knownMatching).findKnownInTexts(search);
    },
    async close() {},
  };
}

/** In the core's worker thread (the app and the host): a long article never freezes the window. */
export function workerDetector(worker: CoreWorker | string): EntityDetector {
  const thread = typeof worker === 'string' ? new CoreWorker(worker) : worker;
  return {
    detect: (text, options) => thread.run('detect', { text, options }),
    findKnown: (search) => thread.run('findKnown', search),
    close: () => thread.close(),
  };
}

