import type { BlockContent, FootnoteDefinition, FootnoteReference, Heading, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Annotation } from '../../common/model/annotation';
import type { DateFormatChoice } from '../../common/model/settings';
import type { ArticleMeta } from '../../common/model/article';
import { ENTITY_TYPE_LABELS } from '../../common/model/entity';
import type { NoteContent } from '../../common/model/note';
import { noteToMdast } from '../notes/noteMdast';
import { wikiLink } from '../notes/wikiLink';
import { writeMarkdown } from '../notes/writeMarkdown';
import type { BriefContent, BriefEntityRef, BriefEvent, BriefPassage, BriefRelation, BriefSource } from './briefContent';
import {
  afterTitle,
  colourMeaning,
  entityName,
  eventDate,
  excerptCitation,
  FLAGGED_RELATION,
  gradingText,
  isWebUrl,
  noteCitation,
  oneLine,
  provenance,
  relationPeriod,
  shortDate,
  singleArticle,
} from './briefText';

/**
 * A brief as CommonMark with GFM footnotes and tables: header, summary, each article's provenance
 * and its highlights in document order as blockquotes (colour meaning, grading, tags, comment,
 * replies), notes with `[[Entity]]` wikilinks, and an entity index. Every citation is a footnote
 * giving the article's title, date and character offsets. A brief of one article keeps that
 * article's provenance in its header, as the one-article brief always had.
 *
 * The brief is built as a syntax tree (mdast) and written by mdast-util-to-markdown: whatever an
 * article, a comment or a note says is a text node, escaped for the place it lands in.
 */
export function markdownBrief(content: BriefContent): string {
  return writeMarkdown(new BriefTree(content).build());
}

class BriefTree {
  private readonly blocks: RootContent[] = [];
  /** Footnote text by provisional id; numbered in reading order once the tree is complete. */
  private readonly footnotes = new Map<string, PhrasingContent[]>();

  constructor(private readonly content: BriefContent) {}

  build(): Root {
    const { content } = this;
    const single = singleArticle(content);
    const handling = oneLine(content.handling);
    if (handling) this.push(paragraph(strong(handling)));
    this.push(heading(1, oneLine(content.title)));
    const header = single ? provenanceItems(single, content.dateFormat) : [];
    if (content.author.trim()) header.push(labelled('Prepared by', text(oneLine(content.author))));
    header.push(labelled('Brief generated', text(shortDate(content.generated, content.dateFormat))));
    this.push(list(header));
    if (content.summary) this.push(heading(2, 'Summary'), ...this.note(content.summary, 2));

    const noteCount = content.sections.filter((s) => s.kind === 'note').length;
    let notesHeaded = false;
    for (const section of content.sections) {
      if (section.kind === 'article') {
        if (single) {
          this.highlights(section.source, 2);
        } else {
          this.push(heading(2, oneLine(section.source.article.title)), list(provenanceItems(section.source.article, content.dateFormat)));
          this.highlights(section.source, 3);
        }
        continue;
      }
      const { note, article } = section;
      if (single && !notesHeaded) {
        this.push(heading(2, `Notes (${noteCount})`));
        notesHeaded = true;
      }
      const level = single ? 3 : 2;
      this.push(heading(level, oneLine(note.title) || 'Untitled note'));
      if (article && !single) this.push(paragraph(emphasis(`Note on ${oneLine(article.title)}`)));
      this.push(...this.note(note.content, level, note.title));
    }

    if (content.relations) this.relationsAppendix(content.relations);
    if (content.timeline) this.timelineAppendix(content.timeline);
    if (content.entityIndex) this.entityIndex(content.entityIndex);
    if (handling) this.push(paragraph(strong(handling)));
    return withFootnotes({ type: 'root', children: this.blocks }, this.footnotes);
  }

  private push(...blocks: RootContent[]): void {
    this.blocks.push(...blocks);
  }

  /** A footnote citing `title` at `where`; returns the reference to put after the quote. */
  private cite(title: string, where: string): FootnoteReference {
    const id = String(this.footnotes.size + 1);
    this.footnotes.set(id, [emphasis(oneLine(title)), text(`${afterTitle(where)}.`)]);
    return { type: 'footnoteReference', identifier: id, label: id };
  }

  private highlights(source: BriefSource, level: number): void {
    const { excerpts, orphans } = source;
    this.push(heading(level, `Highlights (${excerpts.length})`));
    if (excerpts.length === 0) this.push(paragraph(emphasis('No highlights yet.')));
    excerpts.forEach((a, i) => {
      this.push(heading(level + 1, `${i + 1}.${this.badges(a)}`));
      this.excerpt(source, a);
    });
    if (orphans.length > 0) {
      this.push(heading(level, `Highlights not found in the current version (${orphans.length})`));
      for (const a of orphans) this.excerpt(source, a);
    }
  }

  private badges(a: Annotation): string {
    const parts: string[] = [];
    const meaning = colourMeaning(a, this.content.palette);
    if (meaning) parts.push(meaning);
    if (a.grading) parts.push(gradingText(a.grading));
    if (a.status === 'drifted') parts.push('text changed since highlighted');
    return parts.length ? ` ${parts.join(' · ')}` : '';
  }

  private excerpt(source: BriefSource, a: Annotation): void {
    this.quote({ quote: a.target.quote.exact, ...excerptCitation(source, a, this.content.dateFormat) });
    if (a.tags.length) {
      const tags = a.tags.flatMap((t, i): PhrasingContent[] => [...(i > 0 ? [text(', ')] : []), { type: 'inlineCode', value: t }]);
      this.push(paragraph(text('Tags: '), ...tags));
    }
    if (a.comment.trim()) this.push(...comment(a.comment));
    if (a.replies.length) {
      this.push(
        list(
          a.replies.map((r) => {
            const body = r.body.trim().split('\n').map((l) => (l.trim() ? l : '')).join(' ');
            return item(paragraph(strong(oneLine(r.creator.name)), text(` (${shortDate(r.created, this.content.dateFormat)}): ${body}`)));
          }),
        ),
      );
    }
  }

  /** A quoted passage as a blockquote, its citation a footnote after the last words. */
  private quote(passage: BriefPassage): void {
    // Blank lines part the quote's paragraphs; a single line break stays one (a soft break).
    const quoted = passage.quote.split(/\n[^\S\n]*\n\s*/).filter((p) => p.trim() !== '');
    const paragraphs = (quoted.length ? quoted : ['']).map((p) => paragraph(text(p)));
    paragraphs.at(-1)!.children.push(this.cite(passage.title, passage.where));
    this.push({ type: 'blockquote', children: paragraphs });
  }

  private relationsAppendix(relations: BriefRelation[]): void {
    this.push(heading(2, `Appendix: Relationships (${relations.length})`));
    for (const r of relations) {
      this.push({ type: 'heading', depth: 3, children: [entityLink(r.from), text(` —${oneLine(r.label)}→ `), entityLink(r.to)] });
      const facts = [labelled('Grading', text(r.grading ? gradingText(r.grading) : 'ungraded'))];
      const period = relationPeriod(r);
      if (period) facts.push(labelled('Period', text(period)));
      this.push(list(facts));
      if (r.flagged) this.push(paragraph(strong(FLAGGED_RELATION)));
      for (const passage of r.evidence) this.quote(passage);
    }
  }

  /** One row per event; each passage's citation is a footnote, as a highlight's is. */
  private timelineAppendix(events: BriefEvent[]): void {
    this.push(heading(2, `Appendix: Timeline (${events.length})`));
    const cells = (children: PhrasingContent[][]): TableRow => ({ type: 'tableRow', children: children.map((c) => ({ type: 'tableCell', children: c })) });
    this.push({
      type: 'table',
      align: [null, null, null, null],
      children: [
        cells(['Date', 'Event', 'Entities', 'Passage'].map((h) => [text(h)])),
        ...events.map((e) =>
          cells([
            [text(eventDate(e.date, this.content.dateFormat))],
            [text(oneLine(e.label))],
            e.entities.flatMap((ref, i) => [...(i > 0 ? [text(', ')] : []), entityLink(ref)]),
            [text(`“${oneLine(e.passage.quote)}”`), this.cite(e.passage.title, e.passage.where)],
          ]),
        ),
      ],
    });
  }

  /** The note's blocks, with its mentions as wikilinks and its citations as footnotes, fitted under a heading of `level`. */
  private note(note: NoteContent, level: number, title?: string): BlockContent[] {
    const blocks = noteToMdast(note, {
      entityName: (id) => this.content.entityNames[id],
      citation: (c) => {
        const cited = noteCitation(this.content, c);
        return [text(`“${oneLine(c.quote)}”`), this.cite(cited.title, cited.where)];
      },
    });
    // A note that opens with its own title would show it twice under the heading the brief gives it.
    const first = blocks[0];
    if (title !== undefined && first?.type === 'heading' && oneLine(toString(first)) === oneLine(title)) blocks.shift();
    // The note's top heading goes just under the brief's heading for the note.
    const headings = blocks.filter((b): b is Heading => b.type === 'heading');
    const shift = Math.max(0, level + 1 - Math.min(7, ...headings.map((h) => h.depth)));
    for (const h of headings) h.depth = Math.min(6, h.depth + shift) as Heading['depth'];
    return blocks;
  }

  private entityIndex(rows: NonNullable<BriefContent['entityIndex']>): void {
    this.push(heading(2, `Entity index (${rows.length})`));
    if (rows.length === 0) {
      this.push(paragraph(emphasis('No entities named.')));
      return;
    }
    const row = (cells: PhrasingContent[]): TableRow => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: [c] })) });
    this.push({
      type: 'table',
      align: [null, null, 'right', null],
      children: [
        row(['Entity', 'Type', 'Mentions', 'Mentioned in'].map((h) => text(h))),
        ...rows.map((r) =>
          row([
            wikiLink(r.name),
            text(ENTITY_TYPE_LABELS[r.type]),
            text(String(r.mentionCount)),
            text(r.mentionedIn.map((m) => `${m.kind === 'note' ? 'note ' : ''}${oneLine(m.title)}`).join('; ')),
          ]),
        ),
      ],
    });
  }
}

/** `[[Name]]` as mentions in notes link; an entity deleted since is named as such, without a link. */
function entityLink(ref: BriefEntityRef): PhrasingContent {
  return ref.name === null ? emphasis(entityName(ref)) : wikiLink(ref.name);
}

function provenanceItems(article: ArticleMeta, choice?: DateFormatChoice): ListItem[] {
  return provenance(article, choice).map((row) => {
    if (row.kind === 'hash') return labelled(row.label, { type: 'inlineCode', value: row.value });
    if (row.kind === 'url' && isWebUrl(row.value)) {
      // Shown as an autolink (`<https://…>`), which cannot hold spaces or angle brackets.
      const url = row.value.replace(/[<>\s]/g, encodeURIComponent);
      return labelled(row.label, { type: 'link', url, children: [text(url)] });
    }
    return labelled(row.label, text(oneLine(row.value)));
  });
}

/** Blank lines separate paragraphs; a single line break stays one (a hard break). */
function comment(body: string): Paragraph[] {
  return body
    .trim()
    .split(/\n\s*\n/)
    .map((p) => paragraph(...p.split('\n').flatMap((line, i): PhrasingContent[] => [...(i > 0 ? [{ type: 'break' } as const] : []), text(line.trim())])));
}

/**
 * Footnote references numbered in reading order, their definitions listed at the end in that
 * order. A footnote whose reference was dropped (inside a note's repeated title) is left out.
 */
function withFootnotes(root: Root, footnotes: Map<string, PhrasingContent[]>): Root {
  const numbers = new Map<string, string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'footnoteReference') {
      if (!numbers.has(node.identifier)) numbers.set(node.identifier, String(numbers.size + 1));
      node.identifier = node.label = numbers.get(node.identifier)!;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  const definitions = [...numbers].map(([id, n]): FootnoteDefinition => ({ type: 'footnoteDefinition', identifier: n, label: n, children: [paragraph(...footnotes.get(id)!)] }));
  return { ...root, children: [...root.children, ...definitions] };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function strong(value: string): PhrasingContent {
  return { type: 'strong', children: [text(value)] };
}

function emphasis(value: string): PhrasingContent {
  return { type: 'emphasis', children: [text(value)] };
}

function paragraph(...children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}

function heading(depth: number, value: string): Heading {
  return { type: 'heading', depth: Math.min(6, depth) as Heading['depth'], children: [text(value)] };
}

function item(...children: BlockContent[]): ListItem {
  return { type: 'listItem', spread: false, children };
}

function list(items: ListItem[]): RootContent {
  return { type: 'list', ordered: false, spread: false, children: items };
}

/** `- **Label:** value`, the shape of every provenance line. */
function labelled(label: string, value: PhrasingContent): ListItem {
  return item(paragraph(strong(`${label}:`), text(' '), value));
}
