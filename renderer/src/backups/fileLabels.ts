import { t } from '../i18n/i18n';

/**
 * A workspace file as the analyst knows it ("Highlights of “India and Japan…”"), not as a path,
 * in the UI language and quoted in its way («…» in Arabic).
 * `titles` names articles and notes by id; unknown ids fall back to the id itself.
 */
export function describeWorkspaceFile(file: string, titles: ReadonlyMap<string, string>): string {
  const title = (id: string) => t('ui:quoted', { text: titles.get(id) ?? id });
  const fixed: Record<string, string> = {
    'workspace.json': t('backups:fileWorkspace'),
    'library.json': t('backups:fileLibrary'),
    'notes.json': t('backups:fileNotes'),
    'entities.json': t('backups:fileEntities'),
    'briefs.json': t('backups:fileBriefs'),
    'relations.json': t('backups:fileRelationships'),
    'graph.json': t('backups:fileChartLayout'),
  };
  if (fixed[file]) return fixed[file];
  const note = /^notes\/(note_[^/]+)\.json$/.exec(file);
  if (note) return t('backups:fileNote', { title: title(note[1]!) });
  const revisions = /^notes\/revisions\/(note_[^/]+)\.json$/.exec(file);
  if (revisions) return t('backups:earlierVersionsOfNote', { title: title(revisions[1]!) });
  const inArticle = /^articles\/([^/]+)\/(.+)$/.exec(file);
  if (inArticle) {
    const [, id, rest] = inArticle as unknown as [string, string, string];
    const of = title(id);
    if (rest === 'annotations.json') return t('backups:highlightsOf', { of });
    if (rest === 'article.json') return t('backups:detailsOf', { of });
    if (rest === 'history.jsonl') return t('backups:historyOf', { of });
    if (rest === 'mentions.json') return t('backups:entityMentionsIn', { of });
    if (rest === 'timeline.json') return t('backups:fileTimelineOf', { of });
    const version = /^v(\d+)\/(.+)$/.exec(rest);
    if (version) return version[2] === 'text.json' ? t('backups:textOfVersion', { of, value: version[1] }) : t('backups:originalFileOfVersion', { of, value: version[1] });
  }
  return file;
}
