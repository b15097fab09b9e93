import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { $createEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';
import { buildNote, SAMPLE_CITATION } from '../../common/notes/testing/noteFixtures';
import type { BriefContent } from './briefContent';
import { markdownBrief as render } from './markdownBrief';
import { HOSTILE_TEXTS, nodesOf, parseMarkdown, typesOf } from '../notes/testing/parseMarkdown';
import { briefAnnotation, briefNote, briefReply, SAMPLE_ARTICLE_TEXTS, sampleBriefContent } from './testing/briefFixtures';

/** A composed brief (summary, two articles, notes, entity index) and hostile notes, parsed back. */

const parseBack = parseMarkdown;

describe('markdownBrief of a composed brief, parsed back', () => {
  const content = sampleBriefContent();
  const md = render(content);
  const tree = parseBack(md);

  it('heads the brief with the handling line, title, who prepared it and when, and ends with the handling line again', () => {
    const first = tree.children[0]!;
    expect(first.type).toBe('paragraph');
    expect(toString(first)).toBe(content.handling);
    expect(tree.children[1]).toMatchObject({ type: 'heading', depth: 1 });
    expect(toString(tree.children[1]!)).toBe(content.title);
    expect(md).toContain('- **Prepared by:** R. Analyst');
    expect(md).toContain('- **Brief generated:** 2025-06-03');
    const last = tree.children.filter((n) => n.type !== 'footnoteDefinition').at(-1)!;
    expect(toString(last)).toBe(content.handling);
  });

  it('has the summary, every article with its provenance, the notes and the entity index as headings in the analyst\u2019s order', () => {
    const h2 = nodesOf(tree, 'heading').filter((h) => h.depth === 2).map((h) => toString(h));
    expect(h2).toEqual([
      'Summary',
      'India and Japan defence ministers meet',
      'Meeting readout',
      'ASEAN defence meeting ends with call for restraint',
      'Open questions',
      'Entity index (6)',
    ]);
    expect(md).toContain('- **SHA-256:** `1d7601e182b7ba63344bfd90e6abb93f8c5882ec15839c3081c56ed19424ec43`');
    expect(md).toContain('- **Version:** 2 of 2');
    // A note's own headings sit under the note's, and a note's opening title is not repeated.
    expect(nodesOf(tree, 'heading').filter((h) => toString(h) === 'Meeting readout')).toHaveLength(1);
    expect(nodesOf(tree, 'heading').filter((h) => toString(h) === 'Open questions')).toHaveLength(1);
  });

  it('moves a note\u2019s own headings under the note\u2019s heading', () => {
    const note = buildNote(() => $getRoot().append($createHeadingNode('h1').append($createTextNode('Background')), $createParagraphNode().append($createTextNode('Text.'))));
    const out = parseBack(render({ ...content, sections: [{ kind: 'note', note: briefNote({ id: 'note_b', title: 'Assessment', content: note }), article: null }] }));
    const headings = nodesOf(out, 'heading').map((h) => [h.depth, toString(h)]);
    expect(headings).toContainEqual([2, 'Assessment']);
    expect(headings).toContainEqual([3, 'Background']);
  });

  it('quotes every excerpt as a blockquote ending in a footnote that cites title, date and paragraph', () => {
    const definitions = new Map(nodesOf(tree, 'footnoteDefinition').map((d) => [d.identifier, toString(d)]));
    const article = content.sections[0]!.kind === 'article' ? content.sections[0]!.source : null;
    const quotes = nodesOf(tree, 'blockquote').filter((q) => nodesOf(q, 'footnoteReference').length === 1);
    expect(quotes).toHaveLength(3 + 1 + 2);
    for (const a of article!.excerpts) {
      const quote = quotes.find((q) => toString(q) === a.target.quote.exact)!;
      expect(quote, a.target.quote.exact).toBeDefined();
      const ref = nodesOf(quote, 'footnoteReference')[0]!;
      // The sample's first quote is in its first paragraph, the others in its second.
      const paragraph = a.target.position.start < SAMPLE_ARTICLE_TEXTS[a.articleId]!.indexOf('\n\n') ? 1 : 2;
      expect(definitions.get(ref.identifier)).toBe(`India and Japan defence ministers meet, 2025-05-04, ¶ ${paragraph}.`);
    }
    const orphan = quotes.find((q) => toString(q) === 'talks lasted nearly three hours')!;
    expect(definitions.get(nodesOf(orphan, 'footnoteReference')[0]!.identifier)).toBe('India and Japan defence ministers meet, version 1, ¶ 1.');
    expect(toString(tree)).not.toMatch(/characters \d/);
    // Every reference has its definition, each used once, numbered in reading order.
    const refs = nodesOf(tree, 'footnoteReference').map((r) => r.identifier);
    expect(refs).toEqual([...definitions.keys()]);
    expect(refs).toEqual(refs.map((_, i) => String(i + 1)));
  });

  it('writes colour meaning, grading, tags, comments and replies of each excerpt', () => {
    expect(md).toContain('#### 1. Claim · B2 (usually reliable; probably true)');
    expect(md).toContain('Tags: `defence-industry`, `bilateral`');
    expect(md).toContain('First ministerial-level commitment since the 2023 2+2 dialogue.\\\nCompare with the readout from Tokyo.');
    expect(md).toContain('- **J. Reviewer** (2025-06-01): The Tokyo readout says');
    expect(md).toContain('#### 3. Key date · text changed since highlighted');
  });

  it('writes entity mentions in notes and the summary as [[wikilinks]], and note citations as footnotes', () => {
    const text = toString(tree);
    expect(text).toContain('[[Rajnath Singh]] and his Japanese counterpart');
    expect(text).toContain('Talks with [[Rajnath Singh]] were');
    expect(text).toContain('Ask [[Arab League]] liaison');
    const readout = md.slice(md.indexOf('## Meeting readout'));
    expect(readout).toMatch(/Cited: “the two ministers agreed to deepen cooperation”\[\^(\d+)\]/);
    const n = /Cited: “[^”]+”\[\^(\d+)\]/.exec(readout)![1];
    expect(md).toContain(`[^${n}]: *India and Japan defence ministers meet*, 2025-05-04, ¶ 1.`);
  });

  it('indexes the entities in a table with type, mention count and where they are mentioned', () => {
    const table = nodesOf(tree, 'table')[0]!;
    const rows = table.children.map((r) => r.children.map((c) => toString(c)));
    expect(rows[0]).toEqual(['Entity', 'Type', 'Mentions', 'Mentioned in']);
    expect(rows).toContainEqual(['[[Japan]]', 'Place', '4', 'India and Japan defence ministers meet; ASEAN defence meeting ends with call for restraint; note Meeting readout']);
    expect(rows).toHaveLength(1 + 6);
  });

  it('uses the article\u2019s current title and date for a note\u2019s citation, and says when the passage was deleted', () => {
    const withDates: BriefContent = {
      ...content,
      citedArticles: {
        [SAMPLE_CITATION.articleId]: { ...content.citedArticles![SAMPLE_CITATION.articleId]!, title: 'Renamed article', published: '2025-05-04', deletedAnnotations: [SAMPLE_CITATION.annotationId!] },
      },
    };
    expect(render(withDates)).toMatch(/\[\^\d+\]: \*Renamed article\*, 2025-05-04, ¶ 1, passage deleted\./);
  });
});

describe('markdownBrief: hostile notes and summaries stay inert', () => {
  const hostile = buildNote(() => {
    $getRoot().append(
      $createHeadingNode('h1').append($createTextNode('<img src=x onerror=alert(1)> heading')),
      $createParagraphNode().append(
        $createTextNode('<script>alert(1)</script> ![pixel](http://evil.example/p.png) [go](javascript:alert(1)) '),
        $createEntityMentionNode('ent_x', 'person', '<b onmouseover=alert(1)>Mallory</b>'),
      ),
      $createParagraphNode().append($createTextNode('[^1]: a footnote of my own')),
      $createParagraphNode().append($createTextNode('<iframe src="http://evil.example"></iframe>')),
    );
  });
  const content: BriefContent = {
    ...sampleBriefContent(),
    summary: hostile,
    sections: [{ kind: 'note', note: briefNote({ id: 'note_hostile', title: 'Hostile <script>', content: hostile }), article: null }],
    entityIndex: [{ id: 'ent_x', name: '<b onmouseover=alert(1)>Mallory</b>', type: 'person', mentionCount: 1, mentionedIn: [] }],
  };
  const md = render(content);
  const tree = parseBack(md);

  it('has no raw HTML, images, links other than http(s), or footnotes but its own', () => {
    expect(nodesOf(tree, 'html')).toEqual([]);
    expect(nodesOf(tree, 'image')).toEqual([]);
    expect(nodesOf(tree, 'imageReference')).toEqual([]);
    for (const link of nodesOf(tree, 'link')) expect(link.url).toMatch(/^https?:/);
    expect(nodesOf(tree, 'footnoteDefinition')).toEqual([]);
    expect(nodesOf(tree, 'footnoteReference')).toEqual([]);
    expect(toString(tree)).toContain('<script>alert(1)</script>');
    expect(toString(tree)).toContain('[[<b onmouseover=alert(1)>Mallory</b>]]');
  });
});

describe('markdownBrief: whatever an article or the analyst wrote reads back as the same text', () => {
  const base = sampleBriefContent();
  const source = base.sections[0]!.kind === 'article' ? base.sections[0]!.source : null;

  /** A brief of several articles whose every field is `s`, parsed back. */
  function briefOf(s: string): Root {
    const text = `Intro.\n${s}\nOutro.`;
    const excerpt = briefAnnotation('art_hostile', text, s, {
      comment: s,
      tags: [s],
      color: 'yellow',
      replies: [briefReply('r', s, s)],
    });
    const article = { ...source!.article, id: 'art_hostile', title: s, outlet: s, author: s };
    return parseBack(
      render({
        ...base,
        title: s,
        author: s,
        handling: s,
        summary: null,
        palette: [{ key: 'yellow', label: s, color: '#ffff00' }],
        sections: [
          { kind: 'article', source: { article, excerpts: [excerpt], orphans: [], places: { [excerpt.id]: '¶ 1' } } },
          { kind: 'note', note: briefNote({ id: 'note_h', title: s, content: buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode(s)))) }), article: { id: 'art_hostile', title: s } },
          base.sections[2]!,
        ],
        entityIndex: [{ id: 'ent_h', name: s, type: 'person', mentionCount: 1, mentionedIn: [{ kind: 'note', id: 'note_h', title: s }] }],
      }),
    );
  }

  it.each(HOSTILE_TEXTS)('%j', (s) => {
    const tree = briefOf(s);
    const texts = (type: Nodes['type']) => nodesOf(tree, type).map((n) => toString(n));
    expect(toString(tree.children[0]!)).toBe(s);
    expect(texts('heading')).toEqual(expect.arrayContaining([s, `1. ${s}`]));
    expect(nodesOf(tree, 'heading').filter((h) => h.depth === 1).map((h) => toString(h))).toEqual([s]);
    expect(texts('listItem')).toEqual(expect.arrayContaining([`Prepared by: ${s}`, `Outlet: ${s}`, `Author: ${s}`, `${s} (2025-06-01): ${s}`]));
    expect(texts('blockquote')).toContain(s);
    expect(texts('paragraph')).toEqual(expect.arrayContaining([s, `Note on ${s}`]));
    expect(nodesOf(tree, 'inlineCode').map((c) => c.value)).toContain(s);
    const [, row] = nodesOf(tree, 'tableRow').map((r) => r.children.map((c) => toString(c)));
    expect(row).toEqual([`[[${s.replace(/[[\]|]/g, '').replace(/\s+/g, ' ').trim()}]]`, 'Person', '1', `note ${s}`]);
    expect(texts('footnoteDefinition')).toContain(`${s}, 2025-05-04, ¶ 1.`);
    // Nothing but the brief's own structure, and footnotes for this excerpt and the second article's two.
    expect(nodesOf(tree, 'footnoteReference')).toHaveLength(1 + 2);
    expect([...typesOf(tree)].filter((t) => !['paragraph', 'text', 'heading', 'list', 'listItem', 'strong', 'emphasis', 'inlineCode', 'blockquote', 'footnoteReference', 'footnoteDefinition', 'table', 'tableRow', 'tableCell', 'break'].includes(t))).toEqual([]);
  });
});
