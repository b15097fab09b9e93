import { reanchorAll } from '../../common/anchoring/reanchor';
import { positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import { DossierError } from '../../common/errors';
import type { Annotation, AnchorStatus } from '../../common/model/annotation';
import { EditableMeta, type ArticleMeta } from '../../common/model/article';
import type { ChangeLog } from '../history/changeLog';
import type { Operation } from '../history/operation';
import { originalPath, prepareVersion, type ExtractArticle, type ImportSource } from '../import/importArticles';
import type { CommitChange } from '../import/importService';
import { sha256Hex, type WorkspaceStore } from '../store/workspaceStore';

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

  updateMeta(id: string, patch: Partial<EditableMeta>): Promise<ArticleMeta> {
    return this.changes.exclusive(id, async () => {
      const meta = await this.store.readMeta(id);
      const before = editable(meta);
      const parsed = EditableMeta.safeParse({ ...before, ...patch });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new DossierError('bad-input', `${String(issue?.path[0] ?? 'Details')}: ${issue?.message ?? 'invalid'}`);
      }
      await this.changes.commit({ label: 'edit article details', articleId: id, ops: [{ kind: 'meta', articleId: id, before, after: parsed.data }] });
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
        throw new DossierError('bad-input', `${source.name} is already version ${same.version} of this article.`, source.name);
      }
      const other = this.store.findArticleBySha256(sha256);
      if (other) {
        throw new DossierError('bad-input', `${source.name} is already in the workspace as another article: "${other.title}" (${other.id}).`, source.name);
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
          label: 'replace with new version',
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
