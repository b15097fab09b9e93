import type { DetectedEntity } from '../../common/model/entity';
import type { DetectOptions } from '../entities/detectEntities';
import type { KnownMention, KnownSearch } from '../entities/knownMentions';
import type { ExtractOptions } from '../import/extractedArticle';
import type { ReadArticle } from '../import/readArticleFile';
import type { IndexSnapshot } from '../search/searchIndex';

/** Kept once loaded: detection runs per article, and a module loader resolves every `import()` again. */
let detection: Promise<typeof import('../entities/detectEntities')> | null = null;
let knownMatching: Promise<typeof import('../entities/knownMentions')> | null = null;

/**
 * The work the core hands to its worker thread: what would otherwise hold up the thread that
 * answers the window (entity detection on long texts, reading PDFs and web pages, reading an imported text's language). Each task loads
 * its code on first use, so a worker that only detects never loads jsdom or pdf.js.
 */
export const WORKER_TASKS = {
  async detect(input: { text: string; options: DetectOptions }): Promise<DetectedEntity[]> {
    detection ??= import('../entities/detectEntities');
    const { detectEntities } = await detection;
    return detectEntities(input.text, input.options);
  },
  async findKnown(input: KnownSearch): Promise<KnownMention[][]> {
    knownMatching ??= import('../entities/knownMentions');
    return (await knownMatching).findKnownInTexts(input);
  },
  /** A file's article, its text normalised and its language read (franc on every import adds up). */
  async extract(input: { bytes: Uint8Array; name: string; options?: ExtractOptions }): Promise<ReadArticle> {
    const { readArticleFile } = await import('../import/readArticleFile');
    return readArticleFile(input.bytes, input.name, input.options);
  },
  /** Reads the whole workspace into a new search index; reports how far it has got. */
  async searchIndex(input: { dir: string; key?: Uint8Array }, progress?: WorkerProgress): Promise<IndexSnapshot> {
    // An encrypted workspace is read with the key its process unlocked it with (this thread has its own modules).
    if (input.key) await (await import('../crypt/keyring')).unlockWithKey(input.dir, input.key);
    const { buildSearchSnapshot } = await import('../search/searchBuild');
    return buildSearchSnapshot(input.dir, progress);
  },
  /** The workspace was locked or decrypted: this thread forgets the key it was given for it. */
  async forgetKey(input: { dir: string }): Promise<void> {
    (await import('../crypt/keyring')).forgetWorkspaceKey(input.dir);
  },
};

/** How a task tells the caller how far it has got. */
export type WorkerProgress = (done: number, total: number) => void;

export type WorkerTaskName = keyof typeof WORKER_TASKS;
export type WorkerTaskInput<K extends WorkerTaskName> = Parameters<(typeof WORKER_TASKS)[K]>[0];
export type WorkerTaskOutput<K extends WorkerTaskName> = Awaited<ReturnType<(typeof WORKER_TASKS)[K]>>;
