/**
 * The contract's call and event names without their schemas: what the sandboxed preload needs to
 * reject unknown names, without bundling zod. contract.ts checks at compile time that these lists
 * and its keys are the same.
 */
export const CALL_NAME_LIST = [
  'workspace.info',
  'workspace.notices',
  'app.startup',
  'articles.list',
  'articles.get',
  'articles.import',
  'articles.updateMeta',
  'articles.replace',
  'articles.versionText',
  'articles.rename',
  'articles.archive',
  'articles.trash',
  'articles.restore',
  'articles.trashed',
  'articles.emptyTrash',
  'annotations.list',
  'annotations.create',
  'annotations.createFromQuote',
  'annotations.update',
  'annotations.delete',
  'annotations.reattach',
  'replies.add',
  'replies.update',
  'replies.delete',
  'entities.list',
  'entities.forArticle',
  'entities.accept',
  'entities.acceptAll',
  'entities.linkKnown',
  'entities.reject',
  'entities.link',
  'entities.unlink',
  'entities.update',
  'entities.merge',
  'entities.page',
  'entities.detect',
  'entities.create',
  'entities.resolve',
  'notes.list',
  'notes.get',
  'notes.create',
  'notes.save',
  'notes.update',
  'notes.delete',
  'notes.tags',
  'backups.list',
  'backups.files',
  'backups.take',
  'backups.restore',
  'backups.newest',
  'notes.revisions',
  'notes.revision',
  'notes.restoreRevision',
  'workspace.setPalette',
  'history.undo',
  'history.redo',
  'history.state',
  'briefs.list',
  'briefs.get',
  'briefs.create',
  'briefs.update',
  'briefs.delete',
  'relations.list',
  'relations.create',
  'relations.update',
  'relations.delete',
  'relations.types',
  'relations.addType',
  'relations.suggestions',
  'relations.dismissSuggestion',
  'export.brief',
  'search.query',
  'search.reindex',
  'timeline.list',
  'timeline.suggestions',
  'timeline.confirm',
  'timeline.dismiss',
  'timeline.add',
  'timeline.update',
  'timeline.delete',
  'graph.data',
  'graph.setPositions',
  'graph.export',
] as const;

export const EVENT_NAME_LIST = ['workspace.changed', 'workspace.notice', 'app.command', 'import.progress', 'export.progress', 'search.progress'] as const;

export type CallNameLiteral = (typeof CALL_NAME_LIST)[number];
export type EventNameLiteral = (typeof EVENT_NAME_LIST)[number];

const calls: ReadonlySet<string> = new Set(CALL_NAME_LIST);
const events: ReadonlySet<string> = new Set(EVENT_NAME_LIST);

export function isCallName(name: unknown): name is CallNameLiteral {
  return typeof name === 'string' && calls.has(name);
}

export function isEventName(name: unknown): name is EventNameLiteral {
  return typeof name === 'string' && events.has(name);
}
