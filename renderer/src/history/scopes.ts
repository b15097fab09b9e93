import { articleScope, type HistoryScope } from '../../../electron/common/model/history';
import { t } from '../i18n/i18n';

/** What a view's Ctrl/Cmd+Z walks: the view's own steps; the search view, having none, walks all of them. */
export function scopeOfView(view: { kind: string }, articleId: string | null): HistoryScope | undefined {
  switch (view.kind) {
    case 'article':
      return articleId ? articleScope(articleId) : undefined;
    case 'notes':
      return 'notes';
    case 'entity':
    case 'entities':
    case 'graph':
      return 'entities';
    case 'briefs':
      return 'briefs';
    case 'timeline':
      return 'timeline';
    case 'trash':
      return 'library';
    default:
      return undefined;
  }
}

/** A scope as the history list names it: "Notes", or the article's title. */
export function describeScope(scope: HistoryScope, titles: ReadonlyMap<string, string>): string {
  if (scope.startsWith('article:')) return titles.get(scope.slice('article:'.length)) ?? t('history:anArticleNoLongerIn');
  return NAMES[scope] ? t(NAMES[scope]) : scope;
}

const NAMES: Record<string, string> = {
  notes: 'history:notes',
  entities: 'history:entities',
  briefs: 'history:briefs',
  timeline: 'history:timeline',
  library: 'history:library',
  workspace: 'history:workspace',
};

/** "add highlight" → "Add highlight". */
export const capitalised = (label: string) => label.charAt(0).toLocaleUpperCase() + label.slice(1);
