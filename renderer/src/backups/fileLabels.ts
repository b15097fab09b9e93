/**
 * A workspace file as the analyst knows it ("Highlights of “India and Japan…”"), not as a path.
 * `titles` names articles and notes by id; unknown ids fall back to the id itself.
 */
export function describeWorkspaceFile(file: string, titles: ReadonlyMap<string, string>): string {
  const title = (id: string) => `“${titles.get(id) ?? id}”`;
  const fixed: Record<string, string> = {
    'workspace.json': 'Workspace settings and colours',
    'library.json': 'The list of articles',
    'notes.json': 'The list of notes',
    'entities.json': 'Entities',
    'briefs.json': 'Briefs',
  };
  if (fixed[file]) return fixed[file];
  const note = /^notes\/(note_[^/]+)\.json$/.exec(file);
  if (note) return `Note ${title(note[1]!)}`;
  const revisions = /^notes\/revisions\/(note_[^/]+)\.json$/.exec(file);
  if (revisions) return `Earlier versions of note ${title(revisions[1]!)}`;
  const inArticle = /^articles\/([^/]+)\/(.+)$/.exec(file);
  if (inArticle) {
    const [, id, rest] = inArticle as unknown as [string, string, string];
    const of = title(id);
    if (rest === 'annotations.json') return `Highlights of ${of}`;
    if (rest === 'article.json') return `Details of ${of}`;
    if (rest === 'history.jsonl') return `History of ${of}`;
    if (rest === 'mentions.json') return `Entity mentions in ${of}`;
    const version = /^v(\d+)\/(.+)$/.exec(rest);
    if (version) return version[2] === 'text.json' ? `Text of ${of} (version ${version[1]})` : `Original file of ${of} (version ${version[1]})`;
  }
  return file;
}
