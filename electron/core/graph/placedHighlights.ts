import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Annotation } from '../../common/model/annotation';
import { filesOf } from '../store/fileAccess';
import type { WorkspaceStore } from '../store/workspaceStore';

/** Derived data beside the search index: rebuilt when missing or unreadable, never backed up. */
export const PLACED_FILE = 'placed-highlights.json';
const FORMAT = 1;

/** Articles looked at at once: thousands at once would open too many files. */
const AT_ONCE = 32;

interface Saved {
  kind: 'placed-highlights';
  format: number;
  /** By article: the stamp of its annotations file, and the ids of its highlights that have a place in it. */
  articles: Record<string, { stamp: string; placed: string[] }>;
}

/**
 * Which highlights still have a place in their article (they exist and are not orphaned), for the
 * link chart's evidence, without reading every article's highlights on a fresh start.
 *
 * What was read is kept in a file of derived data by article, with the stamp of the annotations
 * file it was read from (see WorkspaceStore.annotationsStamp: it changes with every save, by
 * this process, another one or an earlier Dossier, and cannot be set back). An article whose file
 * still has that stamp, with nothing for it in the write-ahead log, holds what was read: so a
 * fresh start stats the files instead of reading them. The workspace's stored format does not
 * change: an older Dossier ignores the file, and a save it makes changes the stamp.
 */
export class PlacedHighlights {
  private saved: Promise<Map<string, { stamp: string; placed: Set<string> }>> | null = null;
  /** The ids of placed highlights, by an article's list of highlights as the store holds it (copy-on-write). */
  private readonly inMemory = new WeakMap<readonly Annotation[], Set<string>>();
  private saving: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(private readonly store: WorkspaceStore) {}

  /** The placed highlights' ids of each article named that is in the library. */
  async of(articleIds: Iterable<string>): Promise<Map<string, ReadonlySet<string>>> {
    const known = await this.load();
    const ids = [...new Set(articleIds)].filter((id) => this.store.hasArticle(id));
    const byArticle = new Map<string, ReadonlySet<string>>();
    for (let i = 0; i < ids.length; i += AT_ONCE) {
      await Promise.all(ids.slice(i, i + AT_ONCE).map(async (id) => byArticle.set(id, await this.placedIn(id, known))));
    }
    if (this.dirty) this.save(known);
    return byArticle;
  }

  /** Waits for the file being written, if it is. */
  async close(): Promise<void> {
    await this.saving;
  }

  private async placedIn(id: string, known: Map<string, { stamp: string; placed: Set<string> }>): Promise<Set<string>> {
    const stamp = await this.store.annotationsStamp(id);
    const entry = known.get(id);
    if (stamp !== null && entry?.stamp === stamp) return entry.placed;
    const saved = stamp === null ? null : await this.store.savedAnnotations(id);
    if (saved) {
      const placed = placedOf(saved.annotations);
      known.set(id, { stamp: saved.stamp, placed });
      this.dirty = true;
      return placed;
    }
    // A save still in the log (or a file the store must repair): the store's own read says.
    const annotations = await this.store.readAnnotations(id);
    let placed = this.inMemory.get(annotations);
    if (!placed) {
      placed = placedOf(annotations);
      this.inMemory.set(annotations, placed);
    }
    return placed;
  }

  private load(): Promise<Map<string, { stamp: string; placed: Set<string> }>> {
    this.saved ??= (async () => {
      const file = this.store.derivedPath(PLACED_FILE);
      const known = new Map<string, { stamp: string; placed: Set<string> }>();
      try {
        const data = JSON.parse(await filesOf(file).readText(file)) as Saved;
        if (data?.kind !== 'placed-highlights' || data.format !== FORMAT || typeof data.articles !== 'object') return known;
        for (const [id, entry] of Object.entries(data.articles)) {
          if (typeof entry?.stamp === 'string' && Array.isArray(entry.placed)) known.set(id, { stamp: entry.stamp, placed: new Set(entry.placed) });
        }
      } catch {
        // Missing or unreadable: derived data, read again from the articles.
      }
      return known;
    })();
    return this.saved;
  }

  /** Writes what is known, after what is being written; the reader of a workspace it does not hold writes nothing. */
  private save(known: Map<string, { stamp: string; placed: Set<string> }>): void {
    if (!this.store.holdsLock || this.store.readOnlyReason) return;
    this.dirty = false;
    this.saving = this.saving.then(async () => {
      const articles: Saved['articles'] = {};
      for (const [id, entry] of known) if (this.store.hasArticle(id)) articles[id] = { stamp: entry.stamp, placed: [...entry.placed] };
      const file = this.store.derivedPath(PLACED_FILE);
      try {
        await fs.mkdir(path.dirname(file), { recursive: true });
        await filesOf(file).writeFileDurable(file, JSON.stringify({ kind: 'placed-highlights', format: FORMAT, articles } satisfies Saved));
      } catch (error) {
        console.error('Dossier: the record of placed highlights could not be saved:', error);
      }
    });
  }
}

function placedOf(annotations: readonly Annotation[]): Set<string> {
  return new Set(annotations.filter((a) => a.status !== 'orphaned').map((a) => a.id));
}
