import { contract, type CallName, type CallResult, type DossierApi } from '../common/contract';
import { DossierError, isDossierError } from '../common/errors';
import { AnnotationService } from './annotations/annotationService';
import { EventBus } from './events';
import { briefFileName, markdownBrief } from './export/markdownBrief';
import { importArticles } from './import/importArticles';
import type { WorkspaceStore } from './store/workspaceStore';

export interface DossierCore {
  api: DossierApi;
  events: EventBus;
  store: WorkspaceStore;
  /** Validates an untrusted call (from IPC or HTTP) against the contract and runs it. */
  dispatch(name: string, request: unknown): Promise<CallResult>;
}

/** The services behind the contract, on one open workspace. */
export function createCore(store: WorkspaceStore): DossierCore {
  const events = new EventBus();
  const annotations = new AnnotationService(store);

  const api: DossierApi = {
    'workspace.info': async () => store.info(),
    'app.startup': async () => {
      const start = store.startArticleId;
      const articleId = start && store.hasArticle(start) ? start : (store.listArticles()[0]?.id ?? null);
      return { articleId };
    },
    'articles.list': async () => ({
      articles: store.listArticles().map(({ id, title, published, sha256, source }) => ({ id, title, published, sha256, source })),
    }),
    'articles.get': async ({ id }) => {
      const { meta, text } = await store.readArticle(id);
      return { article: meta, text };
    },
    'articles.import': async ({ files }) => {
      const outcome = await importArticles(
        store,
        files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
      );
      if (outcome.articles.some((a) => !a.duplicate)) events.emit('workspace.changed', { articleId: null, reason: 'article-imported' });
      return outcome;
    },
    'annotations.list': async ({ articleId }) => ({ annotations: await annotations.list(articleId) }),
    'annotations.create': async ({ articleId, start, end, exact, comment }) => {
      const annotation = await annotations.create(articleId, start, end, comment ?? '', exact);
      events.emit('workspace.changed', { articleId, reason: 'annotation-created' });
      return { annotation };
    },
    'annotations.createFromQuote': async ({ articleId, quote, occurrence, comment }) => {
      const annotation = await annotations.createFromQuote(articleId, quote, comment ?? '', occurrence);
      events.emit('workspace.changed', { articleId, reason: 'annotation-created' });
      return { annotation };
    },
    'annotations.update': async ({ articleId, id, comment, baseRev }) => {
      const annotation = await annotations.updateComment(articleId, id, comment, baseRev);
      events.emit('workspace.changed', { articleId, reason: 'annotation-updated' });
      return { annotation };
    },
    'annotations.delete': async ({ articleId, id }) => {
      await annotations.delete(articleId, id);
      events.emit('workspace.changed', { articleId, reason: 'annotation-deleted' });
      return { deleted: id };
    },
    'export.brief': async ({ articleId, format }) => {
      const { meta } = await store.readArticle(articleId);
      const list = await annotations.list(articleId);
      switch (format) {
        case 'md':
          return { filename: briefFileName(meta, 'md'), mediaType: 'text/markdown', content: markdownBrief(meta, list) };
      }
    },
  };

  async function dispatch(name: string, request: unknown): Promise<CallResult> {
    if (!Object.prototype.hasOwnProperty.call(contract, name)) {
      return { ok: false, error: { code: 'bad-input', message: `Unknown call: ${String(name).slice(0, 80)}` } };
    }
    const call = name as CallName;
    const parsed = contract[call].request.safeParse(request ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'request';
      return { ok: false, error: { code: 'bad-input', message: `Invalid ${call} request (${where}: ${issue?.message ?? 'invalid'}).` } };
    }
    try {
      const handler = api[call] as (req: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  }

  return { api, events, store, dispatch };
}

export function toErrorPayload(error: unknown): { code: string; message: string; file?: string } {
  if (isDossierError(error)) return error.toPayload();
  // Unexpected errors keep their message out of the UI wording but not out of the log.
  console.error(error);
  return new DossierError('internal', `Something went wrong inside Dossier: ${(error as Error)?.message ?? String(error)}`).toPayload();
}
