import path from 'node:path';
import type { CallResponse } from '../../common/contract';
import { articleScope } from '../../common/model/history';
import type { EventBus } from '../events';
import { importWebAnnotationFiles, isWebAnnotationFile } from '../export/jsonld/importWebAnnotations';
import type { ChangeLog } from '../history/changeLog';
import type { Change, Operation } from '../history/operation';
import type { WorkspaceStore } from '../store/workspaceStore';
import { importArticles, type ExtractArticle, type ImportSource } from './importArticles';
import { step } from '../../common/model/phrase';

export type ImportResult = CallResponse<'articles.import'>;

/** Commits a change (see ChangeLog.commit); the entities' version also links confirmed entities in the new texts. */
export type CommitChange = (change: Change, applied: readonly Operation[]) => Promise<void>;

/**
 * The one way files come into a workspace, for the app, the host and the CLI alike: articles
 * first, then W3C annotation files onto them; progress goes out as `import.progress`, the new
 * articles as one undoable change on the change feed.
 */
export class ImportService {
  constructor(
    private readonly store: WorkspaceStore,
    private readonly changes: ChangeLog,
    private readonly events: EventBus,
    private readonly extract?: ExtractArticle,
    private readonly commit: CommitChange = (change, applied) => changes.commit(change, applied),
  ) {}

  async importFiles(sources: ImportSource[]): Promise<ImportResult> {
    const annotationFiles = sources.filter(isWebAnnotationFile);
    const articleSources = sources.filter((s) => !annotationFiles.includes(s));
    const outcome = await importArticles(this.store, articleSources, {
      extract: this.extract,
      onProgress: (done, total, name) => this.events.emit('import.progress', { done, total, file: path.basename(name) }),
    });
    const added = outcome.articles.filter((a) => !a.duplicate);
    if (added.length > 0) {
      // The articles are in; committing their listing as done lets Ctrl+Z take them back out,
      // with the links to confirmed entities made in them.
      const listing: Operation = { kind: 'listing', articleIds: added.map((a) => a.id), articleId: null, before: false, after: true };
      const label = added.length === 1 ? step('importArticle', { title: added[0]!.title.slice(0, 60) }) : step('importArticles', { count: added.length });
      // It belongs to the library and to its new articles, not to the entities its links touch.
      const scopes = ['library' as const, ...added.map((a) => articleScope(a.id))];
      await this.commit({ label, articleId: null, ops: [listing], scopes }, [listing]);
    }
    if (annotationFiles.length === 0) return outcome;
    const restored = await importWebAnnotationFiles(this.store, this.changes, annotationFiles);
    return { articles: outcome.articles, failures: [...outcome.failures, ...restored.failures], annotations: restored.annotations };
  }
}
