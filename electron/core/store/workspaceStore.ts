import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { DossierError } from '../../common/errors';
import { newId } from '../../common/ids';
import type { Annotation } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';
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
import { acquireLock, type HeldLock } from './lock';
import { parseSchemaFile, SCHEMA_VERSION, SchemaFileAdapter } from './schemaFile';

/** One recorded change with what undoes it: the article's audit trail and, later, undo/redo. */
export interface OperationRecord {
  at: string;
  op: 'annotation.create' | 'annotation.update' | 'annotation.delete' | 'article.import';
  articleId: string;
  before: unknown;
  after: unknown;
}

export interface NewArticle {
  meta: ArticleMeta;
  text: string;
  original: Uint8Array;
}

/**
 * The workspace folder, and the only code that writes it.
 *
 *   workspace.json                 id, name, schema version
 *   library.json                   index of articles (id, title, date, sha256)
 *   articles/<id>/article.json     metadata and provenance
 *   articles/<id>/text.json        the normalised text (never rewritten)
 *   articles/<id>/original.<ext>   the original bytes, read-only
 *   articles/<id>/annotations.json that article's annotations (the only file a highlight rewrites)
 *   articles/<id>/history.jsonl    append-only operation log
 */
export class WorkspaceStore {
  private readonly queue = new KeyedQueue();
  /** Promises, not databases: two first uses at once must share one read, or one save loses the other's. */
  private readonly annotationDbs = new Map<string, Promise<Low<AnnotationsFile>>>();
  private closed = false;
  private libraryIndexes: { byId: Map<string, LibraryEntry>; bySha256: Map<string, LibraryEntry> } | null = null;

  private constructor(
    readonly dir: string,
    private readonly workspace: Low<WorkspaceFile>,
    private readonly library: Low<LibraryFile>,
    readonly readOnlyReason: string | null,
    private lock: HeldLock | null,
  ) {}

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
    const parsed = parseSchemaFile(raw, workspaceFile, 'workspace', WorkspaceFile);
    const readOnlyReason =
      parsed.schemaVersion > SCHEMA_VERSION
        ? `This workspace was written by a newer Dossier (schema ${parsed.schemaVersion}); it is open read-only.`
        : null;

    const lock = options.lock === false || readOnlyReason ? null : await acquireLock(root);
    try {
      const queue = new KeyedQueue();
      const workspace = new Low(new SchemaFileAdapter(workspaceFile, 'workspace', WorkspaceFile, queue), parsed);
      workspace.data = parsed;
      const libraryFile = path.join(root, FILE_NAMES.library);
      const library = new Low(new SchemaFileAdapter(libraryFile, 'library', LibraryFile, queue), emptyLibrary());
      await library.read();
      return new WorkspaceStore(root, workspace, library, readOnlyReason, lock);
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

  info(): WorkspaceInfo {
    const w = this.workspace.data;
    return {
      id: w.id,
      name: w.name,
      path: this.dir,
      schemaVersion: w.schemaVersion,
      readOnly: this.readOnlyReason !== null,
      readOnlyReason: this.readOnlyReason,
      articleCount: this.library.data.articles.length,
    };
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

  listArticles(): LibraryEntry[] {
    return this.library.data.articles;
  }

  findArticleBySha256(sha256: string): LibraryEntry | undefined {
    return this.indexes().bySha256.get(sha256);
  }

  hasArticle(id: string): boolean {
    return this.indexes().byId.has(id);
  }

  /** Lookups by id and hash, rebuilt after the library changes (10,000 articles: no linear scans). */
  private indexes(): { byId: Map<string, LibraryEntry>; bySha256: Map<string, LibraryEntry> } {
    if (!this.libraryIndexes) {
      const byId = new Map<string, LibraryEntry>();
      const bySha256 = new Map<string, LibraryEntry>();
      for (const entry of this.library.data.articles) {
        byId.set(entry.id, entry);
        bySha256.set(entry.sha256, entry);
      }
      this.libraryIndexes = { byId, bySha256 };
    }
    return this.libraryIndexes;
  }

  async readArticle(id: string): Promise<{ meta: ArticleMeta; text: string }> {
    this.assertKnownArticle(id);
    const dir = this.articleDir(id);
    const [articleFile, textFile] = await Promise.all([
      this.readFile(path.join(dir, FILE_NAMES.article), 'article', ArticleFile),
      this.readFile(path.join(dir, FILE_NAMES.text), 'text', TextFile),
    ]);
    return { meta: articleFile.article, text: textFile.text };
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
      await fs.mkdir(dir, { recursive: true });
      await write(path.join(dir, meta.original), original, 0o444);
      await write(path.join(dir, FILE_NAMES.text), json({ schemaVersion: SCHEMA_VERSION, kind: 'text', articleId: meta.id, text }));
      await write(
        path.join(dir, FILE_NAMES.annotations),
        json({ schemaVersion: SCHEMA_VERSION, kind: 'annotations', articleId: meta.id, rev: 0, annotations: [] }),
      );
      await write(path.join(dir, FILE_NAMES.article), json({ schemaVersion: SCHEMA_VERSION, kind: 'article', article: meta }));
      const record: OperationRecord = { at: meta.importedAt, op: 'article.import', articleId: meta.id, before: null, after: { sha256: meta.sha256 } };
      await write(path.join(dir, FILE_NAMES.history), `${JSON.stringify(record)}\n`);
    }
    await syncFilesDurable(written);
    await fsyncDir(path.join(this.dir, FILE_NAMES.articles));
    // Changed on a copy: if the index cannot be written, memory keeps matching the disk.
    const next = structuredClone(this.library.data);
    next.rev += 1;
    for (const { meta } of articles) {
      next.articles.push({
        id: meta.id,
        title: meta.title,
        published: meta.published,
        sha256: meta.sha256,
        source: meta.source,
        importedAt: meta.importedAt,
      });
    }
    await this.library.adapter.write(next);
    this.library.data = next;
    this.libraryIndexes = null;
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

  async appendHistory(record: OperationRecord): Promise<void> {
    this.assertWritable();
    await appendLineDurable(path.join(this.articleDir(record.articleId), FILE_NAMES.history), JSON.stringify(record));
  }

  articleDir(id: string): string {
    if (!/^[a-z]+_[0-9a-z]+$/.test(id)) throw new DossierError('bad-input', `Not an article id: ${id}`);
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
  };
  await writeJson(path.join(root, FILE_NAMES.library), emptyLibrary());
  // workspace.json last: its presence is what makes the folder a workspace.
  await writeJson(path.join(root, FILE_NAMES.workspace), workspace);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
