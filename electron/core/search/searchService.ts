import { appendFileSync, closeSync, mkdirSync, openSync, promises as fs, readSync, statSync, truncateSync } from 'node:fs';
import path from 'node:path';
import type { RecordChange } from '../../common/contract';
import type { ChangeFeed } from '../changeFeed';
import { ENTITIES, MENTIONS } from '../entities/entityDocuments';
import { noteBody, NOTES_INDEX } from '../notes/noteDocuments';
import { KeyedQueue } from '../store/durableFile';
import { filesOf } from '../store/fileAccess';
import type { WorkspaceStore } from '../store/workspaceStore';
import { readIndexFile, writeIndexFile } from './indexFile';
import { parseQuery } from './parseQuery';
import { applyRelationChanges, relationSnippet, touchesRelations } from './relationSearch';
import { articleEntities, buildSearchIndex, putArticle, type ReindexProgress, type SearchIndexBuilder } from './searchBuild';
import { annotationDoc, entityDoc, noteDoc } from './searchDocuments';
import { SearchIndex, type Hit, type IndexSnapshot, type SearchFilters, type SearchKind } from './searchIndex';
import { snippetOf, type Snippet } from './snippet';

export interface SearchResult {
  kind: SearchKind;
  id: string;
  articleId: string | null;
  title: string;
  snippet: string;
  score: number;
  start: number | null;
  end: number | null;
  entityId?: string | null;
}

export interface SearchRequest extends SearchFilters {
  query: string;
  limit?: number;
}

export type { ReindexProgress };

const INDEX_FILE = 'index.bin';
const JOURNAL_FILE = 'changes.jsonl';
/** Past this size, the journal starts again from empty when the next snapshot is taken. */
const JOURNAL_LIMIT = 1024 * 1024;
/** Changes since the snapshot are journalled; past this many, the next idle moment saves a new one. */
const SNAPSHOT_AFTER_CHANGES = 200;
const SNAPSHOT_IDLE_MS = 5_000;
/** How many phrase candidates are checked against their text before giving up on more results. */
const PHRASE_CHECKS = 400;

/**
 * Full-text search over the workspace. The index is derived data in `search/`: loaded (or built,
 * when missing or damaged) on the first query, kept current from the change feed, and saved as a
 * snapshot when idle. Every change is also journalled as it happens (`changes.jsonl`, one line of
 * change-feed records), and the snapshot names the journal length it includes: a process that
 * never queries (a CLI call) only appends a line, and the next load replays what is newer.
 */
export class SearchService {
  private index: SearchIndex | null = null;
  private loading: Promise<SearchIndex> | null = null;
  private readonly queue = new KeyedQueue();
  private sinceSnapshot = 0;
  /**
   * How much of the journal the index in memory includes, and how long the journal is: a snapshot
   * records the first, so a reload replays exactly what it lacks (changes journalled while a build
   * or a load was under way are applied after it, and counted then).
   */
  private applied = 0;
  private journalSize: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: WorkspaceStore,
    feed: ChangeFeed,
    /** Builds the index elsewhere (the core's worker thread, in the app and the host); here otherwise. */
    private readonly builder?: SearchIndexBuilder,
    /** Told how far every build has got, whoever asked for it (a query on a missing index too). */
    private readonly progress?: ReindexProgress,
  ) {
    const unsubscribe = feed.subscribe((event) => this.onChange(event.changes));
    // Journalled before the write as well: a save that lands and is never published (the process
    // died in between) is still applied, from the files, when the index next loads.
    const unintend = feed.onIntent((changes) => {
      const relevant = relevantTo(changes);
      if (relevant.length > 0) this.appendJournal(relevant);
    });
    this.unsubscribe = () => {
      unsubscribe();
      unintend();
    };
  }

  /** Runs a query; the first one loads or builds the index. */
  async query(request: SearchRequest): Promise<{ results: SearchResult[] }> {
    const index = await this.ready();
    return this.queue.run('index', async () => {
      const parsed = parseQuery(request.query);
      const limit = request.limit ?? 20;
      // Phrases are checked against the text, so more candidates are ranked than will be shown.
      const { hits, matched } = index.search(parsed, request, parsed.phrases.length > 0 ? PHRASE_CHECKS : limit * 2);
      const results: SearchResult[] = [];
      let checked = 0;
      for (const hit of hits) {
        if (results.length >= limit) break;
        if (parsed.phrases.length > 0 && ++checked > PHRASE_CHECKS) break;
        const snippet = await this.snippet(hit, matched, parsed.phrases);
        if (!snippet) continue;
        results.push({
          kind: hit.meta.kind,
          id: hit.meta.id,
          articleId: snippet.articleId === undefined ? hit.meta.articleId : snippet.articleId,
          ...(snippet.entityId === undefined ? {} : { entityId: snippet.entityId }),
          title: hit.meta.title,
          snippet: snippet.text,
          score: Math.round(hit.score * 1000) / 1000,
          start: snippet.start,
          end: snippet.end,
        });
      }
      return { results };
    });
  }

  /**
   * Loads (or builds) the index in the background a moment after the workspace opens, so the
   * first search of a long-running app does not wait for it. A failure waits for the first query.
   */
  warmUp(delayMs = 1_000): void {
    const timer = setTimeout(() => void this.ready().catch(() => undefined), delayMs);
    timer.unref();
  }

  /** Builds the index anew from the workspace and saves it. */
  async reindex(): Promise<{ documents: number }> {
    const index = await this.queue.run('index', async () => {
      this.applied = this.currentJournalSize();
      this.index = await this.build();
      await this.saveSnapshot();
      return this.index;
    });
    return { documents: index.size };
  }

  /** Saves a pending snapshot now (on close), and stops listening. */
  async close(): Promise<void> {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.index && this.sinceSnapshot > 0) await this.queue.run('index', () => this.saveSnapshot());
  }

  private ready(): Promise<SearchIndex> {
    if (this.index) return Promise.resolve(this.index);
    this.loading ??= this.queue
      .run('index', () => this.load())
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private async load(): Promise<SearchIndex> {
    const file = this.store.derivedPath(INDEX_FILE);
    const saved = await readIndexFile(file);
    if (!saved) {
      // Missing or damaged: rebuilt from the workspace, which is the truth; never an error.
      this.applied = this.currentJournalSize();
      this.index = await this.build();
      await this.saveSnapshot().catch((error: unknown) => console.error('Dossier: the search index could not be saved:', error));
      return this.index;
    }
    const journal = await this.readJournal(saved.header.journalOffset);
    const pending = journal?.changes ?? null;
    if (!pending) {
      // The journal is shorter than the snapshot says: it was restarted by a snapshot that was
      // then lost. What changed in between is unknown, so the index is built again.
      this.applied = this.currentJournalSize();
      this.index = await this.build();
      await this.saveSnapshot().catch((error: unknown) => console.error('Dossier: the search index could not be saved:', error));
      return this.index;
    }
    const index = SearchIndex.fromSnapshot(saved.snapshot);
    for (const changes of pending) await this.apply(index, changes);
    this.index = index;
    this.applied = journal!.end;
    this.sinceSnapshot = pending.length;
    if (pending.length > SNAPSHOT_AFTER_CHANGES) await this.saveSnapshot();
    return this.index;
  }

  private async build(): Promise<SearchIndex> {
    if (this.builder) return SearchIndex.fromSnapshot(await this.builder(this.store.dir, this.progress));
    return buildSearchIndex(this.store, this.progress);
  }

  private onChange(changes: RecordChange[]): void {
    const relevant = relevantTo(changes);
    if (relevant.length === 0) return;
    // Journalled at once, before anything can fail, so a crash cannot leave the index behind.
    const end = this.appendJournal(relevant);
    if (!this.index && !this.loading) return;
    void this.queue
      .run('index', async () => {
        if (!this.index) return;
        await this.apply(this.index, relevant);
        if (end !== null) this.applied = Math.max(this.applied, end);
        this.sinceSnapshot += 1;
        this.scheduleSnapshot();
      })
      .catch((error: unknown) => console.error('Dossier: the search index could not follow a change:', error));
  }

  /** Brings the documents named by one change up to date with the files. */
  private async apply(index: SearchIndex, changes: RecordChange[]): Promise<void> {
    const articles = new Set<string>();
    for (const change of changes) {
      if (change.subject === 'article' || (change.subject === 'entity' && change.articleId)) articles.add(change.articleId ?? change.id);
      else if (change.subject === 'annotation' && change.articleId) {
        if (!this.store.hasArticle(change.articleId)) continue;
        const { mentions } = await this.store.peekArticleDoc(change.articleId, MENTIONS);
        const annotation = (await this.store.readAnnotations(change.articleId)).find((a) => a.id === change.id);
        if (annotation) index.put(annotationDoc(annotation, mentions));
        else index.remove('annotation', change.id);
      } else if (change.subject === 'note') {
        const { notes } = await this.store.readWorkspaceDoc(NOTES_INDEX);
        const note = notes.find((n) => n.id === change.id);
        if (note) index.put(noteDoc(note, (await this.store.readWorkspaceDoc(noteBody(note.id))).text));
        else index.remove('note', change.id);
      } else if (change.subject === 'entity') {
        const { entities } = await this.store.readWorkspaceDoc(ENTITIES);
        const entity = entities.find((e) => e.id === change.id);
        if (entity) index.put(entityDoc(entity));
        else index.remove('entity', change.id);
      }
    }
    await applyRelationChanges(this.store, index, changes);
    if (articles.size === 0) return;
    const { presence } = await this.store.readWorkspaceDoc(ENTITIES);
    const entitiesOf = articleEntities(presence);
    for (const articleId of articles) {
      if (this.store.hasArticle(articleId)) await putArticle(this.store, index, articleId, entitiesOf.get(articleId) ?? []);
      else index.removeArticle(articleId);
    }
  }

  private async snippet(hit: Hit, matched: Set<string>, phrases: string[][]): Promise<(Snippet & { articleId?: string | null; entityId?: string }) | null> {
    const { kind, id, articleId } = hit.meta;
    if (kind === 'relation') return relationSnippet(this.store, id, matched, phrases);
    if (kind === 'article') {
      const { text } = await this.store.readArticle(id);
      return snippetOf([hit.meta.title, text], matched, phrases, 1);
    }
    if (kind === 'annotation') {
      // Peeked, not opened: a search touching thousands of articles must not keep their files in memory.
      const annotation = (await this.store.peekAnnotations(articleId!)).find((a) => a.id === id);
      if (!annotation) return null;
      const found = snippetOf([annotation.target.quote.exact, annotation.comment, annotation.tags.join(' '), ...annotation.replies.map((r) => r.body)], matched, phrases, null);
      const { start, end } = annotation.target.position;
      return found && { ...found, start, end };
    }
    if (kind === 'note') {
      const body = await this.store.peekWorkspaceDoc(noteBody(id));
      return snippetOf([hit.meta.title, body.text], matched, phrases, null);
    }
    const { entities } = await this.store.readWorkspaceDoc(ENTITIES);
    const entity = entities.find((e) => e.id === id);
    return entity ? snippetOf([entity.name, entity.aliases.join(', '), entity.description], matched, phrases, null) : null;
  }

  private scheduleSnapshot(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.sinceSnapshot < SNAPSHOT_AFTER_CHANGES) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Taken in the index's queue, written outside it: queries do not wait for the disk.
      void this.queue
        .run('index', async () => this.takeSnapshot())
        .then((taken) => taken && this.queue.run('write', () => this.writeSnapshot(taken)))
        .catch((error: unknown) => console.error('Dossier: the search index could not be saved:', error));
    }, SNAPSHOT_IDLE_MS);
    // The snapshot is an optimisation: it never keeps a process alive.
    this.timer.unref();
  }

  /**
   * Saves the index; runs inside the index queue, so every change journalled before it started
   * is in it, and the snapshot records how much of the journal that is.
   */
  private async saveSnapshot(): Promise<void> {
    const taken = this.takeSnapshot();
    if (taken) await this.queue.run('write', () => this.writeSnapshot(taken));
  }

  /** The index as it stands and how much of the journal that is; synchronous, so nothing changes in between. */
  private takeSnapshot(): { snapshot: IndexSnapshot; offset: number } | null {
    if (!this.index || this.store.readOnlyReason) return null;
    let offset = this.applied;
    // Everything journalled is in the index: a long journal can start again from empty.
    if (offset > JOURNAL_LIMIT && offset === this.currentJournalSize()) {
      truncateSync(this.store.derivedPath(JOURNAL_FILE), 0);
      this.journalSize = 0;
      this.applied = offset = 0;
    }
    const snapshot = this.index.toSnapshot();
    this.sinceSnapshot = 0;
    return { snapshot, offset };
  }

  private async writeSnapshot({ snapshot, offset }: { snapshot: IndexSnapshot; offset: number }): Promise<void> {
    await fs.mkdir(path.dirname(this.store.derivedPath(INDEX_FILE)), { recursive: true });
    await writeIndexFile(this.store.derivedPath(INDEX_FILE), snapshot, { file: JOURNAL_FILE, offset });
  }

  /** The journal's length in bytes, read once and then counted as this process appends (it holds the workspace's lock). */
  private currentJournalSize(): number {
    if (this.journalSize === null) {
      const journal = this.store.derivedPath(JOURNAL_FILE);
      let size = fileSizeSync(journal);
      // A line cut short by a crash would swallow the next one: end it first.
      if (size > 0 && !endsWithNewline(journal, size) && !this.store.readOnlyReason) {
        appendFileSync(journal, '\n');
        size += 1;
      }
      this.journalSize = size;
    }
    return this.journalSize;
  }

  /** Appends one change to the journal; answers the journal's length after it (null when it was not written). */
  private appendJournal(changes: RecordChange[]): number | null {
    if (this.store.readOnlyReason) return null;
    const journal = this.store.derivedPath(JOURNAL_FILE);
    const line = `${filesOf(journal).sealLine(journal, JSON.stringify(changes))}\n`;
    try {
      const before = this.currentJournalSize();
      try {
        appendFileSync(journal, line);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        // The first change of a workspace whose index was never built: the folder is new.
        mkdirSync(path.dirname(journal), { recursive: true });
        appendFileSync(journal, line);
      }
      this.journalSize = before + Buffer.byteLength(line);
      return this.journalSize;
    } catch (error) {
      console.error('Dossier: a change could not be journalled for search:', error);
      this.journalSize = null;
      return null;
    }
  }

  /** The journal's records after `offset`, or null when it is shorter than that (it was restarted). */
  private async readJournal(offset: number): Promise<{ changes: RecordChange[][]; end: number } | null> {
    let bytes: Buffer;
    const journal = this.store.derivedPath(JOURNAL_FILE);
    const files = filesOf(journal);
    try {
      // Byte offsets count the file as stored (sealed lines in an encrypted workspace).
      bytes = await fs.readFile(journal);
    } catch {
      return offset === 0 ? { changes: [], end: 0 } : null;
    }
    if (bytes.length < offset) return null;
    const out: RecordChange[][] = [];
    for (const stored of bytes.subarray(offset).toString('utf8').split('\n')) {
      if (!stored.trim()) continue;
      try {
        const line = files.openLine(journal, stored)?.line;
        // A line that does not open is derived data gone bad: the records it named are read again on the next rebuild.
        if (line === undefined) continue;
        out.push(JSON.parse(line) as RecordChange[]);
      } catch {
        // A line cut by a crash: the next append starts a new line (see currentJournalSize).
      }
    }
    return { changes: out, end: bytes.length };
  }

}

function endsWithNewline(file: string, size: number): boolean {
  const fd = openSync(file, 'r');
  try {
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } finally {
    closeSync(fd);
  }
}

function fileSizeSync(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The changes the index holds documents for (briefs, timeline events and workspace settings but the relationship types it does not). */
function relevantTo(changes: readonly RecordChange[]): RecordChange[] {
  return changes.filter((c) => touchesRelations(c) || (c.subject !== 'brief' && c.subject !== 'workspace' && c.subject !== 'event'));
}
