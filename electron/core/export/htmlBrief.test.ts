import { $createHeadingNode } from '@lexical/rich-text';
import { $createLinkNode } from '@lexical/link';
import { JSDOM } from 'jsdom';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { $createEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';
import { buildNote, SAMPLE_CITATION } from '../../common/notes/testing/noteFixtures';
import type { BriefContent } from './briefContent';
import { htmlBrief } from './htmlBrief';
import { briefAnnotation, briefNote, sampleBriefContent, SAMPLE_ARTICLE_IDS, SAMPLE_ARTICLE_TEXTS } from './testing/briefFixtures';
import { expectInert } from './testing/expectInert';
import { HOSTILE_TEXTS } from '../notes/testing/parseMarkdown';

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('htmlBrief of a composed brief', () => {
  const content = sampleBriefContent();
  const html = htmlBrief(content);
  const doc = parse(html);

  it('is one self-contained, inert file that scales to a phone', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expectInert(doc);
    expect(doc.querySelector('meta[name="viewport"]')?.getAttribute('content')).toContain('width=device-width');
    expect(doc.querySelector('style')?.textContent).toContain('@media (max-width');
    expect(doc.title).toBe(content.title);
  });

  it('shows the handling line above the title and at the end, and prints it on every page with page numbers', () => {
    const handling = [...doc.querySelectorAll('.handling')].map(text);
    expect(handling).toEqual([content.handling, content.handling]);
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toContain('@top-center { content: "OFFICIAL-SENSITIVE — FOR INTERNAL USE ONLY"');
    expect(css).toContain('"Page " counter(page) " of " counter(pages)');
    expect(text(doc.querySelector('h1'))).toBe(content.title);
    const meta = [...doc.querySelectorAll('header dl.meta dt')].map(text);
    expect(meta).toEqual(['Prepared by', 'Brief generated']);
  });

  it('leaves page boxes to the printer when printing to PDF', () => {
    const css = parse(htmlBrief(content, { forPdf: true })).querySelector('style')!.textContent!;
    expect(css).not.toContain('@top-center');
  });

  it('has the sections as headings in the analyst\u2019s order, with each article\u2019s provenance', () => {
    expect([...doc.querySelectorAll('h2')].map(text)).toEqual([
      'Summary',
      'India and Japan defence ministers meet',
      'Meeting readout',
      'ASEAN defence meeting ends with call for restraint',
      'Open questions',
      'Entity index (6)',
    ]);
    const provenance = doc.querySelector('section.article dl.meta')!;
    const rows = Object.fromEntries([...provenance.querySelectorAll('dt')].map((dt) => [text(dt), text(dt.nextElementSibling)]));
    expect(rows).toMatchObject({
      Outlet: 'The Hindu',
      Author: 'Dinakar Peri',
      Published: '2025-05-04',
      Imported: '2025-06-01',
      Version: '2 of 2',
      'SHA-256': '1d7601e182b7ba63344bfd90e6abb93f8c5882ec15839c3081c56ed19424ec43',
    });
    expect(provenance.querySelector('a')?.getAttribute('href')).toMatch(/^https:\/\/www\.thehindu\.com\//);
  });

  it('shows each excerpt as a quote with its colour meaning and grading as text, a citation, tags, comment and replies', () => {
    const excerpts = [...doc.querySelectorAll('section.article')[0]!.querySelectorAll('article.excerpt')];
    expect(excerpts).toHaveLength(4);
    const first = excerpts[0]!;
    expect(text(first.querySelector('blockquote'))).toBe('the two ministers agreed to deepen cooperation');
    expect(text(first.querySelector('.badge.colour'))).toBe('Claim');
    expect(text(first.querySelector('.badge.grading'))).toBe('B2 (usually reliable; probably true)');
    expect(text(first.querySelector('.cite'))).toBe('— India and Japan defence ministers meet, 2025-05-04, ¶ 1');
    expect(text(first.querySelector('.tags'))).toBe('Tags: defence-industry, bilateral');
    expect(text(first.querySelector('.comment'))).toContain('First ministerial-level commitment');
    expect([...first.querySelectorAll('.replies li')].map(text)[0]).toMatch(/^J\. Reviewer \(2025-06-01\): The Tokyo readout/);
    expect(first.getAttribute('style')).toBe('--swatch: #f2c230');
    expect(text(excerpts[2]!.querySelector('.badge.drifted'))).toBe('text changed since highlighted');
    expect(text(excerpts[3]!.querySelector('.cite'))).toBe('— India and Japan defence ministers meet, version 1, ¶ 1');
    expect(excerpts[0]!.previousElementSibling?.textContent).toBe('Highlights (3)');
  });

  it('keeps right-to-left text readable', () => {
    const arabic = [...doc.querySelectorAll('blockquote')].find((b) => text(b).startsWith('التعاون'));
    expect(arabic?.getAttribute('dir')).toBe('auto');
  });

  it('renders notes with mentions linked to the entity index and citations with title and paragraph', () => {
    const readout = [...doc.querySelectorAll('section.note')].find((s) => text(s.querySelector('h2')) === 'Meeting readout')!;
    expect(text(readout.querySelector('.note-on'))).toBe('Note on India and Japan defence ministers meet');
    const mention = readout.querySelector('a.mention');
    expect(text(mention)).toBe('Rajnath Singh');
    expect(mention?.getAttribute('href')).toBe('#entity-ent_rajnath');
    expect(doc.getElementById('entity-ent_rajnath')).not.toBeNull();
    expect(text(readout.querySelector('.citation'))).toBe('the two ministers agreed to deepen cooperation (India and Japan defence ministers meet, 2025-05-04, ¶ 1)');
    // The note's opening heading is its title: not repeated.
    expect(readout.querySelectorAll('h1, h2, h3, h4, h5, h6')).toHaveLength(1);
  });

  it('indexes the entities in a table', () => {
    const rows = [...doc.querySelectorAll('table tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text));
    expect(rows).toHaveLength(6);
    expect(rows).toContainEqual(['Japan', 'Place', '4', 'India and Japan defence ministers meet; ASEAN defence meeting ends with call for restraint; note Meeting readout']);
  });

  it('marks a citation whose passage was deleted', () => {
    const withDeleted: BriefContent = {
      ...content,
      citedArticles: {
        [SAMPLE_CITATION.articleId]: { ...content.citedArticles![SAMPLE_CITATION.articleId]!, title: 'Renamed article', published: '2025-05-04', deletedAnnotations: [SAMPLE_CITATION.annotationId!] },
      },
    };
    const citation = parse(htmlBrief(withDeleted)).querySelector('.note-body .citation');
    expect(citation?.classList.contains('deleted')).toBe(true);
    expect(text(citation)).toContain('(Renamed article, 2025-05-04, ¶ 1, passage deleted)');
  });
});

describe('htmlBrief: hostile content comes out inert', () => {
  const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><style>body{background:url(http://evil.example/x)}</style>';
  const base = sampleBriefContent();
  const hinduText = SAMPLE_ARTICLE_TEXTS[SAMPLE_ARTICLE_IDS.hindu]!;
  const hostileNote = buildNote(() => {
    $getRoot().append(
      $createHeadingNode('h1').append($createTextNode(HOSTILE)),
      $createParagraphNode().append(
        $createTextNode(HOSTILE),
        $createEntityMentionNode('ent_x', 'person', '<b onmouseover=alert(1)>Mallory</b>'),
        $createLinkNode('javascript:alert(1)').append($createTextNode('click')),
        $createLinkNode('http://evil.example/page').append($createTextNode('web')),
      ),
    );
  });
  const article = base.sections[0]!.kind === 'article' ? base.sections[0]!.source.article : null;
  const content: BriefContent = {
    ...base,
    title: HOSTILE,
    author: HOSTILE,
    handling: `${HOSTILE}"; } body { background: url(http://evil.example/y) } x { content: "`,
    summary: hostileNote,
    palette: [{ key: 'yellow', label: HOSTILE.slice(0, 40), color: '#ffff00' }],
    sections: [
      {
        kind: 'article',
        source: {
          article: { ...article!, title: HOSTILE, outlet: HOSTILE, url: 'javascript:alert(1)', source: HOSTILE },
          excerpts: [
            briefAnnotation(SAMPLE_ARTICLE_IDS.hindu, hinduText, 'the two ministers', {
              comment: HOSTILE,
              tags: ['<svg onload=alert(1)>'],
              color: 'yellow',
              replies: [{ id: 'r', body: HOSTILE, creator: { name: HOSTILE.slice(0, 100) }, created: '2025-06-01T00:00:00Z', modified: '2025-06-01T00:00:00Z' }],
            }),
          ],
          orphans: [],
        },
      },
      { kind: 'note', note: briefNote({ id: 'note_h', title: HOSTILE, content: hostileNote }), article: { id: 'art_x', title: HOSTILE } },
    ],
    entityIndex: [{ id: 'ent_x" onclick="alert(1)', name: HOSTILE, type: 'person', mentionCount: 1, mentionedIn: [{ kind: 'note', id: 'note_h', title: HOSTILE }] }],
  };
  const html = htmlBrief(content);
  const doc = parse(html);

  it('runs nothing and fetches nothing, whatever the analyst or the article wrote', () => {
    expectInert(doc);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    // Only the one web link of the note (in the summary and the note section) is left; the javascript: ones are plain text.
    expect([...doc.querySelectorAll('a[href]:not([href^="#"])')].map((a) => a.getAttribute('href'))).toEqual(['http://evil.example/page', 'http://evil.example/page']);
  });

  it('shows the hostile text as text', () => {
    expect(text(doc.querySelector('h1'))).toBe(HOSTILE);
    expect(text(doc.querySelector('.comment'))).toBe(HOSTILE);
    expect(doc.body.textContent).toContain('<b onmouseover=alert(1)>Mallory</b>');
  });

  it('keeps the handling line inside its CSS string', () => {
    const css = doc.querySelector('style')!.textContent!;
    const literal = /@top-center \{ content: ("(?:[^"\\]|\\.)*"); font/.exec(css);
    expect(literal).not.toBeNull();
    expect(literal![1]).not.toMatch(/[<>\n]/);
    expect(css.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toContain('url(');
  });
});

describe('htmlBrief: text reads back as written', () => {
  const base = sampleBriefContent();
  const hinduText = SAMPLE_ARTICLE_TEXTS[SAMPLE_ARTICLE_IDS.hindu]!;

  it.each([...HOSTILE_TEXTS, '</style><script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "' onmouseover='alert(1)"])('%j', (s) => {
    const note = buildNote(() =>
      $getRoot().append(
        $createParagraphNode().append($createTextNode(s), $createLinkNode(`https://example.org/?q=${s}`).append($createTextNode('link')), $createEntityMentionNode('ent_h', 'person', s)),
      ),
    );
    const content: BriefContent = {
      ...base,
      title: s,
      handling: s,
      palette: [{ key: 'yellow', label: s, color: '#ffff00' }],
      sections: [
        {
          kind: 'article',
          source: { article: { ...base.sections[0]!.kind === 'article' ? base.sections[0]!.source.article : null!, title: s }, excerpts: [briefAnnotation(SAMPLE_ARTICLE_IDS.hindu, hinduText, 'the two ministers', { comment: s, tags: [s], color: 'yellow' })], orphans: [] },
        },
        { kind: 'note', note: briefNote({ id: 'note_h', title: s, content: note }), article: null },
      ],
      entityIndex: [{ id: 'ent_h', name: s, type: 'person', mentionCount: 1, mentionedIn: [{ kind: 'note', id: 'note_h', title: s }] }],
    };
    const doc = parse(htmlBrief(content));
    expectInert(doc);
    expect(doc.title).toBe(s);
    expect(text(doc.querySelector('h1'))).toBe(s.replace(/\s+/g, ' ').trim());
    expect(doc.querySelector('.badge.colour')?.getAttribute('title')).toBe(`Colour: ${s}`);
    expect(doc.querySelector('.comment p')?.textContent).toBe(s);
    expect(doc.querySelector('.tag')?.textContent).toBe(s);
    expect(doc.querySelector('#entity-ent_h td')?.textContent).toBe(s);
    const body = doc.querySelector('section.note .note-body p')!;
    expect(body.firstChild?.textContent).toBe(s);
    // A quote or angle bracket in the address cannot end the attribute: the address kept is the one
    // written (the sanitiser drops one that holds a closing tag).
    expect([null, `https://example.org/?q=${s}`]).toContain(body.querySelector('a:not(.mention)')?.getAttribute('href') ?? null);
    expect(body.querySelector('a.mention')?.textContent).toBe(s);
  });
});
