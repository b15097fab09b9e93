import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../common/model/annotation';
import type { BriefContent, BriefSource } from './briefContent';
import { docxBrief } from './docxBrief';
import { DELETED_CITATION, SAMPLE_ARTICLE_IDS, briefAnnotation, briefArticle, briefNote, briefReply, sampleBriefContent } from './testing/briefFixtures';
import { R, W15, all, attr, commentedText, comments, paragraphs, readDocx, schemaOrderProblems, textOf, type DocxPackage } from './testing/docxXml';
import { buildNote } from '../../common/notes/testing/noteFixtures';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { $createLinkNode } from '@lexical/link';
import { $createEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';

async function render(content: BriefContent): Promise<DocxPackage> {
  return readDocx(await docxBrief(content));
}

function sources(content: BriefContent): BriefSource[] {
  return content.sections.flatMap((s) => (s.kind === 'article' ? [s.source] : []));
}

describe('docxBrief', () => {
  it('writes a package whose every XML part is well-formed', async () => {
    const docx = await render(sampleBriefContent());
    for (const part of ['word/document.xml', 'word/comments.xml', 'word/commentsExtended.xml', 'word/header1.xml', 'word/footer1.xml', 'word/numbering.xml', 'word/styles.xml']) {
      expect(docx.names).toContain(part);
    }
    for (const name of docx.names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) expect(() => docx.xml(name)).not.toThrow();
    for (const name of docx.names.filter((n) => n.startsWith('word/') && n.endsWith('.xml'))) expect([name, schemaOrderProblems(docx.xml(name))]).toEqual([name, []]);
  });

  it('styles the title and headings with Word heading styles, in the analyst’s section order', async () => {
    const docx = await render(sampleBriefContent());
    const headings = paragraphs(docx.xml('word/document.xml')).filter((p) => p.style === 'Title' || p.style?.startsWith('Heading'));
    expect(headings.map((p) => `${p.style}: ${p.text}`)).toEqual([
      'Title: India–Japan defence cooperation: weekly brief',
      'Heading1: Summary',
      'Heading1: India and Japan defence ministers meet',
      'Heading2: Annotated excerpts (3)',
      'Heading2: Not found in the current version (1)',
      'Heading1: Meeting readout',
      'Heading1: ASEAN defence meeting ends with call for restraint',
      'Heading2: Annotated excerpts (2)',
      'Heading1: Open questions',
      'Heading1: Entity index',
    ]);
    const styles = docx.xml('word/styles.xml');
    const names = all(styles, 'style').map((s) => `${attr(s, 'styleId')}=${attr(all(s, 'name')[0]!, 'val')}`);
    expect(names).toEqual(expect.arrayContaining(['Title=Title', 'Heading1=Heading 1', 'Heading2=Heading 2', 'Heading3=Heading 3', 'Quote=Quote']));
  });

  it('opens with author, date and handling line, and shows each article’s provenance', async () => {
    const content = sampleBriefContent();
    const text = paragraphs((await render(content)).xml('word/document.xml')).map((p) => p.text);
    expect(text).toEqual(expect.arrayContaining(['Author\tR. Analyst', 'Generated\t2025-06-03 12:00 UTC', 'Handling\tOFFICIAL-SENSITIVE — FOR INTERNAL USE ONLY']));
    // The current version's hash, not the first version's; the wording is the one every format shares.
    expect(text).toEqual(
      expect.arrayContaining([
        'Outlet\tThe Hindu',
        'Published\t2025-05-04',
        'Imported\t2025-06-01',
        'Version\t2 of 2',
        'SHA-256\t1d7601e182b7ba63344bfd90e6abb93f8c5882ec15839c3081c56ed19424ec43',
        'Source\tadmm-plus-vientiane.html',
      ]),
    );
  });

  it('anchors a Word comment on exactly the quoted words of each annotation, holding the whole annotation', async () => {
    const content = sampleBriefContent();
    const docx = await render(content);
    const doc = docx.xml('word/document.xml');
    const byId = new Map(comments(docx.xml('word/comments.xml')).map((c) => [c.id, c]));
    const starts = all(doc, 'commentRangeStart').map((el) => Number(attr(el, 'id')));
    const annotations = sources(content).flatMap((s) => [...s.excerpts, ...s.orphans]);
    const replyParaIds = new Set(all(docx.xml('word/commentsExtended.xml'), 'commentEx', W15).filter((el) => attr(el, 'paraIdParent', W15)).map((el) => attr(el, 'paraId', W15)));
    const roots = [...byId.values()].filter((c) => !replyParaIds.has(c.paraId));
    expect(roots).toHaveLength(annotations.length);

    annotations.forEach((a, i) => {
      const comment = roots[i]!;
      expect(starts).toContain(comment.id);
      expect(commentedText(doc, comment.id)).toBe(a.target.quote.exact);
      expect(comment.author).toBe(a.creator.name);
      if (a.comment) for (const line of a.comment.split('\n')) expect(comment.text).toContain(line);
      for (const tag of a.tags) expect(comment.text).toContain(tag);
      if (a.grading) expect(comment.text).toContain(`${a.grading.reliability}${a.grading.credibility}`);
    });
    const first = roots[0]!.text;
    expect(first).toContain('Colour: Claim');
    expect(first).toContain('Grading: B2 (usually reliable; probably true)');
    expect(first).toContain('Tags: defence-industry, bilateral');
    expect(roots[2]!.text).toContain('Highlighted without a comment.');
    expect(roots[2]!.text).toContain('The wording changed since it was annotated.');
    expect(roots[3]!.text).toContain('Not found in the current version; annotated in version 1.');
    // Every comment the body refers to exists, once.
    const references = all(doc, 'commentReference').map((el) => Number(attr(el, 'id')));
    expect([...references].sort((x, y) => x - y)).toEqual([...byId.keys()].sort((x, y) => x - y));
    expect(all(doc, 'commentRangeEnd')).toHaveLength(byId.size);
  });

  it('writes replies as a Word comment thread on the same words', async () => {
    const docx = await render(sampleBriefContent());
    const doc = docx.xml('word/document.xml');
    const list = comments(docx.xml('word/comments.xml'));
    const parent = list.find((c) => c.text.startsWith('First ministerial-level'))!;
    const replies = list.filter((c) => c.id === parent.id + 1 || c.id === parent.id + 2);
    expect(replies.map((r) => [r.author, r.text])).toEqual([
      ['J. Reviewer', 'The Tokyo readout says “accelerate” rather than “deepen”; worth flagging.'],
      ['R. Analyst', 'Agreed. Added to the follow-up list.'],
    ]);
    const threads = all(docx.xml('word/commentsExtended.xml'), 'commentEx', W15).map((el) => [attr(el, 'paraId', W15), attr(el, 'paraIdParent', W15)]);
    for (const reply of replies) {
      expect(threads).toContainEqual([reply.paraId, parent.paraId]);
      expect(commentedText(doc, reply.id)).toBe('the two ministers agreed to deepen cooperation');
    }
  });

  it('shows a grading badge, the colour meaning and a citation line beside each quote', async () => {
    const docx = await render(sampleBriefContent());
    const ps = paragraphs(docx.xml('word/document.xml'));
    const quote = ps.findIndex((p) => p.style === 'Quote' && p.text === 'the two ministers agreed to deepen cooperation');
    expect(ps[quote - 1]!.text).toMatch(/^1\s+■ Claim\s+ B2 {2}Usually reliable; probably true$/);
    expect(ps[quote + 1]!.text).toBe('— India and Japan defence ministers meet, 2025-05-04, ¶ 1');
    const drifted = ps.findIndex((p) => p.text === 'a logistics agreement signed in 2020');
    expect(ps[drifted - 1]!.text).toContain('Key date');
    expect(ps[drifted - 1]!.text).toContain('Wording changed since annotated');
    // The quote's left rule takes the palette colour, so colour and its label appear together.
    expect(attr(all(ps[quote]!.el, 'left').find((el) => el.parentElement?.localName === 'pBdr')!, 'color')).toBe('F2C230');
  });

  it('lists orphaned annotations apart, after the placed ones, with their old version', async () => {
    const ps = paragraphs((await render(sampleBriefContent())).xml('word/document.xml'));
    const heading = ps.findIndex((p) => p.text === 'Not found in the current version (1)');
    const orphan = ps.findIndex((p) => p.text === 'talks lasted nearly three hours');
    const lastPlaced = ps.findIndex((p) => p.text === 'a logistics agreement signed in 2020');
    expect(lastPlaced).toBeLessThan(heading);
    expect(heading).toBeLessThan(orphan);
    expect(ps[orphan]!.style).toBe('Quote');
    expect(ps[orphan + 1]!.text).toBe('— India and Japan defence ministers meet, version 1, ¶ 1');
  });

  it('keeps a quote that spans paragraphs of the article inside one comment range, line breaks and all', async () => {
    const content = sampleBriefContent();
    const source = sources(content)[0]!;
    const text = 'First paragraph ends here.\n\nSecond paragraph starts here.';
    const across = briefAnnotation(source.article.id, text, 'ends here.\n\nSecond paragraph', { comment: 'Spans two paragraphs.', color: '#bad' });
    const docx = await render({ ...content, sections: [{ kind: 'article', source: { ...source, excerpts: [across], orphans: [] } }] });
    const [comment] = comments(docx.xml('word/comments.xml'));
    expect(commentedText(docx.xml('word/document.xml'), comment!.id)).toBe('ends here.\n\nSecond paragraph');
  });

  it('cites a note’s passages inline under the article’s current title, and says when a passage was deleted', async () => {
    const body = paragraphs((await render(sampleBriefContent())).xml('word/document.xml'));
    const earlier = body.find((p) => p.text.startsWith('Earlier reading'))!;
    expect(earlier.text).toBe(
      `Earlier reading: “${DELETED_CITATION.quote}” (ASEAN defence meeting ends with call for restraint, 2024-11-21, ¶ 1, passage deleted)`,
    );
    const quoteRun = all(earlier.el, 'r').find((r) => textOf(r) === `“${DELETED_CITATION.quote}”`)!;
    expect(attr(all(quoteRun, 'color')[0]!, 'val')).toBe('5F6B7A');
  });

  it('lays out a right-to-left quote and comment right to left', async () => {
    const docx = await render(sampleBriefContent());
    const quote = paragraphs(docx.xml('word/document.xml')).find((p) => p.text === 'التعاون الدفاعي ضروري للاستقرار الإقليمي')!;
    expect(all(quote.el, 'bidi')).toHaveLength(1);
    const reply = all(docx.xml('word/comments.xml'), 'p').find((p) => textOf(p) === 'الترجمة صحيحة.')!;
    expect(all(reply, 'bidi')).toHaveLength(1);
  });

  it('makes the entity index a real table, its places linked to their sections', async () => {
    const content = sampleBriefContent();
    const doc = (await render(content)).xml('word/document.xml');
    const tables = all(doc, 'tbl');
    expect(tables).toHaveLength(1);
    const rows = all(tables[0]!, 'tr').map((tr) => all(tr, 'tc').map((tc) => textOf(tc)));
    expect(rows[0]).toEqual(['Entity', 'Type', 'Mentions', 'Mentioned in']);
    expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual(content.entityIndex!.map((e) => [e.name, expect.any(String), String(e.mentionCount)]));
    expect(rows[1]![1]).toBe('Person');
    expect(rows[3]![3]).toBe('India and Japan defence ministers meetASEAN defence meeting ends with call for restraintMeeting readout (note)');
    expect(all(all(tables[0]!, 'tr')[0]!, 'tblHeader')).toHaveLength(1);
    const bookmarks = new Set(all(doc, 'bookmarkStart').map((b) => attr(b, 'name')));
    const anchors = all(tables[0]!, 'hyperlink').map((h) => attr(h, 'anchor'));
    expect(anchors.length).toBeGreaterThan(0);
    for (const anchor of anchors) expect(bookmarks).toContain(anchor);
  });

  it('puts the handling line in the header and footer of every page, with Page N of M', async () => {
    const docx = await render(sampleBriefContent());
    const header = docx.xml('word/header1.xml');
    const footer = docx.xml('word/footer1.xml');
    expect(textOf(header.documentElement)).toBe('OFFICIAL-SENSITIVE — FOR INTERNAL USE ONLY');
    expect(textOf(footer.documentElement)).toContain('OFFICIAL-SENSITIVE — FOR INTERNAL USE ONLY');
    expect(textOf(footer.documentElement)).toContain('Page ');
    expect(all(footer, 'instrText').map((el) => el.textContent?.trim())).toEqual(['PAGE', 'NUMPAGES']);
    const sectPr = all(docx.xml('word/document.xml'), 'sectPr')[0]!;
    expect(all(sectPr, 'headerReference').map((el) => attr(el, 'type'))).toEqual(['default']);
    expect(all(sectPr, 'footerReference').map((el) => attr(el, 'type'))).toEqual(['default']);
  });

  it('without a handling line, shows the title in the header and only page numbers in the footer', async () => {
    const docx = await render({ ...sampleBriefContent(), handling: '' });
    expect(textOf(docx.xml('word/header1.xml').documentElement)).toBe('India–Japan defence cooperation: weekly brief');
    expect(textOf(docx.xml('word/footer1.xml').documentElement)).toBe('Page  of ');
    expect(paragraphs(docx.xml('word/document.xml')).some((p) => p.text.startsWith('Handling'))).toBe(false);
  });

  it('leaves out the summary and entity index when there are none, and says when the index is empty', async () => {
    const none = paragraphs((await render({ ...sampleBriefContent(), summary: null, entityIndex: null })).xml('word/document.xml'));
    expect(none.some((p) => p.text === 'Summary' || p.text === 'Entity index')).toBe(false);
    const empty = await render({ ...sampleBriefContent(), entityIndex: [] });
    expect(all(empty.xml('word/document.xml'), 'tbl')).toHaveLength(0);
    expect(paragraphs(empty.xml('word/document.xml')).map((p) => p.text)).toContain('No entities are named in this brief.');
  });

  it('keeps hostile text as text and the package well-formed', async () => {
    const nasty = 'A <script>alert(1)</script> ]]> &amp; "q" \u0001\u0008\u000b\u001f\uFFFE\uFFFF\uD800 😀 عربي\u202E';
    const clean = 'A <script>alert(1)</script> ]]> &amp; "q"  😀 عربي\u202E';
    // Every piece of user text closes the override it opens (U+202C), so it cannot reorder the brief's own text.
    const closed = `${clean}\u202C`;
    const id = 'art_<x>';
    const text = `Intro. ${nasty}\ttail. More text.`;
    const a: Annotation = briefAnnotation(id, text, `${nasty}\ttail`, {
      comment: `${nasty}\nsecond line`,
      tags: ['<b>'],
      replies: [briefReply('r', `Eve ${nasty}`, nasty)],
      creator: { name: `Mallory ${nasty}` },
      color: 'not-in-palette',
    });
    const note = buildNote(() => {
      $getRoot().append(
        $createParagraphNode().append(
          $createTextNode(nasty),
          $createLinkNode('javascript:alert(1)').append($createTextNode('click')),
          $createEntityMentionNode('ent_x', 'person', 'Old'),
        ),
      );
    });
    const content: BriefContent = {
      ...sampleBriefContent(),
      title: nasty,
      author: nasty,
      handling: nasty,
      sections: [
        { kind: 'article', source: { article: briefArticle({ id, title: nasty, outlet: nasty, url: 'javascript:alert(1)' }), excerpts: [a], orphans: [], places: { [a.id]: '¶ 3' } } },
        { kind: 'note', note: briefNote({ id: 'n', title: nasty, content: note }), article: { id, title: nasty } },
      ],
      entityIndex: [{ id: 'ent_x', name: nasty, type: 'person', mentionCount: 1, mentionedIn: [{ kind: 'note', id: 'n', title: nasty }] }],
      entityNames: { ent_x: nasty },
    };
    const docx = await render(content);
    for (const name of docx.names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) expect(() => docx.xml(name)).not.toThrow();
    const doc = docx.xml('word/document.xml');
    const ps = paragraphs(doc);
    expect(ps[0]!.text).toBe(closed);
    // The override in the title ends with the title: the citation line's own words keep their order.
    expect(ps.find((p) => p.style === 'DossierCitation')!.text).toBe(`— ${closed}, undated, ¶ 3`);
    expect(all(doc, 'script', '')).toHaveLength(0);
    const [comment, reply] = comments(docx.xml('word/comments.xml'));
    expect(commentedText(doc, comment!.id)).toBe(`${clean}\ttail`);
    expect(comment!.text).toContain(`${closed}\nsecond line`);
    expect(comment!.author).toBe(`Mallory ${clean}`);
    expect(reply!.text).toBe(closed);
    expect(textOf(docx.xml('word/header1.xml').documentElement)).toBe(closed);
    expect(ps.some((p) => p.text === `${closed}click${closed}`)).toBe(true);
    // No link to a script: neither the article URL nor the note's link becomes a hyperlink.
    expect(docx.raw('word/_rels/document.xml.rels')).not.toContain('javascript');
    expect(all(doc, 'hyperlink').every((h) => attr(h, 'anchor') || h.getAttributeNS(R, 'id') === null)).toBe(true);
    for (const invalid of ['\u0001', '\uFFFE']) expect(docx.raw('docProps/core.xml')).not.toContain(invalid);
  });

  it('renders an article with no annotations and a note with no title', async () => {
    const id = SAMPLE_ARTICLE_IDS.vientiane;
    const content: BriefContent = {
      ...sampleBriefContent(),
      sections: [
        { kind: 'article', source: { article: briefArticle({ id, title: 'Quiet article' }), excerpts: [], orphans: [] } },
        { kind: 'note', note: briefNote({ id: 'n', title: '', content: buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode('Body')))) }), article: null },
      ],
    };
    const docx = await render(content);
    const ps = paragraphs(docx.xml('word/document.xml')).map((p) => p.text);
    expect(ps).toEqual(expect.arrayContaining(['Annotated excerpts (0)', 'No annotated passages.', 'Untitled note', 'Published\tundated']));
    expect(docx.names).not.toContain('word/commentsExtended.xml');
  });
});
