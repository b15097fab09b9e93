import type { Annotation } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';

/**
 * A Markdown brief of one article: header with provenance, then each highlight in document order
 * as a blockquote, its comment, and a citation (title, date, character offsets).
 */
export function markdownBrief(article: ArticleMeta, annotations: Annotation[], generated = new Date()): string {
  const date = article.published ?? 'undated';
  const lines: string[] = [
    `# ${inline(article.title)}`,
    '',
    `- **Source:** ${inline(article.source)}`,
    `- **Published:** ${date}`,
    `- **Imported:** ${article.importedAt.slice(0, 10)}`,
    `- **SHA-256:** \`${article.sha256}\``,
    `- **Brief generated:** ${generated.toISOString().slice(0, 10)}`,
    '',
    `## Highlights (${annotations.length})`,
    '',
  ];
  if (annotations.length === 0) lines.push('_No highlights yet._', '');
  annotations.forEach((a, i) => {
    const { start, end } = a.target.position;
    lines.push(`### ${i + 1}.`, '');
    for (const quoteLine of a.target.quote.exact.split('\n')) {
      lines.push(quoteLine.trim() ? `> ${inline(quoteLine)}` : '>');
    }
    lines.push('');
    if (a.comment.trim()) {
      lines.push(...a.comment.trim().split('\n').map((l) => (l.trim() ? inline(l) : '')), '');
    }
    lines.push(`— *${inline(article.title)}*, ${date}, characters ${start}–${end}`, '');
  });
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/**
 * Escapes what would turn article or comment text into markup: emphasis, links, raw HTML,
 * code spans, tables, and block syntax at the start of a line.
 */
export function inline(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)(#{1,6}|[>+-])(?=\s|$)/, '$1\\$2')
    // A line of only = or - would turn the line above it into a (setext) heading.
    .replace(/^(\s*)([=-])(?=[=\s-]*$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

export function briefFileName(article: ArticleMeta, ext: string): string {
  const slug = article.title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    // Letters of any script stay: a Russian or Chinese title gives a Russian or Chinese file name.
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  const short = Array.from(slug).slice(0, 60).join('').replace(/-$/, '');
  return `${short || 'article'}-brief.${ext}`;
}
