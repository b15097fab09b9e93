import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArticleMeta } from '../../common/model/article';
import type { DurableDocument } from './durableDocument';
import { ArticleFile, FILE_NAMES, type LibraryEntry, type LibraryFile, type TrashEntry } from './files';
import { SCHEMA_VERSION, SchemaFileAdapter } from './schemaFile';

/**
 * The article index (library.json) with lookups by id and by content hash, so a workspace of
 * 10,000 articles needs no linear scans. Changes are made on a copy and take effect only once
 * written, so memory never runs ahead of the disk.
 */
export class LibraryIndex {
  private byId = new Map<string, LibraryEntry>();
  private bySha256 = new Map<string, LibraryEntry>();
  private trashById = new Map<string, TrashEntry>();
  private trashBySha256 = new Map<string, TrashEntry>();

  constructor(private readonly db: DurableDocument<LibraryFile>) {
    this.reindex();
  }

  get entries(): readonly LibraryEntry[] {
    return this.db.data.articles;
  }

  get(id: string): LibraryEntry | undefined {
    return this.byId.get(id);
  }

  findBySha256(sha256: string): LibraryEntry | undefined {
    return this.bySha256.get(sha256);
  }

  /** The articles in the trash: not listed, so nothing but the Trash view (and restore) finds them. */
  get trash(): readonly TrashEntry[] {
    return this.db.data.trash;
  }

  trashed(id: string): TrashEntry | undefined {
    return this.trashById.get(id);
  }

  findTrashedBySha256(sha256: string): TrashEntry | undefined {
    return this.trashBySha256.get(sha256);
  }

  /**
   * Moves an article between the library and the trash as its metadata says (`trashedAt`), or
   * updates its entry where it is. Restored articles go back to the end of the list: the library
   * is shown sorted, never in file order.
   */
  async shelve(meta: ArticleMeta): Promise<void> {
    await this.db.update((next) => {
      next.rev += 1;
      const listedAt = next.articles.findIndex((a) => a.id === meta.id);
      if (!meta.trashedAt && listedAt !== -1) {
        next.articles[listedAt] = entryOf(meta);
        return;
      }
      if (listedAt !== -1) next.articles.splice(listedAt, 1);
      next.trash = next.trash.filter((a) => a.id !== meta.id);
      if (meta.trashedAt) next.trash.push({ ...entryOf(meta), trashedAt: meta.trashedAt });
      else next.articles.push(entryOf(meta));
    });
    this.reindex();
  }

  /** Forgets trashed articles for good (their folders are being deleted). */
  async forget(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    await this.db.update((next) => {
      next.rev += 1;
      next.trash = next.trash.filter((a) => !gone.has(a.id));
    });
    this.reindex();
  }

  /** Adds new articles, or replaces the entries of articles already listed. */
  async put(metas: ArticleMeta[]): Promise<void> {
    await this.db.update((next) => {
      next.rev += 1;
      const position = new Map(next.articles.map((a, i) => [a.id, i]));
      for (const meta of metas) {
        const entry = entryOf(meta);
        const at = position.get(meta.id);
        if (at === undefined) next.articles.push(entry);
        else next.articles[at] = entry;
      }
    });
    this.reindex();
  }

  /** Takes articles out of the index; their folders stay, so they can be listed again. */
  async remove(ids: readonly string[]): Promise<void> {
    const gone = new Set(ids);
    await this.db.update((next) => {
      next.rev += 1;
      next.articles = next.articles.filter((a) => !gone.has(a.id));
    });
    this.reindex();
  }

  /** Takes the index as a restore wrote it. */
  async adopt(value: LibraryFile): Promise<void> {
    await this.db.adopt(value);
    this.reindex();
  }

  private reindex(): void {
    this.byId = new Map();
    this.bySha256 = new Map();
    for (const entry of this.db.data.articles) {
      this.byId.set(entry.id, entry);
      for (const hash of entry.hashes) this.bySha256.set(hash, entry);
    }
    this.trashById = new Map();
    this.trashBySha256 = new Map();
    for (const entry of this.db.data.trash) {
      this.trashById.set(entry.id, entry);
      for (const hash of entry.hashes) this.trashBySha256.set(hash, entry);
    }
  }
}

function entryOf(meta: ArticleMeta): LibraryEntry {
  const current = meta.versions.find((v) => v.version === meta.version) ?? meta.versions[meta.versions.length - 1]!;
  return {
    id: meta.id,
    title: meta.title,
    source: meta.source,
    outlet: meta.outlet,
    published: meta.published,
    sha256: current.sha256,
    importedAt: meta.importedAt,
    archived: meta.archived ?? false,
    language: meta.language,
    hashes: meta.versions.map((v) => v.sha256),
  };
}

/**
 * library.json rebuilt from the article folders, when it is missing but articles are there; null
 * when there are none (a new workspace's empty library is right). Articles whose article.json
 * cannot be read are left out and counted in the notice; so are none of the others, including
 * ones taken out of the library by undoing their import (their folders are kept for redo).
 */
export async function rebuildLibrary(root: string, libraryFile: string): Promise<{ value: LibraryFile; notice: string } | null> {
  const articlesDir = path.join(root, FILE_NAMES.articles);
  const names = await fs.readdir(articlesDir).catch(() => [] as string[]);
  const metas: ArticleMeta[] = [];
  let unreadable = 0;
  for (const name of names) {
    const file = path.join(articlesDir, name, FILE_NAMES.article);
    try {
      const data = await new SchemaFileAdapter(file, 'article', ArticleFile).read();
      if (data) metas.push(data.article);
      else if ((await fs.stat(path.join(articlesDir, name))).isDirectory()) unreadable += 1;
    } catch {
      unreadable += 1;
    }
  }
  if (metas.length === 0 && unreadable === 0) return null;
  metas.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id));
  // An article's own file says whether it was in the trash, so the trash survives a rebuild.
  const listed = metas.filter((m) => !m.trashedAt);
  const trash = metas.flatMap((m) => (m.trashedAt ? [{ ...entryOf(m), trashedAt: m.trashedAt }] : []));
  const skipped = unreadable === 0 ? '' : ` ${unreadable} folder${unreadable === 1 ? '' : 's'} without a readable ${FILE_NAMES.article} could not be listed.`;
  return {
    value: { schemaVersion: SCHEMA_VERSION, kind: 'library', rev: 1, articles: listed.map(entryOf), trash },
    notice:
      `${libraryFile} was missing; the library was rebuilt from the ${metas.length} article folder${metas.length === 1 ? '' : 's'} ` +
      `(an article whose import was undone is listed again).${skipped}`,
  };
}
