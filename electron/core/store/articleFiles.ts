import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, phrase } from '../../common/errors';
import { ID_SHAPE } from '../../common/ids';
import type { Annotation } from '../../common/model/annotation';
import { currentVersion, type ArticleMeta, type ArticleVersion, type Shelf } from '../../common/model/article';
import { DocumentStore, type DocumentKind } from './documents';
import { fsyncDir, syncFilesDurable, type KeyedQueue } from './durableFile';
import type { DurableDocument } from './durableDocument';
import { filesOf } from './fileAccess';
import { AnnotationsFile, ArticleFile, FILE_NAMES, TextFile, type LibraryEntry, type LibraryFile, type TrashEntry } from './files';
import { LibraryIndex } from './libraryIndex';
import { pathExists } from './pathExists';
import { annotationsFromHistory, moveToQuarantine, quarantineFolder } from './quarantine';
import { newerFileReason, newerSchemaOnDisk, SCHEMA_VERSION, SchemaFileAdapter, type NewerFileListener } from './schemaFile';
import type { LogWrite, WriteAheadLog } from './writeAheadLog';

/** One recorded change with what undoes it: the article's audit trail. */
export interface OperationRecord {
  at: string;
  op: string;
  articleId: string;
  before: unknown;
  after: unknown;
  /** The user action it belongs to, as shown in Undo/Redo. */
  label?: string;
  /**
   * A change made in another workspace and synced in: who made it there (their display name) and
   * when. Absent for the analyst's own changes.
   */
  remote?: { by: string; at: string };
}

export interface NewArticle {
  meta: ArticleMeta;
  text: string;
  original: Uint8Array;
}

const TEXT_CACHE_SIZE = 32;

export const ANNOTATIONS: DocumentKind<AnnotationsFile> = {
  file: FILE_NAMES.annotations,
  kind: 'annotations',
  schema: AnnotationsFile,
  empty: (articleId) => ({ schemaVersion: SCHEMA_VERSION, kind: 'annotations', articleId: articleId ?? '', rev: 0, annotations: [] }),
  // Every listed article was written with its annotations file: one missing is damage, and an
  // empty one saved over it would lose the article's highlights for good.
  whenMissing: (file) =>
    Promise.reject(
      new DossierError(
        'corrupt-file',
        phrase('store.annotationsMissing', { file }),
        file,
      ),
    ),
  // A highlight's save is a line naming that highlight, not a rewrite of the article's file.
  records: {
    property: 'annotations',
    list: (doc) => doc.annotations,
    withList: (doc, annotations) => ({ ...doc, annotations: annotations as Annotation[] }),
    seq: () => 0,
  },
  // A damaged file goes to quarantine/, and the article's history, which records the state every
  // change left, gives its highlights back (a missing one's too: whenMissing reports it as damage).
  whenDamaged: async (file, articleId) => {
    const root = path.resolve(path.dirname(file), '..', '..');
    const quarantine = quarantineFolder(root);
    const annotations = await annotationsFromHistory(path.join(path.dirname(file), FILE_NAMES.history));
    const moved = await moveToQuarantine(root, quarantine, file);
    const where = path.join(path.relative(root, quarantine), path.relative(root, file));
    const count = annotations.length === 1 ? '1 highlight was' : `${annotations.length} highlights were`;
    return {
      value: { schemaVersion: SCHEMA_VERSION, kind: 'annotations', articleId: articleId ?? '', rev: 1, annotations },
      notice: moved
        ? `${file} was damaged: it was moved to ${where}, and the article's ${count} rebuilt from its history.`
        : `${file} was missing: the article's ${count} rebuilt from its history.`,
    };
  },
};

/**
 * The article folders and the library index that lists them:
 *
 *   library.json                    index of articles (id, title, date, hashes)
 *   articles/<id>/article.json      metadata, provenance, the list of versions
 *   articles/<id>/v<n>/text.json    the normalised text of version n (never rewritten)
 *   articles/<id>/v<n>/original.*   the original bytes of version n, read-only
 *   articles/<id>/annotations.json  that article's annotations (the only file a highlight rewrites)
 *   articles/<id>/history.jsonl     append-only operation log
 */
export class ArticleFiles {
  /** Recently read articles: annotating reads the text on every change. */
  private readonly articleCache = new Map<string, { meta: ArticleMeta; text: string }>();
  private readonly library: LibraryIndex;

  constructor(
    private readonly root: string,
    library: DurableDocument<LibraryFile>,
    private readonly queue: KeyedQueue,
    private readonly log: WriteAheadLog,
    private readonly documents: DocumentStore,
    /** Throws when the workspace may not be written (closed, or made by a newer Dossier). */
    private readonly assertWritable: () => void,
    private readonly onNewer?: NewerFileListener,
  ) {
    this.library = new LibraryIndex(library);
  }

  get count(): number {
    return this.library.entries.length;
  }

  list(): readonly LibraryEntry[] {
    return this.library.entries;
  }

  findBySha256(sha256: string): LibraryEntry | undefined {
    return this.library.findBySha256(sha256);
  }

  has(id: string): boolean {
    return this.library.get(id) !== undefined;
  }

  trash(): readonly TrashEntry[] {
    return this.library.trash;
  }

  isTrashed(id: string): boolean {
    return this.library.trashed(id) !== undefined;
  }

  findTrashedBySha256(sha256: string): TrashEntry | undefined {
    return this.library.findTrashedBySha256(sha256);
  }

  /**
   * Moves an article to the trash or back, or archives it: its article.json says so (the trash
   * survives a rebuilt library), then the library index moves its entry. Works on a trashed
   * article too, which nothing else may touch.
   */
  async setShelf(id: string, shelf: Shelf): Promise<ArticleMeta> {
    this.assertWritable();
    if (!this.has(id) && !this.isTrashed(id)) throw new DossierError('not-found', phrase('common.noArticle', { id }));
    const file = path.join(this.dir(id), FILE_NAMES.article);
    const adapter = new SchemaFileAdapter(file, 'article', ArticleFile, undefined, this.log);
    const meta = await this.queue.run(file, async () => {
      const newer = await newerSchemaOnDisk(file);
      if (newer !== null) {
        this.onNewer?.(file, newer);
        throw new DossierError('read-only', newerFileReason(file, newer), file);
      }
      const stored = (await this.readFile(file, 'article', ArticleFile)).article;
      const next: ArticleMeta = { ...stored, rev: stored.rev + 1, archived: shelf.archived, trashedAt: shelf.trashedAt };
      await adapter.write(articleFile(next));
      return next;
    });
    this.articleCache.delete(id);
    await this.library.shelve(meta);
    return meta;
  }

  /**
   * Deletes trashed articles for good: out of the index first, then the log is folded (so no
   * pending save of theirs lands in a folder that is gone), then their folders. A crash in between
   * leaves a folder no index lists: `dossier check` finds it, and a rebuilt library puts it back
   * in the trash (its article.json says it was there), to be emptied again.
   */
  async purge(ids: readonly string[]): Promise<void> {
    this.assertWritable();
    const gone = ids.filter((id) => this.isTrashed(id));
    if (gone.length === 0) return;
    await this.library.forget(gone);
    await this.log.fold();
    for (const id of gone) {
      this.articleCache.delete(id);
      await fs.rm(this.dir(id), { recursive: true, force: true });
    }
    await fsyncDir(path.join(this.root, FILE_NAMES.articles));
  }

  /** The article's metadata and the text of its current version. */
  async read(id: string): Promise<{ meta: ArticleMeta; text: string }> {
    const cached = this.articleCache.get(id);
    if (cached) {
      this.articleCache.delete(id);
      this.articleCache.set(id, cached);
      return cached;
    }
    const meta = await this.readMeta(id);
    const article = { meta, text: await this.readVersionText(id, meta.version) };
    this.remember(article);
    return article;
  }

  async readMeta(id: string): Promise<ArticleMeta> {
    this.assertKnown(id);
    return (await this.readFile(path.join(this.dir(id), FILE_NAMES.article), 'article', ArticleFile)).article;
  }

  /** The text of any version, current or earlier: old versions stay available. */
  async readVersionText(id: string, version: number): Promise<string> {
    this.assertKnown(id);
    const file = path.join(this.dir(id), FILE_NAMES.versionDir(version), FILE_NAMES.text);
    return (await this.readFile(file, 'text', TextFile)).text;
  }

  /**
   * Adds articles: every article's files are written, then made durable together, and only then
   * is the library index written (once for the whole batch). A crash before that leaves unlisted
   * folders, never an index entry without its files. `list: false` leaves them out of the index,
   * for a change that lists them itself (an article synced in from another workspace).
   */
  async add(articles: NewArticle[], { list = true }: { list?: boolean } = {}): Promise<void> {
    this.assertWritable();
    if (articles.length === 0) return;
    const written: string[] = [];
    const write = async (file: string, data: string | Uint8Array, mode = 0o644) => {
      // New files in a new folder: nothing to replace, so no temp-and-rename; fsync comes below.
      await filesOf(file).writeNew(file, data, mode);
      written.push(file);
    };
    for (const { meta, text, original } of articles) {
      const dir = this.dir(meta.id);
      const version = currentVersion(meta);
      await fs.mkdir(path.join(dir, FILE_NAMES.versionDir(version.version)), { recursive: true });
      await write(path.join(dir, version.original), original, 0o444);
      await write(path.join(dir, FILE_NAMES.versionDir(version.version), FILE_NAMES.text), textFile(meta.id, version.version, text));
      await write(path.join(dir, FILE_NAMES.annotations), json(ANNOTATIONS.empty(meta.id)));
      await write(path.join(dir, FILE_NAMES.article), json(articleFile(meta)));
      const record: OperationRecord = { at: meta.importedAt, op: 'article.import', articleId: meta.id, before: null, after: { sha256: version.sha256 } };
      await write(path.join(dir, FILE_NAMES.history), `${JSON.stringify(record)}\n`);
    }
    await syncFilesDurable(written);
    await fsyncDir(path.join(this.root, FILE_NAMES.articles));
    if (list) await this.library.put(articles.map((a) => a.meta));
  }

  /**
   * Writes the files of one version that came from elsewhere (sync) into a folder that lacks them;
   * the metadata listing it is the caller's to write. Answers false when they are there already:
   * a version's files are never rewritten.
   */
  async addVersionFiles(id: string, version: ArticleVersion, text: string, original: Uint8Array): Promise<boolean> {
    this.assertWritable();
    const dir = this.dir(id);
    const versionDir = path.join(dir, FILE_NAMES.versionDir(version.version));
    const textFile_ = path.join(versionDir, FILE_NAMES.text);
    const originalFile = path.join(dir, version.original);
    if (path.relative(dir, originalFile).startsWith('..')) throw new DossierError('bad-input', `Not a file of this article: ${version.original}`);
    if ((await pathExists(textFile_)) && (await pathExists(originalFile))) return false;
    // What an interrupted write left, as addVersion clears it.
    await fs.rm(versionDir, { recursive: true, force: true });
    await fs.mkdir(versionDir, { recursive: true });
    const files = filesOf(dir);
    await files.writeNew(originalFile, original, 0o444);
    await files.writeNew(textFile_, textFile(id, version.version, text));
    await syncFilesDurable([originalFile, textFile_]);
    await fsyncDir(dir);
    return true;
  }

  /**
   * The article.json of an article's folder, whether the article is listed, in the trash or out of
   * the library (an import undone); null when there is no such folder.
   */
  async readFolderMeta(id: string): Promise<ArticleMeta | null> {
    const file = path.join(this.dir(id), FILE_NAMES.article);
    if (!(await pathExists(file)) && !this.log.has(file)) return null;
    return (await this.readFile(file, 'article', ArticleFile)).article;
  }

  /** The text of a version of any article folder (see readFolderMeta). */
  async readFolderText(id: string, version: number): Promise<string> {
    return (await this.readFile(path.join(this.dir(id), FILE_NAMES.versionDir(version), FILE_NAMES.text), 'text', TextFile)).text;
  }

  /** The original bytes of a version, as imported. */
  async readOriginal(id: string, version: ArticleVersion): Promise<Uint8Array> {
    const file = path.join(this.dir(id), version.original);
    if (path.relative(this.dir(id), file).startsWith('..')) throw new DossierError('bad-input', `Not a file of this article: ${version.original}`);
    return filesOf(file).readFile(file);
  }

  /**
   * Stores a new version's text and bytes, then the metadata that makes it current. The earlier
   * versions' folders are never touched.
   */
  async addVersion(meta: ArticleMeta, text: string, original: Uint8Array): Promise<void> {
    this.assertWritable();
    this.assertKnown(meta.id);
    const version = currentVersion(meta);
    const dir = this.dir(meta.id);
    const versionDir = path.join(dir, FILE_NAMES.versionDir(version.version));
    const stored = await this.readMeta(meta.id);
    if (stored.versions.some((v) => v.version === version.version)) {
      throw new DossierError('conflict', phrase('article.versionExists', { version: version.version }));
    }
    // A folder of a version the metadata does not list is what an interrupted replace left
    // behind; without this, every later replace of the article would fail on it.
    await fs.rm(versionDir, { recursive: true, force: true });
    await fs.mkdir(versionDir);
    // New files of a new version: written whole once, never replaced, so no document owns them.
    const text_ = path.join(versionDir, FILE_NAMES.text);
    const files = filesOf(dir);
    await files.writeNew(path.join(dir, version.original), original, 0o444);
    await files.writeNew(text_, textFile(meta.id, version.version, text));
    await syncFilesDurable([path.join(dir, version.original), text_]);
    await this.writeMeta(meta);
    this.remember({ meta, text });
  }

  /**
   * Takes articles out of the library (undoing their import). Their folders are kept whole, so
   * `relist` brings them back exactly (redo).
   */
  async unlist(ids: readonly string[]): Promise<void> {
    this.assertWritable();
    for (const id of ids) this.articleCache.delete(id);
    await this.library.remove(ids);
  }

  async relist(ids: readonly string[]): Promise<void> {
    this.assertWritable();
    const metas: ArticleMeta[] = [];
    for (const id of ids) metas.push((await this.readFile(path.join(this.dir(id), FILE_NAMES.article), 'article', ArticleFile)).article);
    await this.library.put(metas);
  }

  /** Forgets what memory holds of articles whose files a restore rewrote; `library` is the index it wrote. */
  async restored(articleIds: Iterable<string>, library: LibraryFile | null): Promise<void> {
    for (const id of articleIds) this.articleCache.delete(id);
    if (library) await this.library.adopt(library);
  }

  /** Saves an article's metadata (and its library entry). */
  async writeMeta(meta: ArticleMeta): Promise<void> {
    this.assertWritable();
    this.assertKnown(meta.id);
    const file = path.join(this.dir(meta.id), FILE_NAMES.article);
    // Metadata is read from disk when needed rather than held in memory for every article, so
    // there is no in-memory value to keep behind the disk: a durable write in the file's queue.
    const adapter = new SchemaFileAdapter(file, 'article', ArticleFile, undefined, this.log);
    await this.queue.run(file, async () => {
      const newer = await newerSchemaOnDisk(file);
      if (newer !== null) {
        this.onNewer?.(file, newer);
        throw new DossierError('read-only', newerFileReason(file, newer), file);
      }
      await adapter.write(articleFile(meta));
    });
    const cached = this.articleCache.get(meta.id);
    if (cached && cached.meta.version === meta.version) this.articleCache.set(meta.id, { meta, text: cached.text });
    else this.articleCache.delete(meta.id);
    await this.library.put([meta]);
  }

  async readAnnotations(articleId: string): Promise<Annotation[]> {
    this.assertKnown(articleId);
    return (await this.documents.read(path.join(this.dir(articleId), ANNOTATIONS.file), ANNOTATIONS, articleId)).annotations;
  }

  /** The annotations as saved, without keeping them in memory when they are not open already. */
  async peekAnnotations(articleId: string): Promise<Annotation[]> {
    this.assertKnown(articleId);
    return (await this.documents.peek(path.join(this.dir(articleId), ANNOTATIONS.file), ANNOTATIONS, articleId)).annotations;
  }

  /**
   * Who the article's annotations file is as saved: device, inode, size, modification and change
   * times (ns). Every save writes a new file renamed into place (or the log's fold does), so any
   * save changes it, and nothing can set a change time back; a copied or restored workspace gets
   * new inodes. Null while the write-ahead log holds a save the file does not show yet, or when
   * the file cannot be found: then only the store's own read says what is saved.
   */
  async annotationsStamp(articleId: string): Promise<string | null> {
    this.assertKnown(articleId);
    const file = path.join(this.dir(articleId), ANNOTATIONS.file);
    if (this.log.has(file)) return null;
    try {
      const s = await fs.stat(file, { bigint: true });
      return this.log.has(file) ? null : `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    } catch {
      return null;
    }
  }

  /**
   * The highlights as the annotations file holds them, read and checked as the store reads it,
   * with its stamp (see annotationsStamp), taken before the read and found the same after it.
   * Null when the file changed meanwhile, the log holds a save of it, or it does not read cleanly
   * (a damaged or newer file): the store's own read (readAnnotations) deals with those.
   */
  async savedAnnotations(articleId: string): Promise<{ stamp: string; annotations: Annotation[] } | null> {
    const before = await this.annotationsStamp(articleId);
    if (before === null) return null;
    const file = path.join(this.dir(articleId), ANNOTATIONS.file);
    let data: AnnotationsFile | null;
    try {
      data = await new SchemaFileAdapter(file, ANNOTATIONS.kind, AnnotationsFile).read();
    } catch {
      return null;
    }
    if (!data || data.schemaVersion > SCHEMA_VERSION || data.articleId !== articleId) return null;
    return (await this.annotationsStamp(articleId)) === before ? { stamp: before, annotations: data.annotations } : null;
  }

  /**
   * Changes one article's annotations on a copy and saves that file durably, with the history
   * lines of the change in the same transaction. Changes to one article are serialised, so
   * concurrent edits cannot lose each other.
   */
  async updateAnnotations<T>(articleId: string, change: (annotations: Annotation[]) => T, history: OperationRecord[] = []): Promise<T> {
    this.assertWritable();
    this.assertKnown(articleId);
    const file = path.join(this.dir(articleId), ANNOTATIONS.file);
    const change_ = (draft: AnnotationsFile) => {
      const result = change(draft.annotations);
      draft.rev += 1;
      return result;
    };
    return this.documents.update(file, ANNOTATIONS, articleId, change_, history.map((record) => this.historyLine(record)));
  }

  /**
   * Puts highlights (null removes one) with the history lines of the change, in one transaction:
   * one line of the write-ahead log naming each, however many the article has.
   */
  async putAnnotations(articleId: string, puts: readonly { id: string; record: Annotation | null }[], history: OperationRecord[]): Promise<void> {
    this.assertWritable();
    this.assertKnown(articleId);
    const file = path.join(this.dir(articleId), ANNOTATIONS.file);
    await this.documents.putRecords(file, ANNOTATIONS, articleId, puts, history.map((record) => this.historyLine(record)));
  }

  async appendHistory(record: OperationRecord): Promise<void> {
    this.assertWritable();
    await this.log.commit([this.historyLine(record)]);
  }

  private historyLine(record: OperationRecord): LogWrite {
    return { op: 'append', file: path.join(this.dir(record.articleId), FILE_NAMES.history), line: JSON.stringify(record) };
  }

  dir(id: string): string {
    if (!ID_SHAPE.test(id)) throw new DossierError('bad-input', `Not an article id: ${id}`);
    return path.join(this.root, FILE_NAMES.articles, id);
  }

  assertKnown(id: string): void {
    if (!this.has(id)) throw new DossierError('not-found', phrase('common.noArticle', { id }));
  }

  private remember(article: { meta: ArticleMeta; text: string }): void {
    this.articleCache.delete(article.meta.id);
    this.articleCache.set(article.meta.id, article);
    if (this.articleCache.size > TEXT_CACHE_SIZE) this.articleCache.delete(this.articleCache.keys().next().value!);
  }

  private async readFile<T extends { schemaVersion: number; kind: string }>(file: string, kind: string, schema: import('zod').ZodType<T>): Promise<T> {
    const data = await new SchemaFileAdapter(file, kind, schema, this.onNewer, this.log).read();
    if (data === null) throw new DossierError('corrupt-file', phrase('store.missing', { file }), file);
    return data;
  }
}

function articleFile(meta: ArticleMeta): ArticleFile {
  return { schemaVersion: SCHEMA_VERSION, kind: 'article', article: meta };
}

function textFile(articleId: string, version: number, text: string): string {
  return json({ schemaVersion: SCHEMA_VERSION, kind: 'text', articleId, version, text });
}

export function json(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
