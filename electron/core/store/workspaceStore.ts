import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, englishText, phrase, systemReason, type Words, wordsOf } from '../../common/errors';
import { newId } from '../../common/ids';
import type { Annotation } from '../../common/model/annotation';
import type { ArticleMeta, ArticleVersion, Shelf } from '../../common/model/article';
import { DEFAULT_PALETTE, type Palette } from '../../common/model/palette';
import type { WorkspaceInfo } from '../../common/model/workspace';
import { ArticleFiles, json, type NewArticle, type OperationRecord } from './articleFiles';
import { DocumentStore, type DocumentKind } from './documents';
import { DurableDocument } from './durableDocument';
import { KeyedQueue, sweepTempFiles } from './durableFile';
import { accessFor, filesOf, KEYS_FILE } from './fileAccess';
import { FILE_NAMES, LibraryFile, WorkspaceFile, type LibraryEntry, type TrashEntry } from './files';
import { rebuildLibrary } from './libraryIndex';
import { acquireLock, type HeldLock } from './lock';
import { migrateWorkspace } from './migrations';
import { newerFileReason, newerSchemaOnDisk, parseSchemaFile, SCHEMA_VERSION, SchemaFileAdapter } from './schemaFile';
import { WriteAheadLog } from './writeAheadLog';

export type { NewArticle, OperationRecord };

type Header = { schemaVersion: number; kind: string };

/**
 * The workspace folder, and the only code that writes it: workspace.json (id, name, palette,
 * schema version) and its lock here; the article folders and library index in ArticleFiles; the
 * workspace's other JSON documents (entities, notes, briefs, an article's mentions) in DocumentStore.
 * Every file goes through one queue keyed by its path, and every JSON file changes copy-on-write.
 */
export class WorkspaceStore {
  private closed = false;
  private readOnly: Words | null;
  /** The sweep of crash leftovers in the article folders, running after opening. */
  private sweeping: Promise<unknown> = Promise.resolve();
  /** The upgrades applied when this workspace was opened (empty when it was current). */
  migrations: readonly string[] = [];
  /**
   * Things to tell the user once, found on opening or later (a missing index rebuilt from the
   * files it lists). Those after the first `n` are the ones found since a caller last looked.
   */
  readonly notices: string[] = [];
  /** The same notices, with the workspace-relative file each is about where there is one. */
  readonly noticeFiles = new Map<string, string>();
  /** Told of every notice found after opening, as it is found (the core passes them on as events). */
  onNotice: ((notice: string, file?: string) => void) | null = null;
  readonly articles: ArticleFiles;
  private readonly documents: DocumentStore;

  private constructor(
    readonly dir: string,
    private readonly workspace: DurableDocument<WorkspaceFile>,
    library: DurableDocument<LibraryFile>,
    queue: KeyedQueue,
    private readonly log: WriteAheadLog,
    readOnlyReason: Words | null,
    private lock: HeldLock | null,
  ) {
    this.readOnly = readOnlyReason;
    // A file of a newer schema found later (an article's annotations, a note) makes the whole
    // workspace read-only from then on: a change spanning files must not stop half-way.
    const onNewer = (file: string, version: number) => {
      this.readOnly ??= newerFileReason(file, version);
    };
    this.documents = new DocumentStore(queue, log, { onNewer, onNotice: (notice, file) => this.notice(notice, file) }, lock !== null && readOnlyReason === null);
    this.articles = new ArticleFiles(dir, library, queue, log, this.documents, () => this.assertWritable(), onNewer);
  }

  /** Why nothing may be written (a file of a newer Dossier), in English, or null. */
  get readOnlyReason(): string | null {
    return this.readOnly === null ? null : englishText(this.readOnly);
  }

  /** Why nothing may be written, as words the window says in the UI language, or null. */
  get readOnlyWords(): Words | null {
    return this.readOnly;
  }

  /**
   * Opens (creating when asked) the workspace in `dir` and takes its lock. A damaged file raises
   * an error naming it; nothing is rewritten.
   */
  static async open(dir: string, options: { create?: boolean; lock?: boolean; name?: string; id?: string } = {}): Promise<WorkspaceStore> {
    const root = path.resolve(dir);
    const workspaceFile = path.join(root, FILE_NAMES.workspace);
    // An encrypted workspace not unlocked, or one whose conversion was cut short, is refused here,
    // before anything is read, locked or written.
    const files = accessFor(root);
    let raw: string | null = null;
    try {
      raw = await files.readText(workspaceFile);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof DossierError) throw error;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        throw new DossierError('corrupt-file', phrase('store.cannotRead', { file: workspaceFile, reason: wordsOf(error) }), workspaceFile);
      }
    }
    if (raw === null) {
      if (!options.create) {
        throw new DossierError('not-found', phrase('workspace.notAWorkspaceNo', { path: root, file: FILE_NAMES.workspace }));
      }
      await createWorkspaceFolder(root, options.name, options.id);
      raw = await files.readText(workspaceFile);
    }
    let parsed = parseSchemaFile(raw, workspaceFile, 'workspace', WorkspaceFile);
    let readOnlyReason: Words | null =
      parsed.schemaVersion > SCHEMA_VERSION
        ? phrase('workspace.newerSchema', { schema: parsed.schemaVersion })
        : null;

    let lock: HeldLock | null = null;
    if (options.lock !== false && !readOnlyReason) {
      try {
        lock = await acquireLock(root);
      } catch (error) {
        // Read-only media (a mounted archive, a write-protected share): read, and say why not write.
        if (!CANNOT_WRITE.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
        readOnlyReason = phrase('workspace.cannotBeWritten', { path: root, reason: systemReason(error) });
      }
    }
    let migrated: string[] = [];
    let articleSweep: (() => Promise<unknown>) | null = null;
    let log: WriteAheadLog | null = null;
    try {
      if (lock) articleSweep = await sweepLeftovers(root, lock);
      // What the last run saved but had not folded into the files yet: the writer folds it now.
      log = await WriteAheadLog.open(root, { writable: readOnlyReason === null, foldNow: lock !== null });
      const logged = await log.read(workspaceFile);
      if (logged !== null) parsed = parseSchemaFile(logged, workspaceFile, 'workspace', WorkspaceFile);
      else if (lock) parsed = parseSchemaFile(await files.readText(workspaceFile), workspaceFile, 'workspace', WorkspaceFile);
      // Only the writer upgrades; a reader without the lock reads the older files as they are.
      if (lock && parsed.schemaVersion < SCHEMA_VERSION) {
        migrated = await migrateWorkspace(root, parsed.schemaVersion, SCHEMA_VERSION);
        parsed = parseSchemaFile(await files.readText(workspaceFile), workspaceFile, 'workspace', WorkspaceFile);
      }
      const queue = new KeyedQueue();
      const workspace = DurableDocument.of(workspaceFile, new SchemaFileAdapter(workspaceFile, 'workspace', WorkspaceFile, undefined, log), queue, parsed);
      const libraryFile = path.join(root, FILE_NAMES.library);
      const onNewer = (file: string, version: number) => {
        readOnlyReason ??= newerFileReason(file, version);
      };
      const libraryAdapter = new SchemaFileAdapter(libraryFile, 'library', LibraryFile, onNewer, log);
      let libraryData = await libraryAdapter.read();
      let libraryNotice: string | null = null;
      if (libraryData === null) {
        // Never an empty index over article folders: that would orphan every one of them.
        const rebuilt = await rebuildLibrary(root, libraryFile);
        libraryData = rebuilt?.value ?? emptyLibrary();
        libraryNotice = rebuilt?.notice ?? null;
      }
      const library = DurableDocument.of(libraryFile, libraryAdapter, queue, libraryData);
      if (libraryNotice && lock && !readOnlyReason) {
        // A repair is written to the file itself at once, not left in the log.
        await library.replace(libraryData);
        await log.fold();
      }
      // The workspace's own documents (entities, notes, briefs): one of a newer Dossier makes the
      // workspace read-only now, before a change that spans files has written any of them.
      readOnlyReason ??= await newerDocumentReason(root);
      const store = new WorkspaceStore(root, workspace, library, queue, log, readOnlyReason, lock);
      store.migrations = migrated;
      if (libraryNotice) {
        store.notices.push(libraryNotice);
        store.noticeFiles.set(libraryNotice, FILE_NAMES.library);
      }
      if (articleSweep) store.sweeping = articleSweep().catch(() => undefined);
      return store;
    } catch (error) {
      await log?.close().catch(() => undefined);
      await lock?.release();
      throw error;
    }
  }

  private notice(notice: string, file?: string): void {
    const relative = file === undefined ? undefined : path.relative(this.dir, file).split(path.sep).join('/');
    this.notices.push(notice);
    if (relative !== undefined) this.noticeFiles.set(notice, relative);
    this.onNotice?.(notice, relative);
  }

  /** Whether this store is the workspace's one writer (it took the lock). */
  get holdsLock(): boolean {
    return this.lock !== null;
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
    await this.sweeping;
    // The log folded into the files while the lock is still held; if that fails, it is read again on open.
    await this.log.close().catch((error: unknown) => console.error('Dossier: the journal could not be folded into the files; it is read again on open:', error));
    // An encrypted workspace's record of file versions, while the lock is still held.
    if (this.lock) await filesOf(this.dir).checkpoint().catch((error: unknown) => console.error('Dossier: the record of file versions could not be saved:', error));
    await this.lock?.release();
    this.lock = null;
  }

  /** Folds the write-ahead log into the files now, so they alone hold every save (before a backup reads them). */
  async flush(): Promise<void> {
    await this.log.fold();
  }

  /**
   * Runs `task` as one transaction (see WriteAheadLog.transaction): a change that spans files is
   * saved whole or not at all. When it fails, what memory took from it is dropped, so the
   * workspace reads as the disk and the log say.
   */
  transaction<T>(task: () => Promise<T>): Promise<T> {
    return this.log.transaction(task, (files) => this.reload(files));
  }

  /** Drops what memory holds of `files` (changed behind it), so they are read again as saved. */
  private async reload(files: readonly string[]): Promise<void> {
    const workspaceFile = path.join(this.dir, FILE_NAMES.workspace);
    const libraryFile = path.join(this.dir, FILE_NAMES.library);
    const articleIds = new Set<string>();
    let library: LibraryFile | null = null;
    for (const file of files) {
      const saved = async () => (await this.log.read(file)) ?? (await filesOf(file).readText(file));
      if (file === workspaceFile) await this.workspace.adopt(parseSchemaFile(await saved(), file, 'workspace', WorkspaceFile));
      else if (file === libraryFile) library = parseSchemaFile(await saved(), file, 'library', LibraryFile);
      const [top, id] = path.relative(this.dir, file).split(path.sep);
      if (top === FILE_NAMES.articles && id) articleIds.add(id);
    }
    await this.articles.restored(articleIds, library);
    this.documents.forget(files, false);
  }

  /**
   * Puts files back as a backup held them, all in one transaction: the log takes every text file
   * in one line (a crash restores all of them or none), originals (`binary`, never rewritten in
   * place) are written durably first. What memory held of them is then dropped or replaced.
   * `files` are paths inside the workspace.
   */
  async restoreFiles(files: readonly { file: string; bytes: Uint8Array; binary?: boolean }[]): Promise<void> {
    this.assertWritable();
    const absolute = files.map((f) => ({ ...f, file: path.resolve(this.dir, f.file) }));
    for (const f of absolute) {
      const inside = path.relative(this.dir, f.file);
      if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) throw new DossierError('bad-input', `Not a file of this workspace: ${f.file}`);
    }
    for (const f of absolute.filter((x) => x.binary)) {
      await fs.mkdir(path.dirname(f.file), { recursive: true });
      await filesOf(f.file).writeFileDurable(f.file, f.bytes, 0o444);
    }
    const texts = absolute.filter((f) => !f.binary);
    if (texts.length > 0) await this.log.commit(texts.map((f) => ({ op: 'put' as const, file: f.file, text: Buffer.from(f.bytes).toString('utf8') })));

    const workspaceFile = path.join(this.dir, FILE_NAMES.workspace);
    const libraryFile = path.join(this.dir, FILE_NAMES.library);
    const articleIds = new Set<string>();
    let library: LibraryFile | null = null;
    for (const f of absolute) {
      const text = () => Buffer.from(f.bytes).toString('utf8');
      if (f.file === workspaceFile) await this.workspace.adopt(parseSchemaFile(text(), f.file, 'workspace', WorkspaceFile));
      else if (f.file === libraryFile) library = parseSchemaFile(text(), f.file, 'library', LibraryFile);
      const [top, id] = path.relative(this.dir, f.file).split(path.sep);
      if (top === FILE_NAMES.articles && id) articleIds.add(id);
    }
    await this.articles.restored(articleIds, library);
    this.documents.forget(texts.map((f) => f.file), true);
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
      ...(this.readOnly !== null && typeof this.readOnly !== 'string' ? { readOnlyPhrase: this.readOnly } : {}),
      articleCount: this.articles.count,
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

  /** The workspace's display name (workspace.json); the folder keeps its own. */
  async setName(name: string): Promise<void> {
    this.assertWritable();
    await this.workspace.update((w) => {
      w.name = name;
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

  // Articles: see ArticleFiles.
  listArticles(): readonly LibraryEntry[] {
    return this.articles.list();
  }

  findArticleBySha256(sha256: string): LibraryEntry | undefined {
    return this.articles.findBySha256(sha256);
  }

  hasArticle(id: string): boolean {
    return this.articles.has(id);
  }

  async readArticle(id: string): Promise<{ meta: ArticleMeta; text: string }> {
    return this.articles.read(id);
  }

  async readMeta(id: string): Promise<ArticleMeta> {
    return this.articles.readMeta(id);
  }

  async readVersionText(id: string, version: number): Promise<string> {
    return this.articles.readVersionText(id, version);
  }

  async addArticles(articles: NewArticle[], options: { list?: boolean } = {}): Promise<void> {
    return this.articles.add(articles, options);
  }

  /** A version's files that came from elsewhere (see ArticleFiles.addVersionFiles). */
  async addVersionFiles(id: string, version: ArticleVersion, text: string, original: Uint8Array): Promise<boolean> {
    return this.articles.addVersionFiles(id, version, text, original);
  }

  /** The article.json of any article folder: listed, trashed or out of the library; null when none. */
  async readFolderMeta(id: string): Promise<ArticleMeta | null> {
    return this.articles.readFolderMeta(id);
  }

  async readFolderText(id: string, version: number): Promise<string> {
    return this.articles.readFolderText(id, version);
  }

  async readOriginal(id: string, version: ArticleVersion): Promise<Uint8Array> {
    return this.articles.readOriginal(id, version);
  }

  /**
   * An article's document as saved, whether the article is listed, in the trash or out of the
   * library, without keeping it in memory (sync reads every article's files this way).
   */
  async peekFolderDoc<T extends Header>(articleId: string, kind: DocumentKind<T>): Promise<T> {
    return this.documents.peek(path.join(this.articleDir(articleId), kind.file), kind, articleId);
  }

  async addVersion(meta: ArticleMeta, text: string, original: Uint8Array): Promise<void> {
    return this.articles.addVersion(meta, text, original);
  }

  async unlistArticles(ids: readonly string[]): Promise<void> {
    return this.articles.unlist(ids);
  }

  async relistArticles(ids: readonly string[]): Promise<void> {
    return this.articles.relist(ids);
  }

  /** The articles in the trash (not listed: see ArticleFiles.setShelf). */
  listTrash(): readonly TrashEntry[] {
    return this.articles.trash();
  }

  isTrashed(id: string): boolean {
    return this.articles.isTrashed(id);
  }

  findTrashedBySha256(sha256: string): TrashEntry | undefined {
    return this.articles.findTrashedBySha256(sha256);
  }

  async setShelf(id: string, shelf: Shelf): Promise<ArticleMeta> {
    return this.articles.setShelf(id, shelf);
  }

  /** Deletes trashed articles' folders for good: the one write that no undo can take back. */
  async purgeArticles(ids: readonly string[]): Promise<void> {
    return this.articles.purge(ids);
  }

  async writeMeta(meta: ArticleMeta): Promise<void> {
    return this.articles.writeMeta(meta);
  }

  async readAnnotations(articleId: string): Promise<Annotation[]> {
    return this.articles.readAnnotations(articleId);
  }

  async peekAnnotations(articleId: string): Promise<Annotation[]> {
    return this.articles.peekAnnotations(articleId);
  }

  /** Who the article's annotations file is as saved, or null (see ArticleFiles.annotationsStamp). */
  async annotationsStamp(articleId: string): Promise<string | null> {
    return this.articles.annotationsStamp(articleId);
  }

  /** The highlights as the file holds them, with its stamp, or null (see ArticleFiles.savedAnnotations). */
  async savedAnnotations(articleId: string): Promise<{ stamp: string; annotations: Annotation[] } | null> {
    return this.articles.savedAnnotations(articleId);
  }

  /** Changes an article's annotations, saving `history` (the change's lines in its audit trail) in the same transaction. */
  async updateAnnotations<T>(articleId: string, change: (annotations: Annotation[]) => T, history?: OperationRecord[]): Promise<T> {
    return this.articles.updateAnnotations(articleId, change, history);
  }

  /** Puts highlights by id (null removes one) with the change's history lines, in one transaction. */
  async putAnnotations(articleId: string, puts: readonly { id: string; record: Annotation | null }[], history: OperationRecord[]): Promise<void> {
    return this.articles.putAnnotations(articleId, puts, history);
  }

  async appendHistory(record: OperationRecord): Promise<void> {
    return this.articles.appendHistory(record);
  }

  articleDir(id: string): string {
    return this.articles.dir(id);
  }

  // Documents: see DocumentStore.
  /** A workspace-level document (entities.json …), or its empty state when the file does not exist yet. */
  async readWorkspaceDoc<T extends Header>(kind: DocumentKind<T>): Promise<T> {
    return this.documents.read(path.join(this.dir, kind.file), kind, null);
  }

  /** Puts one record of a journaled workspace document (a note's summary in notes.json); null removes it. */
  async putWorkspaceRecord<T extends Header>(kind: DocumentKind<T>, id: string, record: { id: string } | null): Promise<void> {
    this.assertWritable();
    return this.documents.putRecord(path.join(this.dir, kind.file), kind, null, id, record);
  }

  /** A workspace-level document without keeping it in memory (see DocumentStore.peek). */
  async peekWorkspaceDoc<T extends Header>(kind: DocumentKind<T>): Promise<T> {
    return this.documents.peek(path.join(this.dir, kind.file), kind, null);
  }

  async peekArticleDoc<T extends Header>(articleId: string, kind: DocumentKind<T>): Promise<T> {
    this.articles.assertKnown(articleId);
    return this.documents.peek(path.join(this.articleDir(articleId), kind.file), kind, articleId);
  }

  /** Where derived data (the search index) lives; its owner writes it, and it is never backed up. */
  derivedPath(name: string): string {
    return path.join(this.dir, FILE_NAMES.derived, name);
  }

  /** Changes a workspace-level document on a copy and saves it durably; serialised per file. */
  async updateWorkspaceDoc<T extends Header, R>(kind: DocumentKind<T>, change: (draft: T) => R): Promise<R> {
    this.assertWritable();
    return this.documents.update(path.join(this.dir, kind.file), kind, null, change);
  }

  async readArticleDoc<T extends Header>(articleId: string, kind: DocumentKind<T>): Promise<T> {
    this.articles.assertKnown(articleId);
    return this.documents.read(path.join(this.articleDir(articleId), kind.file), kind, articleId);
  }

  async updateArticleDoc<T extends Header, R>(articleId: string, kind: DocumentKind<T>, change: (draft: T) => R): Promise<R> {
    this.assertWritable();
    this.articles.assertKnown(articleId);
    return this.documents.update(path.join(this.articleDir(articleId), kind.file), kind, articleId, change);
  }

  /** Puts a document back into a saved state (undo and redo of document-level changes). */
  async setDoc<T extends Header>(articleId: string | null, kind: DocumentKind<T>, value: T): Promise<void> {
    this.assertWritable();
    const file = articleId === null ? path.join(this.dir, kind.file) : path.join(this.articleDir(articleId), kind.file);
    return this.documents.replace(file, kind, articleId, value);
  }

  private assertWritable(): void {
    if (this.closed) throw new DossierError('unavailable', phrase('workspace.closed'));
    if (this.readOnly) throw new DossierError('read-only', this.readOnly);
  }
}

/** Errors that say the workspace's folder cannot be written at all. */
const CANNOT_WRITE = new Set(['EROFS', 'EACCES', 'EPERM']);

/** A temp file younger than this may belong to a save in progress (the lock's own, while it is taken). */
const TEMP_FILE_AGE_MS = 60_000;

/**
 * Temp files a crash left (`.<name>.<hex>.tmp`, see durableFile.ts) are removed by the writer when
 * it opens the workspace: those older than a minute; after taking over the lock of a process that
 * died, every one from before (it was the only writer). The workspace's own folders are swept now;
 * the article folders, which may be thousands, are answered as a sweep to run after opening.
 */
async function sweepLeftovers(root: string, lock: HeldLock): Promise<() => Promise<unknown>> {
  const aged = Date.now() - TEMP_FILE_AGE_MS;
  const cutoff = lock.takeoverMessage ? lock.takenAt - 1_000 : aged;
  // The lock's own temp files may be another process's attempt to take it, however young this lock is.
  const lockTemp = `.${FILE_NAMES.lock}.`;
  await sweepTempFiles([root], (name) => (name.startsWith(lockTemp) ? aged : cutoff));
  await sweepTempFiles([path.join(root, 'notes'), path.join(root, 'notes', 'revisions'), path.join(root, FILE_NAMES.derived)], cutoff);
  const articleDirs = async () => {
    const articles = path.join(root, FILE_NAMES.articles);
    const ids = await fs.readdir(articles).catch(() => [] as string[]);
    return sweepTempFiles(
      ids.map((id) => path.join(articles, id)),
      cutoff,
    );
  };
  if (!lock.takeoverMessage) return articleDirs;
  await articleDirs();
  return () => Promise.resolve();
}

async function newerDocumentReason(root: string): Promise<Words | null> {
  const names = await fs.readdir(root).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
    const version = await newerSchemaOnDisk(path.join(root, name));
    if (version !== null) return newerFileReason(path.join(root, name), version);
  }
  return null;
}

function emptyLibrary(): LibraryFile {
  return { schemaVersion: SCHEMA_VERSION, kind: 'library', rev: 0, articles: [], trash: [] };
}

/**
 * Makes the folder a new, empty workspace. Written through the folder's file access, so a folder
 * unlocked before it holds anything (an encrypted workspace being created) never holds a plaintext byte.
 */
/** The files an encrypted workspace holds before it is a workspace (docs/ENCRYPTION.md). */
const SEALED_WORKSPACE_FILES = new Set([KEYS_FILE, 'generations.json']);

async function createWorkspaceFolder(root: string, name?: string, id?: string): Promise<void> {
  const files = accessFor(root);
  const existing = await fs.readdir(root).catch(() => [] as string[]);
  // An encrypted workspace being created holds its key file already.
  const own = (entry: string) => entry.startsWith('.') || (files.sealed && SEALED_WORKSPACE_FILES.has(entry));
  if (!existing.every(own)) {
    throw new DossierError(
      'bad-input',
      phrase('workspace.folderNotEmpty', { path: root }),
    );
  }
  await fs.mkdir(path.join(root, FILE_NAMES.articles), { recursive: true });
  const workspace: WorkspaceFile = {
    schemaVersion: SCHEMA_VERSION,
    kind: 'workspace',
    id: id ?? newId('ws'),
    name: name ?? (path.basename(root) || 'Dossier'),
    created: new Date().toISOString(),
    rev: 1,
    startArticleId: null,
    palette: DEFAULT_PALETTE,
  };
  await files.writeFileDurable(path.join(root, FILE_NAMES.library), json(emptyLibrary()));
  // workspace.json last: its presence is what makes the folder a workspace.
  await files.writeFileDurable(path.join(root, FILE_NAMES.workspace), json(workspace));
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
