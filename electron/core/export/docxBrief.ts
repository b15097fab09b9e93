import { AlignmentType, Bookmark, Document, Footer, Header, HeadingLevel, InternalHyperlink, Packer, PageNumber, Paragraph, Tab, TextRun, type ParagraphChild, type Table } from 'docx';
import { formatDateTime } from '../../common/text/dateFormat';
import { deriveNote } from '../../common/notes/deriveNote';
import type { Note } from '../../common/model/note';
import type { BriefContent, BriefContentSection } from './briefContent';
import { relationsToDocx, timelineToDocx } from './docx/appendixToDocx';
import { DocxParts } from './docx/docxParts';
import { ACCENT, META_TABS, MUTED, PAGE, STYLE, briefNumbering, briefStyles } from './docx/docxStyles';
import { isoDay, isRtl, textRuns, xmlSafe } from './docx/docxText';
import { entityIndexTable } from './docx/entityIndexTable';
import { noteToDocx } from './docx/noteToDocx';
import { sourceToDocx } from './docx/sourceToDocx';
import { countOf } from '../../common/text/plural';

/**
 * The brief as a Word document: a header block, the summary, the sections in the analyst's order
 * (articles with their excerpts as quotes carrying real Word comments; notes from their Lexical
 * JSON) and the entity index as a table. Headings use Word's built-in Heading styles, so the
 * navigation pane and a table of contents work; the handling line and "Page N of M" are in the
 * header and footer of every page.
 */
export async function docxBrief(content: BriefContent): Promise<Uint8Array> {
  const parts = new DocxParts();
  // Bookmarks first, so the entity index and a note on an article can link to sections anywhere in the brief.
  for (const section of content.sections) {
    if (section.kind === 'article') parts.bookmarkFor('article', section.source.article.id);
    else parts.bookmarkFor('note', section.note.id);
  }

  const body: (Paragraph | Table)[] = [...titleBlock(content)];
  if (content.summary && deriveNote(content.summary).text.trim() !== '') {
    body.push(heading1('Summary'), ...noteToDocx(content.summary, { parts, content, headingShift: 1 }));
  }
  for (const section of content.sections) body.push(...sectionToDocx(section, content, parts));
  if (content.relations) body.push(...relationsToDocx(content.relations));
  if (content.timeline) body.push(...timelineToDocx(content.timeline, content.dateFormat));
  if (content.entityIndex) {
    body.push(heading1('Entity index'));
    if (content.entityIndex.length === 0) body.push(new Paragraph({ children: textRuns('No entities are named in this brief.', { italics: true }) }));
    else body.push(entityIndexTable(content.entityIndex, parts));
  }

  const title = xmlSafe(content.title);
  const author = xmlSafe(content.author);
  const doc = new Document({
    title,
    creator: author || 'Dossier',
    lastModifiedBy: author || 'Dossier',
    description: 'Brief exported from Dossier',
    styles: briefStyles(),
    numbering: briefNumbering(parts.listStarts),
    comments: { children: parts.comments },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: { default: new Header({ children: [handlingParagraph(content)] }) },
        footers: { default: new Footer({ children: footer(content) }) },
        children: body,
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}

function titleBlock(content: BriefContent): Paragraph[] {
  const notes = content.sections.filter((s) => s.kind === 'note').length;
  const articles = content.sections.length - notes;
  const passages = content.sections.reduce((n, s) => n + (s.kind === 'article' ? s.source.excerpts.length + s.source.orphans.length : 0), 0);
  const lines: [string, string, boolean][] = [];
  if (content.author.trim()) lines.push(['Author', content.author, false]);
  lines.push(['Generated', content.dateFormat ? formatDateTime(content.generated, content.dateFormat) : generatedAt(content.generated), false]);
  if (content.handling.trim()) lines.push(['Handling', content.handling, true]);
  lines.push(['Contents', `${countOf(articles, 'article')} · ${countOf(passages, 'annotated passage')} · ${countOf(notes, 'note')}`, false]);
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, bidirectional: isRtl(content.title) || undefined, children: textRuns(content.title || 'Untitled brief') }),
    ...lines.map(
      ([label, value, strong], i) =>
        new Paragraph({
          style: STYLE.meta,
          tabStops: [...META_TABS],
          keepNext: true,
          spacing: i === lines.length - 1 ? { after: 240 } : undefined,
          children: [new TextRun({ text: label, bold: true }), new TextRun({ children: [new Tab()] }), ...textRuns(value, strong ? { bold: true, color: ACCENT } : {})],
        }),
    ),
  ];
}

function sectionToDocx(section: BriefContentSection, content: BriefContent, parts: DocxParts): Paragraph[] {
  if (section.kind === 'article') return sourceToDocx(section.source, parts, content.palette, content.dateFormat);
  return noteSection(section.note, section.article, content, parts);
}

function noteSection(note: Note, article: { id: string; title: string } | null, content: BriefContent, parts: DocxParts): Paragraph[] {
  const title = note.title.trim() || 'Untitled note';
  const out = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      bidirectional: isRtl(title) || undefined,
      children: [new Bookmark({ id: parts.bookmarkFor('note', note.id), children: textRuns(title) })],
    }),
  ];
  const about: ParagraphChild[] = textRuns('Note', { italics: true });
  if (article) {
    const anchor = parts.existingBookmark('article', article.id);
    const articleTitle = textRuns(article.title, { italics: true, ...(anchor ? { style: STYLE.hyperlink } : {}) });
    about.push(...textRuns(' on “', { italics: true }), ...(anchor ? [new InternalHyperlink({ anchor, children: articleTitle })] : articleTitle), ...textRuns('”', { italics: true }));
  }
  about.push(...textRuns(` · last edited ${isoDay(note.modified)}`, { italics: true }));
  out.push(new Paragraph({ style: STYLE.meta, indent: { left: 0, hanging: 0 }, spacing: { after: 160 }, children: about }));
  out.push(...noteToDocx(note.content, { parts, content, headingShift: 1, title: note.title }));
  return out;
}

function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(text) });
}

/** Centred in the header; a brief without a handling line shows its title there instead. */
function handlingParagraph(content: BriefContent): Paragraph {
  const handling = content.handling.trim();
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 0 },
    bidirectional: isRtl(handling || content.title) || undefined,
    children: handling ? textRuns(handling, { bold: true, size: 17, color: ACCENT }) : textRuns(content.title, { size: 16, color: MUTED }),
  });
}

function footer(content: BriefContent): Paragraph[] {
  const pages = new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 0 },
    children: [new TextRun({ size: 16, color: MUTED, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
  });
  return content.handling.trim() ? [handlingParagraph(content), pages] : [pages];
}

function generatedAt(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

