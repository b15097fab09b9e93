import { CREDIBILITY_LABELS, RELIABILITY_LABELS, type Annotation } from '../../common/model/annotation';
import { currentVersion, type ArticleMeta } from '../../common/model/article';
import type { Palette } from '../../common/model/palette';

/**
 * A Markdown brief of one article: header with provenance, then each highlight in document order
 * as a blockquote with its colour meaning, grading, tags, comment, replies and a citation
 * (title, date, character offsets). Orphaned highlights are listed apart, with their old quote.
 */
export function markdownBrief(article: ArticleMeta, annotations: Annotation[], palette: Palette = [], generated = new Date()): string {
  const date = article.published ?? 'undated';
  const version = currentVersion(article);
  const placed = annotations.filter((a) => a.status !== 'orphaned');
  const orphans = annotations.filter((a) => a.status === 'orphaned');
  const lines: string[] = [`# ${inline(article.title)}`, ''];
  const field = (label: string, value: string | null) => value && lines.push(`- **${label}:** ${value}`);
  field('Outlet', article.outlet && inline(article.outlet));
  field('Author', article.author && inline(article.author));
  field('Published', date);
  field('Source', inline(article.source));
  // Only http(s) becomes a link: the URL is editable, and a `<javascript:…>` autolink is an active link.
  field('URL', article.url && (/^https?:\/\//i.test(article.url) ? `<${article.url.replace(/[<>\s]/g, encodeURIComponent)}>` : inline(article.url)));
  field('Imported', article.importedAt.slice(0, 10));
  field('Version', article.versions.length > 1 ? `${version.version} of ${article.versions.length}` : null);
  field('SHA-256', `\`${version.sha256}\``);
  field('Brief generated', generated.toISOString().slice(0, 10));
  lines.push('', `## Highlights (${placed.length})`, '');
  if (placed.length === 0) lines.push('_No highlights yet._', '');
  placed.forEach((a, i) => {
    lines.push(`### ${i + 1}.${heading(a, palette)}`, '');
    lines.push(...quoteBlock(a.target.quote.exact), '');
    lines.push(...annotationBody(a));
    const { start, end } = a.target.position;
    lines.push(`— *${inline(article.title)}*, ${date}, characters ${start}–${end}`, '');
  });
  if (orphans.length > 0) {
    lines.push(`## Highlights not found in the current version (${orphans.length})`, '');
    orphans.forEach((a) => {
      lines.push(...quoteBlock(a.target.quote.exact), '', ...annotationBody(a));
      lines.push(`— *${inline(article.title)}*, version ${a.target.version}, characters ${a.target.position.start}–${a.target.position.end}`, '');
    });
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function heading(a: Annotation, palette: Palette): string {
  const parts: string[] = [];
  const colour = palette.find((p) => p.key === a.color);
  if (colour) parts.push(inline(colour.label));
  if (a.grading) {
    const { reliability, credibility } = a.grading;
    parts.push(`${reliability}${credibility} (${RELIABILITY_LABELS[reliability].toLowerCase()}; ${CREDIBILITY_LABELS[credibility].toLowerCase()})`);
  }
  if (a.status === 'drifted') parts.push('text changed since highlighted');
  return parts.length ? ` ${parts.join(' · ')}` : '';
}

function quoteBlock(exact: string): string[] {
  return exact.split('\n').map((line) => (line.trim() ? `> ${inline(line)}` : '>'));
}

function annotationBody(a: Annotation): string[] {
  const lines: string[] = [];
  if (a.tags.length) lines.push(`Tags: ${a.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ')}`, '');
  if (a.comment.trim()) lines.push(...paragraph(a.comment), '');
  for (const reply of a.replies) {
    lines.push(`- **${inline(reply.creator.name)}** (${reply.created.slice(0, 10)}): ${paragraph(reply.body).join(' ')}`);
  }
  if (a.replies.length) lines.push('');
  return lines;
}

function paragraph(text: string): string[] {
  return text.trim().split('\n').map((l) => (l.trim() ? inline(l) : ''));
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
