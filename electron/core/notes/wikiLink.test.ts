import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { nodesOf, parseMarkdown, typesOf } from './testing/parseMarkdown';
import { wikiLink } from './wikiLink';
import { writeMarkdown } from './writeMarkdown';

const paragraph = (...children: PhrasingContent[]) => writeMarkdown({ type: 'root', children: [{ type: 'paragraph', children }] });
const text = (value: string): PhrasingContent => ({ type: 'text', value });

describe('wikiLink', () => {
  it('writes [[Name]] with its brackets as they are', () => {
    expect(paragraph(text('Talks with '), wikiLink('Rajnath Singh'), text(' were'))).toBe('Talks with [[Rajnath Singh]] were\n');
  });

  it.each([
    ['Alpha [beta] | gamma', '[[Alpha beta gamma]]'],
    ['Two\nlines', '[[Two lines]]'],
    ['<b onmouseover=alert(1)>Mallory</b>', '[[<b onmouseover=alert(1)>Mallory</b>]]'],
    ['*Breaking* _news_ `now`', '[[*Breaking* _news_ `now`]]'],
    ['^1', '[[^1]]'],
    ['x](javascript:alert(1)', '[[x(javascript:alert(1)]]'],
  ])('keeps a name %j one inert wikilink, read back as the text %j', (name, shown) => {
    // A footnote 1 exists, so `[^1]` inside the brackets would be a call if it were not escaped.
    const md = writeMarkdown({
      type: 'root',
      children: [
        { type: 'paragraph', children: [wikiLink(name), text(' and a quote'), { type: 'footnoteReference', identifier: '1', label: '1' }] },
        { type: 'footnoteDefinition', identifier: '1', label: '1', children: [{ type: 'paragraph', children: [text('Source.')] }] },
      ],
    });
    const tree = parseMarkdown(md);
    expect(toString(tree.children[0]!)).toBe(`${shown} and a quote`);
    expect(nodesOf(tree, 'footnoteReference')).toHaveLength(1);
    expect([...typesOf(tree.children[0]!)]).toEqual(['text', 'footnoteReference']);
    expect(md.startsWith('[[')).toBe(true);
  });

  it('cannot be forged by text: typed brackets are escaped, so only a mention makes a wikilink', () => {
    const md = paragraph(text('[[Forged]] and [[x]](javascript:alert(1))'));
    expect(md).not.toContain('[[');
    expect(md).not.toContain(']]');
    expect(toString(parseMarkdown(md))).toBe('[[Forged]] and [[x]](javascript:alert(1))');
  });

  it('is never turned into an image or a link by the text around it', () => {
    const md = paragraph(text('look!'), wikiLink('Name'), text('(javascript:alert(1)) and '), wikiLink('Other'), text('[x](http://evil.example)'));
    const tree = parseMarkdown(md);
    expect([...typesOf(tree)]).toEqual(['paragraph', 'text']);
    expect(toString(tree)).toBe('look![[Name]](javascript:alert(1)) and [[Other]][x](http://evil.example)');
  });

  it('sits in a table cell without splitting it', () => {
    const md = writeMarkdown({
      type: 'root',
      children: [
        {
          type: 'table',
          children: [
            { type: 'tableRow', children: [{ type: 'tableCell', children: [text('Entity')] }, { type: 'tableCell', children: [text('Type')] }] },
            { type: 'tableRow', children: [{ type: 'tableCell', children: [wikiLink('A | B')] }, { type: 'tableCell', children: [text('Person')] }] },
          ],
        },
      ],
    });
    const rows = nodesOf(parseMarkdown(md), 'tableRow').map((r) => r.children.map((c) => toString(c)));
    expect(rows[1]).toEqual(['[[A B]]', 'Person']);
  });
});
