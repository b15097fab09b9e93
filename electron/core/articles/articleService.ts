import { reanchorAll } from '../../common/anchoring/reanchor';
import { positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import { DossierError, phrase } from '../../common/errors';
import type { Annotation, AnchorStatus } from '../../common/model/annotation';
import { EditableMeta, shelfOf, type ArticleMeta, type Shelf, type TrashedArticle } from '../../common/model/article';
import type { ChangeLog } from '../history/changeLog';
import type { Operation } from '../history/operation';
import { originalPath, prepareVersion, type ExtractArticle, type ImportSource } from '../import/importArticles';
import type { CommitChange } from '../import/importService';
import type { TrashEntry } from '../store/files';
import { sha256Hex, type WorkspaceStore } from '../store/workspaceStore';
import { step, type StepLabel } from '../../common/model/phrase';

export type StatusCounts = Record<AnchorStatus, number>;

export interface ReplaceOutcome {
  article: ArticleMeta;
  counts: StatusCounts;
}

/** Article-level changes: metadata edits and new versions of the text, both undoable. */
export class ArticleService {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
    private readonly extract?: ExtractArticle,
    private readonly commit: CommitChange = (change, applied) => changes.commit(change, applied),
  ) {}

  /** The article's display title; its text and provenance stay as imported. */
  rename(id: string, title: string): Promise<ArticleMeta> {
    return this.updateMeta(id, { title }, step('renameArticle'));
  }

  /** Hides the article from the library (or shows it again); it stays in search, entities and exports. */
  archive(id: string, archived: boolean): Promise<void> {
    return this.reshelve(id, false, (shelf) => ({ ...shelf, archived }), step(archived ? 'archiveArticle' : 'unarchiveArticle'));
  }

  /** Moves the article to the trash: out of the library and of everything read from it, undoable. */
  trash(id: string): Promise<void> {
    return this.reshelve(id, false, (shelf) => ({ ...shelf, trashedAt: new Date().toISOString() }), step('moveArticleToTrash'));
  }

  /** Takes the article out of the trash, back where it was (archived or not). */
  restore(id: string): Promise<void> {
    return this.reshelve(id, true, (shelf) => ({ ...shelf, trashedAt: null }), step('restoreArticleFromTrash'));
  }

  /** The trash, most recently trashed first. */
  trashed(): TrashedArticle[] {
    return this.store
      .listTrash()
      .map(({ id, title, source, outlet, published, sha256, importedAt, archived, language, trashedAt }) => ({ id, title, source, outlet, published, sha256, importedAt, archived, language, trashedAt }))
      .sort((a, b) => b.trashedAt.localeCompare(a.trashedAt));
  }

  /**
   * Deletes trashed articles for good (all of them, or those named): their folders go, with their
   * text, highlights and history, and no undo step is kept that would try to bring them back.
   */
  emptyTrash(ids?: readonly string[]): Promise<number> {
    return this.changes.exclusive(null, async () => {
      const gone = (ids ?? this.store.listTrash().map((a) => a.id)).filter((id) => this.store.isTrashed(id));
      if (gone.length === 0) return 0;
      await this.changes.forgetArticles(gone);
      await this.store.purgeArticles(gone);
      this.changes.announce(gone.map((id) => ({ subject: 'article', kind: 'deleted', id, articleId: id })));
      return gone.length;
    });
  }

  private reshelve(id: string, inTrash: boolean, change: (shelf: Shelf) => Shelf, label: StepLabel): Promise<void> {
    return this.changes.exclusive(id, async () => {
      const entry = inTrash ? this.store.listTrash().find((a) => a.id === id) : this.store.listArticles().find((a) => a.id === id);
      if (!entry) throw new DossierError('not-found', phrase(inTrash ? 'article.notInTrash' : 'article.notInLibrary', { id: id.slice(0, 60) }));
      const before = shelfOf({ archived: entry.archived, trashedAt: inTrash ? (entry as TrashEntry).trashedAt : null });
      await this.changes.commit({ label, articleId: id, ops: [{ kind: 'shelf', articleId: id, before, after: change(before) }] });
    });
  }

  updateMeta(id: string, patch: Partial<EditableMeta>, label: StepLabel = step('editArticleDetails')): Promise<ArticleMeta> {
    return this.changes.exclusive(id, async () => {
      const meta = await this.store.readMeta(id);
      const before = editable(meta);
      const parsed = EditableMeta.safeParse({ ...before, ...patch });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DossierError('bad-input', phrase('article.invalidDetail', { field: String(issue?.path[0] ?? 'Details'), issue: issue?.message ?? 'invalid' }));
      }
      await this.changes.commit({ label, articleId: id, ops: [{ kind: 'meta', articleId: id, before, after: parsed.data }] });
      return this.store.readMeta(id);
    });
  }

  /**
   * Stores `source` as the article's next version and moves every annotation onto it: exact
   * quote first, then fuzzy quote + context, never onto words it is not confident about.
   */
  replace(id: string, source: ImportSource): Promise<ReplaceOutcome> {
    return this.changes.exclusive(id, async () => {
      const sha256 = sha256Hex(source.bytes);
      const meta = await this.store.readMeta(id);
      const same = meta.versions.find((v) => v.sha256 === sha256);
      if (same) {
        throw new DossierError('bad-input', phrase('article.alreadyVersion', { file: source.name, version: same.version }), source.name);
      }
      const other = this.store.findArticleBySha256(sha256);
      if (other) {
        throw new DossierError('bad-input', phrase('article.alreadyOther', { file: source.name, title: other.title, id: other.id }), source.name);
      }
      const prepared = await prepareVersion(source, sha256, this.extract);
      const number = Math.max(...meta.versions.map((v) => v.version)) + 1;
      const { extension, ...version } = prepared.version;
      const next: ArticleMeta = {
        ...meta,
        rev: meta.rev + 1,
        version: number,
        versions: [...meta.versions, { ...version, version: number, original: originalPath(number, extension) }],
      };
      // Everything that can fail comes before the new version is stored: a replace that fails
      // (an unreadable annotations file, say) must leave the article on its current version.
      const annotations = await this.store.readAnnotations(id);
      const { ops, counts } = reanchorOps(id, annotations, prepared.text, number);
      await this.store.addVersion(next, prepared.text, source.bytes);
      await this.commit(
        {
          label: step('replaceWithNewVersion'),
          articleId: id,
          ops: [{ kind: 'version', articleId: id, before: meta.version, after: number }, ...ops],
        },
        [],
      );
      return { article: await this.store.readMeta(id), counts };
    });
  }
}

/** The annotation operations that move every annotation onto `text` (version `version`). */
export function reanchorOps(
  articleId: string,
  annotations: readonly Annotation[],
  text: string,
  version: number,
): { ops: Operation[]; counts: StatusCounts } {
  const counts: StatusCounts = { anchored: 0, drifted: 0, orphaned: 0 };
  const results = reanchorAll(
    text,
    annotations.map((a) => ({ quote: a.target.quote, position: a.target.position })),
  );
  const now = new Date().toISOString();
  const ops: Operation[] = annotations.map((before, i) => {
    const result = results[i]!;
    counts[result.status] += 1;
    const after = structuredClone(before);
    after.rev += 1;
    after.modified = now;
    after.status = result.status;
    if (result.status !== 'orphaned' && result.start !== undefined && result.end !== undefined) {
      after.target = { version, quote: quoteSelectorAt(text, result.start, result.end), position: positionSelector(result.start, result.end) };
    }
    return { kind: 'annotation', articleId, id: before.id, before, after };
  });
  return { ops, counts };
}

function editable(meta: ArticleMeta): EditableMeta {
  const { title, source, url, outlet, author, published, language } = meta;
  return { title, source, url, outlet, author, published, language };
}
