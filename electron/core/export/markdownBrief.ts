import type { Annotation } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';
import type { NoteContent } from '../../common/model/note';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { noteToMarkdown } from '../notes/renderNote';
import type { BriefContent, BriefSource } from './briefContent';
import {
  colourMeaning,
  excerptCitation,
  gradingText,
  isWebUrl,
  noteCitation,
  oneLine,
  provenance,
  shortDate,
  singleArticle,
} from './briefText';
import { ENTITY_TYPE_LABELS } from '../../common/model/entity';
import { inertMarkdown, inline, wikilink } from './markdownEscape';

/**
 * A brief as CommonMark with GFM footnotes and tables: header, summary, each article's provenance
 * and its highlights in document order as blockquotes (colour meaning, grading, tags, comment,
 * replies), notes with `[[Entity]]` wikilinks, and an entity index. Every citation is a footnote
 * giving the article's title, date and character offsets. A brief of one article keeps that
 * article's provenance in its header, as the one-article brief always had.
 */
export function markdownBrief(content: BriefContent): string {
  const out = new Writer(content);
  const single = singleArticle(content);
  if (content.handling.trim()) out.push(`**${inline(oneLine(content.handling))}**`, '');
  out.push(`# ${inline(oneLine(content.title))}`, '');
  if (single) out.provenance(single);
  if (content.author.trim()) out.push(`- **Prepared by:** ${inline(oneLine(content.author))}`);
  out.push(`- **Brief generated:** ${shortDate(content.generated)}`, '');
  if (content.summary) out.push('## Summary', '', out.note(content.summary, 2), '');

  const noteCount = content.sections.filter((s) => s.kind === 'note').length;
  let notesHeaded = false;
  for (const section of content.sections) {
    if (section.kind === 'article') {
      if (single) {
        out.highlights(section.source, 2);
      } else {
        out.push(`## ${inline(oneLine(section.source.article.title))}`, '');
        out.provenance(section.source.article);
        out.push('');
        out.highlights(section.source, 3);
      }
      continue;
    }
    const { note, article } = section;
    if (single && !notesHeaded) {
      out.push(`## Notes (${noteCount})`, '');
      notesHeaded = true;
    }
    const level = single ? 3 : 2;
    out.push(`${'#'.repeat(level)} ${inline(oneLine(note.title) || 'Untitled note')}`, '');
    if (article && !single) out.push(`*Note on ${inline(oneLine(article.title))}*`, '');
    out.push(out.note(note.content, level, note.title), '');
  }

  if (content.entityIndex) {
    out.push(`## Entity index (${content.entityIndex.length})`, '');
    if (content.entityIndex.length === 0) out.push('_No entities named._', '');
    else {
      out.push('| Entity | Type | Mentions | Mentioned in |', '|---|---|---:|---|');
      for (const row of content.entityIndex) {
        const where = row.mentionedIn.map((m) => `${m.kind === 'note' ? 'note ' : ''}${inline(oneLine(m.title))}`).join('; ');
        out.push(`| ${wikilink(row.name)} | ${ENTITY_TYPE_LABELS[row.type]} | ${row.mentionCount} | ${where} |`);
      }
      out.push('');
    }
  }
  if (content.handling.trim()) out.push(`**${inline(oneLine(content.handling))}**`, '');
  return out.finish();
}

class Writer {
  private readonly lines: string[] = [];
  private readonly footnotes: string[] = [];
  /** Footnote markers inside a note's Markdown are placeholders until the note is made inert. */
  private readonly nonce = Math.random().toString(36).slice(2, 10);

  constructor(private readonly content: BriefContent) {}

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  /** A footnote of this text; returns its marker. */
  footnote(text: string): string {
    this.footnotes.push(text);
    return `[^${this.footnotes.length}]`;
  }

  provenance(article: ArticleMeta): void {
    for (const row of provenance(article)) {
      const value =
        row.kind === 'hash'
          ? `\`${row.value}\``
          : row.kind === 'url' && isWebUrl(row.value)
            ? `<${row.value.replace(/[<>\s]/g, encodeURIComponent)}>`
            : inline(oneLine(row.value));
      this.lines.push(`- **${row.label}:** ${value}`);
    }
  }

  highlights(source: BriefSource, level: number): void {
    const h = '#'.repeat(level);
    const { article, excerpts, orphans } = source;
    this.push(`${h} Highlights (${excerpts.length})`, '');
    if (excerpts.length === 0) this.push('_No highlights yet._', '');
    excerpts.forEach((a, i) => {
      this.push(`${h}# ${i + 1}.${this.heading(a)}`, '');
      this.excerpt(article, a);
    });
    if (orphans.length > 0) {
      this.push(`${h} Highlights not found in the current version (${orphans.length})`, '');
      for (const a of orphans) this.excerpt(article, a);
    }
  }

  /** Converts the note's Lexical JSON, with its mentions as wikilinks and its citations as footnotes. */
  note(note: NoteContent, level: number, title?: string): string {
    const pending: string[] = [];
    const rendered = noteToMarkdown(note, {
      entityName: (id) => this.content.entityNames[id],
      citation: (c) => {
        const cited = noteCitation(this.content, c);
        pending.push(`*${inline(oneLine(cited.title))}*, ${cited.where}.`);
        return `“${inline(oneLine(c.quote))}”\uE000${this.nonce}:${pending.length - 1}\uE001`;
      },
    });
    // A note that opens with its own title would show it twice under the heading the brief gives it.
    const md = title ? withoutTitleHeading(rendered, title) : rendered;
    const safe = inertMarkdown(md, level);
    return safe.replace(new RegExp(`\uE000${this.nonce}:(\\d+)\uE001`, 'g'), (_m, i: string) => this.footnote(pending[Number(i)]!)).trim();
  }

  finish(): string {
    if (this.footnotes.length > 0) this.push('', ...this.footnotes.map((text, i) => `[^${i + 1}]: ${text}`));
    return `${this.lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
  }

  private heading(a: Annotation): string {
    const parts: string[] = [];
    const meaning = colourMeaning(a, this.content.palette);
    if (meaning) parts.push(inline(meaning));
    if (a.grading) parts.push(gradingText(a.grading));
    if (a.status === 'drifted') parts.push('text changed since highlighted');
    return parts.length ? ` ${parts.join(' · ')}` : '';
  }

  private excerpt(article: ArticleMeta, a: Annotation): void {
    const cited = excerptCitation(article, a);
    const marker = this.footnote(`*${inline(oneLine(cited.title))}*, ${cited.where}.`);
    const quote = a.target.quote.exact.split('\n').map((line) => (line.trim() ? `> ${inline(line)}` : '>'));
    // `!` right before the marker would read as an image: `![^1]`.
    const last = quote.length - 1;
    quote[last] = `${quote[last]!.replace(/!$/, '\\!')}${marker}`;
    this.push(...quote, '');
    if (a.tags.length) this.push(`Tags: ${a.tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(', ')}`, '');
    if (a.comment.trim()) this.push(...paragraphs(a.comment), '');
    for (const reply of a.replies) {
      this.push(`- **${inline(reply.creator.name)}** (${shortDate(reply.created)}): ${paragraph(reply.body).join(' ')}`);
    }
    if (a.replies.length) this.push('');
  }
}

/** Blank lines separate paragraphs; a single line break stays one (a hard break). */
function paragraphs(text: string): string[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .flatMap((p, i) => [...(i > 0 ? [''] : []), p.split('\n').map((l) => inline(l.trim())).join('\\\n')]);
}

function withoutTitleHeading(md: string, title: string): string {
  const first = fromMarkdown(md).children[0];
  if (first?.type !== 'heading' || oneLine(toString(first)) !== oneLine(title)) return md;
  return md.slice(first.position?.end.offset ?? 0).trimStart();
}

function paragraph(text: string): string[] {
  return text.trim().split('\n').map((l) => (l.trim() ? inline(l) : ''));
}
