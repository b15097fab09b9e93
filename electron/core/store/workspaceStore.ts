import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { DossierError } from '../../common/errors';
import { ID_SHAPE, newId } from '../../common/ids';
import type { Annotation } from '../../common/model/annotation';
import { currentVersion, type ArticleMeta } from '../../common/model/article';
import { DEFAULT_PALETTE, type Palette } from '../../common/model/palette';
import type { WorkspaceInfo } from '../../common/model/workspace';
import { appendLineDurable, fsyncDir, KeyedQueue, syncFilesDurable, writeFileDurable } from './durableFile';
import {
  AnnotationsFile,
  ArticleFile,
  FILE_NAMES,
  LibraryFile,
  TextFile,
  WorkspaceFile,
  type LibraryEntry,
} from './files';
import { DocumentCache, type DocumentKind } from './documents';
import { LibraryIndex } from './libraryIndex';
import { acquireLock, type HeldLock } from './lock';
import { migrateWorkspace } from './migrations';
import { parseSchemaFile, SCHEMA_VERSION, SchemaFileAdapter } from './schemaFile';

/** One recorded change with what undoes it: the article's audit trail. */
export interface OperationRecord {
  at: string;
  op: string;
  articleId: string;
  before: unknown;
  after: unknown;
  /** The user action it belongs to, as shown in Undo/Redo. */
  label?: string;
}

export interface NewArticle {
  meta: ArticleMeta;
  text: string;
  original: Uint8Array;
}

const TEXT_CACHE_SIZE = 32;

/**
 * The workspace folder, and the only code that writes it.
 *
 *   workspace.json                  id, name, palette, schema version
 *   library.json                    index of articles (id, title, date, hashes)
 *   articles/<id>/article.json      metadata, provenance, the list of versions
 *   articles/<id>/v<n>/text.json    the normalised text of version n (never rewritten)
 *   articles/<id>/v<n>/original.*   the original bytes of version n, read-only
 *   articles/<id>/annotations.json  that article's annotations (the only file a highlight rewrites)
 *   articles/<id>/history.jsonl     append-only operation log
 */
export class WorkspaceStore {
  private readonly queue = new KeyedQueue();
  private readonly annotationDbs = new Map<string, Promise<Low<AnnotationsFile>>>();
  /** Recently read articles: annotating reads the text on every change. */
  private readonly articleCache = new Map<string, { meta: ArticleMeta; text: string }>();
  private readonly library: LibraryIndex;
  private readonly documents = new DocumentCache(this.queue);
  private closed = false;
  /** The upgrades applied when this workspace was opened (empty when it was current). */
  migrations: readonly string[] = [];

  private constructor(
    readonly dir: string,
    private readonly workspace: Low<WorkspaceFile>,
    libraryDb: Low<LibraryFile>,
    readonly readOnlyReason: string | null,
    private lock: HeldLock | null,
  ) {
    this.library = new LibraryIndex(libraryDb);
  }

  /**
   * Opens (creating when asked) the workspace in `dir` and takes its lock. A damaged file raises
   * an error naming it; nothing is rewritten.
   */
  static async open(dir: string, options: { create?: boolean; lock?: boolean } = {}): Promise<WorkspaceStore> {
    const root = path.resolve(dir);
    const workspaceFile = path.join(root, FILE_NAMES.workspace);
    let raw: string | null = null;
    try {
      raw = await fs.readFile(workspaceFile, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        throw new DossierError('corrupt-file', `Cannot read ${workspaceFile}: ${(error as Error).message}`, workspaceFile);
      }
    }
    if (raw === null) {
      if (!options.create) {
        throw new DossierError('not-found', `This folder is not a Dossier workspace: ${root} (no ${FILE_NAMES.workspace}).`);
      }
      await createWorkspaceFolder(root);
      raw = await fs.readFile(workspaceFile, 'utf8');
    }
    let parsed = parseSchemaFile(raw, workspaceFile, 'workspace', WorkspaceFile);
    const readOnlyReason =
      parsed.schemaVersion > SCHEMA_VERSION
        ? `This workspace was written by a newer Dossier (schema ${parsed.schemaVersion}); it is open read-only.`
        : null;

    const lock = options.lock === false || readOnlyReason ? null : await acquireLock(root);
    let migrated: string[] = [];
    try {
      // Only the writer upgrades; a reader without the lock reads the older files as they are.
      if (lock && parsed.schemaVersion < SCHEMA_VERSION) {
        migrated = await migrateWorkspace(root, parsed.schemaVersion, SCHEMA_VERSION);
        parsed = parseSchemaFile(await fs.readFile(workspaceFile, 'utf8'), workspaceFile, 'workspace', WorkspaceFile);
      }
      const queue = new KeyedQueue();
      const workspace = new Low(new SchemaFileAdapter(workspaceFile, 'workspace', WorkspaceFile, queue), parsed);
      workspace.data = parsed;
      const libraryFile = path.join(root, FILE_NAMES.library);
      const library = new Low(new SchemaFileAdapter(libraryFile, 'library', LibraryFile, queue), emptyLibrary());
      await library.read();
      const store = new WorkspaceStore(root, workspace, library, readOnlyReason, lock);
      store.migrations = migrated;
      return store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  get lockTakeoverMessage(): string | null {
    return this.lock?.takeoverMessage ?? null;
  }

  async advertise(url: string, token: string): Promise<void> {
    await this.lock?.advertise(url, token);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lock?.release();
    this.lock = null;
  }

  info(): Omit<WorkspaceInfo, 'creator'> {
    const w = this.workspace.data;
    return {
      id: w.id,
      name: w.name,
      path: this.dir,
      schemaVersion: w.schemaVersion,
      readOnly: this.readOnlyReason !== null,
      readOnlyReason: this.readOnlyReason,
      articleCount: this.library.entries.length,
      palette: w.palette,
    };
  }

  async setPalette(palette: Palette): Promise<void> {
    this.assertWritable();
    await this.workspace.update((w) => {
      w.palette = palette;
      w.rev += 1;
    });
  }

  get startArticleId(): string | null {
    return this.workspace.data.startArticleId;
  }

  async setStartArticle(articleId: string): Promise<void> {
    this.assertWritable();
    await this.workspace.update((w) => {
      w.startArticleId = articleId;
      w.rev += 1;
    });
  }

  listArticles(): readonly LibraryEntry[] {
    return this.library.entries;
  }

  findArticleBySha256(sha256: string): LibraryEntry | undefined {
    return this.library.findBySha256(sha256);
  }

  hasArticle(id: string): boolean {
    return this.library.get(id) !== undefined;
  }

  /** The article's metadata and the text of its current version. */
  async readArticle(id: string): Promise<{ meta: ArticleMeta; text: string }> {
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
    this.assertKnownArticle(id);
    const file = await this.readFile(path.join(this.articleDir(id), FILE_NAMES.article), 'article', ArticleFile);
    return file.article;
  }

  /** The text of any version, current or earlier: old versions stay available. */
  async readVersionText(id: string, version: number): Promise<string> {
    this.assertKnownArticle(id);
    const file = path.join(this.articleDir(id), FILE_NAMES.versionDir(version), FILE_NAMES.text);
    return (await this.readFile(file, 'text', TextFile)).text;
  }

  /**
   * Adds articles: every article's files are written, then made durable together, and only then
   * is the library index written (once for the whole batch). A crash before that leaves unlisted
   * folders, never an index entry without its files.
   */
  async addArticles(articles: NewArticle[]): Promise<void> {
    this.assertWritable();
    if (articles.length === 0) return;
    const written: string[] = [];
    const write = async (file: string, data: string | Uint8Array, mode = 0o644) => {
      // New files in a new folder: nothing to replace, so no temp-and-rename; fsync comes below.
      await fs.writeFile(file, data, { mode, flag: 'wx' });
      written.push(file);
    };
    for (const { meta, text, original } of articles) {
      const dir = this.articleDir(meta.id);
      const version = currentVersion(meta);
      await fs.mkdir(path.join(dir, FILE_NAMES.versionDir(version.version)), { recursive: true });
      await write(path.join(dir, version.original), original, 0o444);
      await write(path.join(dir, FILE_NAMES.versionDir(version.version), FILE_NAMES.text), textFile(meta.id, version.version, text));
      await write(
        path.join(dir, FILE_NAMES.annotations),
        json({ schemaVersion: SCHEMA_VERSION, kind: 'annotations', articleId: meta.id, rev: 0, annotations: [] }),
      );
      await write(path.join(dir, FILE_NAMES.article), json({ schemaVersion: SCHEMA_VERSION, kind: 'article', article: meta }));
      const record: OperationRecord = { at: meta.importedAt, op: 'article.import', articleId: meta.id, before: null, after: { sha256: version.sha256 } };
      await write(path.join(dir, FILE_NAMES.history), `${JSON.stringify(record)}\n`);
    }
    await syncFilesDurable(written);
    await fsyncDir(path.join(this.dir, FILE_NAMES.articles));
    await this.library.put(articles.map((a) => a.meta));
  }

  /**
   * Stores a new version's text and bytes, then the metadata that makes it current. The earlier
   * versions' folders are never touched.
   */
  async addVersion(meta: ArticleMeta, text: string, original: Uint8Array): Promise<void> {
    this.assertWritable();
    this.assertKnownArticle(meta.id);
    const version = currentVersion(meta);
    const dir = this.articleDir(meta.id);
    const versionDir = path.join(dir, FILE_NAMES.versionDir(version.version));
    const stored = await this.readMeta(meta.id);
    if (stored.versions.some((v) => v.version === version.version)) {
      throw new DossierError('conflict', `Version ${version.version} of this article already exists.`);
    }
    // A folder of a version the metadata does not list is what an interrupted replace left
    // behind; without this, every later replace of the article would fail on it.
    await fs.rm(versionDir, { recursive: true, force: true });
    await fs.mkdir(versionDir);
    await writeFileDurable(path.join(dir, version.original), original, 0o444);
    await writeFileDurable(path.join(dir, FILE_NAMES.versionDir(version.version), FILE_NAMES.text), textFile(meta.id, version.version, text));
    await this.writeMeta(meta);
    this.remember({ meta, text });
  }

  /**
   * Takes articles out of the library (undoing their import). Their folders are kept whole, so
   * `relistArticles` brings them back exactly (redo).
   */
  async unlistArticles(ids: readonly string[]): Promise<void> {
    this.assertWritable();
    for (const id of ids) this.articleCache.delete(id);
    await this.library.remove(ids);
  }

  async relistArticles(ids: readonly string[]): Promise<void> {
    this.assertWritable();
    const metas: ArticleMeta[] = [];
    for (const id of ids) {
      const file = await this.readFile(path.join(this.articleDir(id), FILE_NAMES.article), 'article', ArticleFile);
      metas.push(file.article);
    }
    await this.library.put(metas);
  }

  /** Saves an article's metadata (and its library entry). */
  async writeMeta(meta: ArticleMeta): Promise<void> {
    this.assertWritable();
    this.assertKnownArticle(meta.id);
    const file = path.join(this.articleDir(meta.id), FILE_NAMES.article);
    await this.queue.run(file, () => writeJson(file, { schemaVersion: SCHEMA_VERSION, kind: 'article', article: meta }));
    const cached = this.articleCache.get(meta.id);
    if (cached && cached.meta.version === meta.version) this.articleCache.set(meta.id, { meta, text: cached.text });
    else this.articleCache.delete(meta.id);
    await this.library.put([meta]);
  }

  async readAnnotations(articleId: string): Promise<Annotation[]> {
    const db = await this.annotationsDb(articleId);
    return db.data.annotations;
  }

  /**
   * Changes one article's annotations in place and saves that file durably. Changes to one
   * article are serialised, so concurrent edits cannot lose each other.
   */
  async updateAnnotations<T>(articleId: string, change: (annotations: Annotation[]) => T): Promise<T> {
    this.assertWritable();
    const db = await this.annotationsDb(articleId);
    return this.queue.run(`annotations:${articleId}`, async () => {
      const draft = structuredClone(db.data);
      const result = change(draft.annotations);
      draft.rev += 1;
      await db.adapter.write(draft);
      db.data = draft;
      return result;
    });
  }

  /** A workspace-level document (entities.json …), or its empty state when the file does not exist yet. */
  async readWorkspaceDoc<T extends { schemaVersion: number; kind: string }>(kind: DocumentKind<T>): Promise<T> {
    return (await this.documents.get(path.join(this.dir, kind.file), kind, null)).data;
  }

  /** Changes a workspace-level document on a copy and saves it durably; serialised per file. */
  updateWorkspaceDoc<T extends { schemaVersion: number; kind: string }, R>(kind: DocumentKind<T>, change: (draft: T) => R): Promise<R> {
    return this.updateDoc(path.join(this.dir, kind.file), kind, null, change);
  }

  async readArticleDoc<T extends { schemaVersion: number; kind: string }>(articleId: string, kind: DocumentKind<T>): Promise<T> {
    this.assertKnownArticle(articleId);
    return (await this.documents.get(path.join(this.articleDir(articleId), kind.file), kind, articleId)).data;
  }

  updateArticleDoc<T extends { schemaVersion: number; kind: string }, R>(
    articleId: string,
    kind: DocumentKind<T>,
    change: (draft: T) => R,
  ): Promise<R> {
    this.assertKnownArticle(articleId);
    return this.updateDoc(path.join(this.articleDir(articleId), kind.file), kind, articleId, change);
  }

  /** Puts a document back into a saved state (undo and redo of document-level changes). */
  setDoc<T extends { schemaVersion: number; kind: string }>(articleId: string | null, kind: DocumentKind<T>, value: T): Promise<void> {
    const file = articleId === null ? path.join(this.dir, kind.file) : path.join(this.articleDir(articleId), kind.file);
    return this.updateDoc(file, kind, articleId, (draft) => {
      for (const key of Object.keys(draft)) delete (draft as Record<string, unknown>)[key];
      Object.assign(draft, structuredClone(value));
    });
  }

  private async updateDoc<T extends { schemaVersion: number; kind: string }, R>(
    file: string,
    kind: DocumentKind<T>,
    owner: string | null,
    change: (draft: T) => R,
  ): Promise<R> {
    this.assertWritable();
    const db = await this.documents.get(file, kind, owner);
    return this.queue.run(`doc:${file}`, async () => {
      // Documents may live in sub-folders (notes/<id>.json) that a new workspace does not have yet.
      await fs.mkdir(path.dirname(file), { recursive: true });
      const draft = structuredClone(db.data);
      const result = change(draft);
      await db.adapter.write(draft);
      db.data = draft;
      return result;
    });
  }

  async appendHistory(record: OperationRecord): Promise<void> {
    this.assertWritable();
    await appendLineDurable(path.join(this.articleDir(record.articleId), FILE_NAMES.history), JSON.stringify(record));
  }

  articleDir(id: string): string {
    if (!ID_SHAPE.test(id)) throw new DossierError('bad-input', `Not an article id: ${id}`);
    return path.join(this.dir, FILE_NAMES.articles, id);
  }

  private annotationsDb(articleId: string): Promise<Low<AnnotationsFile>> {
    this.assertKnownArticle(articleId);
    let db = this.annotationDbs.get(articleId);
    if (!db) {
      const file = path.join(this.articleDir(articleId), FILE_NAMES.annotations);
      const created = new Low(new SchemaFileAdapter(file, 'annotations', AnnotationsFile, this.queue), {
        schemaVersion: SCHEMA_VERSION,
        kind: 'annotations' as const,
        articleId,
        rev: 0,
        annotations: [],
      });
      db = created.read().then(() => created);
      // A damaged file is not cached: it is named again on the next use (and may have been repaired).
      db.catch(() => this.annotationDbs.delete(articleId));
      this.annotationDbs.set(articleId, db);
    }
    return db;
  }

  private remember(article: { meta: ArticleMeta; text: string }): void {
    this.articleCache.delete(article.meta.id);
    this.articleCache.set(article.meta.id, article);
    if (this.articleCache.size > TEXT_CACHE_SIZE) this.articleCache.delete(this.articleCache.keys().next().value!);
  }

  private async readFile<T extends { schemaVersion: number; kind: string }>(
    file: string,
    kind: string,
    schema: import('zod').ZodType<T>,
  ): Promise<T> {
    const data = await new SchemaFileAdapter(file, kind, schema, this.queue).read();
    if (data === null) throw new DossierError('corrupt-file', `${file} is missing from the workspace.`, file);
    return data;
  }

  private assertKnownArticle(id: string): void {
    if (!this.hasArticle(id)) throw new DossierError('not-found', `No article with id ${id} in this workspace.`);
  }

  private assertWritable(): void {
    if (this.closed) throw new DossierError('unavailable', 'The workspace is closed.');
    if (this.readOnlyReason) throw new DossierError('read-only', this.readOnlyReason);
  }
}

function emptyLibrary(): LibraryFile {
  return { schemaVersion: SCHEMA_VERSION, kind: 'library', rev: 0, articles: [] };
}

function textFile(articleId: string, version: number, text: string): string {
  return json({ schemaVersion: SCHEMA_VERSION, kind: 'text', articleId, version, text });
}

function json(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

async function writeJson(file: string, data: unknown): Promise<void> {
  await writeFileDurable(file, json(data));
}

async function createWorkspaceFolder(root: string): Promise<void> {
  const existing = await fs.readdir(root).catch(() => [] as string[]);
  if (existing.some((name) => !name.startsWith('.'))) {
    throw new DossierError(
      'bad-input',
      `${root} already holds other files and is not a Dossier workspace; choose an empty or new folder.`,
    );
  }
  await fs.mkdir(path.join(root, FILE_NAMES.articles), { recursive: true });
  const workspace: WorkspaceFile = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'workspace',
    id: newId('ws'),
    name: path.basename(root) || 'Dossier',
    created: new Date().toISOString(),
    rev: 1,
    startArticleId: null,
    palette: DEFAULT_PALETTE,
  };
  await writeJson(path.join(root, FILE_NAMES.library), emptyLibrary());
  // workspace.json last: its presence is what makes the folder a workspace.
  await writeJson(path.join(root, FILE_NAMES.workspace), workspace);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
