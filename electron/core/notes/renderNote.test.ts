import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { noteToHtml, noteToMarkdown } from './renderNote';
import { buildNote, everyNodeNote, SAMPLE_CITATION } from '../../common/notes/testing/noteFixtures';
import { $createEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';

describe('noteToMarkdown', () => {
  const md = noteToMarkdown(everyNodeNote());

  it('writes headings, formatting, lists, quotes, code and links as Markdown', () => {
    expect(md).toContain('# Meeting readout');
    expect(md).toContain('**productive**');
    expect(md).toContain('*cordial*');
    expect(md).toMatch(/^- First point$/m);
    expect(md).toMatch(/^1\. Step one$/m);
    expect(md).toMatch(/^> A quoted remark$/m);
    expect(md).toContain('```\nUNIFIED-2025\n```');
    expect(md).toContain('[the readout](https://example.org/readout)');
  });

  it('writes entity mentions as wikilinks, in lists too', () => {
    expect(md).toContain('Talks with [[Rajnath Singh]] were');
    expect(md).toMatch(/^- \[\[Japan\]\]$/m);
  });

  it('writes citations inline by default and through the given writer when asked', () => {
    expect(md).toContain(`“${SAMPLE_CITATION.quote}” (${SAMPLE_CITATION.source})`);
    const footnoted = noteToMarkdown(everyNodeNote(), {
      citation: (c) => [{ type: 'footnoteReference', identifier: c.annotationId!, label: c.annotationId! }],
    });
    expect(footnoted).toContain('Cited: [^ann_1]');
  });

  it('shows the current name of a renamed entity', () => {
    const renamed = noteToMarkdown(everyNodeNote(), { entityName: (id) => (id === 'ent_rajnath' ? 'Shri Rajnath Singh' : undefined) });
    expect(renamed).toContain('[[Shri Rajnath Singh]]');
    expect(renamed).toContain('[[Japan]]');
  });

  it('keeps brackets in a name from breaking the wikilink', () => {
    const note = buildNote(() => $getRoot().append($createParagraphNode().append($createEntityMentionNode('e1', 'other', 'Alpha [beta]'))));
    expect(noteToMarkdown(note)).toBe('[[Alpha beta]]');
  });
});

describe('noteToHtml', () => {
  const html = noteToHtml(everyNodeNote());
  const doc = new JSDOM(`<body>${html}</body>`).window.document;

  it('writes semantic elements for every node type', () => {
    expect(doc.querySelector('h1')?.textContent).toBe('Meeting readout');
    expect(doc.querySelector('b, strong')?.textContent).toBe('productive');
    expect(doc.querySelector('i, em')?.textContent).toBe('cordial');
    expect([...doc.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['First point', 'Japan']);
    expect(doc.querySelector('ol li')?.textContent).toBe('Step one');
    expect(doc.querySelector('blockquote')?.textContent).toBe('A quoted remark');
    expect(doc.querySelector('code, pre')?.textContent).toContain('UNIFIED-2025');
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('https://example.org/readout');
    expect(doc.querySelector('u, [style*="underline"]')).not.toBeNull();
  });

  it('marks mentions with their entity and citations with their quote and source', () => {
    const mention = doc.querySelector('[data-entity-id="ent_rajnath"]');
    expect(mention?.textContent).toBe('Rajnath Singh');
    expect(mention?.getAttribute('data-entity-type')).toBe('person');
    const citation = doc.querySelector('.citation');
    expect(citation?.querySelector('q')?.textContent).toBe(SAMPLE_CITATION.quote);
    expect(citation?.querySelector('cite')?.textContent).toBe(SAMPLE_CITATION.source);
    expect(citation?.getAttribute('data-start')).toBe('120');
  });

  it('escapes text rather than passing markup through', () => {
    const note = buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode('<img src=x onerror=alert(1)>'))));
    const out = noteToHtml(note);
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img');
  });

  it('leaves no DOM globals behind in Node', () => {
    expect((globalThis as { document?: unknown }).document).toBeUndefined();
  });
});

describe('noteToMarkdown block separation', () => {
  it('separates blocks with blank lines, so adjacent paragraphs stay apart in CommonMark', () => {
    const note = buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode('One')), $createParagraphNode().append($createTextNode('Two'))));
    expect(noteToMarkdown(note)).toBe('One\n\nTwo');
  });
});
