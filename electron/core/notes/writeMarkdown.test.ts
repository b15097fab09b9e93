import fc from 'fast-check';
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS, nodesOf, parseMarkdown, typesOf } from './testing/parseMarkdown';
import { writeMarkdown } from './writeMarkdown';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const write = (...children: RootContent[]) => writeMarkdown({ type: 'root', children });

/** Places a piece of text can land in a brief, each with how to find it again in the parsed tree. */
const PLACES: { name: string; wrap: (t: PhrasingContent) => BlockContent; hasOnly: string[] }[] = [
  { name: 'a paragraph', wrap: (t) => ({ type: 'paragraph', children: [t] }), hasOnly: ['paragraph', 'text'] },
  { name: 'emphasis', wrap: (t) => ({ type: 'paragraph', children: [{ type: 'emphasis', children: [t] }] }), hasOnly: ['paragraph', 'emphasis', 'text'] },
  { name: 'strong', wrap: (t) => ({ type: 'paragraph', children: [{ type: 'strong', children: [t] }] }), hasOnly: ['paragraph', 'strong', 'text'] },
  { name: 'a blockquote', wrap: (t) => ({ type: 'blockquote', children: [{ type: 'paragraph', children: [t] }] }), hasOnly: ['blockquote', 'paragraph', 'text'] },
  {
    name: 'a list item',
    wrap: (t) => ({ type: 'list', spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [t] }] }] }),
    hasOnly: ['list', 'listItem', 'paragraph', 'text'],
  },
];

describe('writeMarkdown: text stays text', () => {
  it.each(PLACES.flatMap((place) => HOSTILE_TEXTS.map((s) => [place.name, s, place] as const)))('in %s: %j', (_name, s, place) => {
    const tree = parseMarkdown(write(place.wrap(text(s))));
    expect(toString(tree)).toBe(s);
    expect([...typesOf(tree)].filter((t) => !place.hasOnly.includes(t))).toEqual([]);
  });

  it.each(HOSTILE_TEXTS)('in a heading: %j', (s) => {
    const md = write({ type: 'heading', depth: 2, children: [text(s)] });
    const tree = parseMarkdown(md);
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0]).toMatchObject({ type: 'heading', depth: 2 });
    expect(toString(tree)).toBe(s);
    expect([...typesOf(tree)]).toEqual(['heading', 'text']);
  });

  it.each(HOSTILE_TEXTS)('in a table cell, which keeps its neighbours: %j', (s) => {
    const row = (cells: string[]) => ({ type: 'tableRow' as const, children: cells.map((c) => ({ type: 'tableCell' as const, children: [text(c)] })) });
    const tree = parseMarkdown(write({ type: 'table', align: [null, null, null], children: [row(['A', 'B', 'C']), row(['before', s, 'after'])] }));
    const rows = nodesOf(tree, 'tableRow').map((r) => r.children.map((c) => toString(c)));
    expect(rows).toEqual([
      ['A', 'B', 'C'],
      ['before', s, 'after'],
    ]);
    expect([...typesOf(tree)].filter((t) => !['table', 'tableRow', 'tableCell', 'text'].includes(t))).toEqual([]);
  });

  it.each(HOSTILE_TEXTS)('as inline code: %j', (s) => {
    const tree = parseMarkdown(write({ type: 'paragraph', children: [text('Tags: '), { type: 'inlineCode', value: s }] }));
    expect(nodesOf(tree, 'inlineCode').map((c) => c.value)).toEqual([s]);
  });

  it('keeps a footnote definition\u2019s text as text, and the reference ours', () => {
    for (const s of HOSTILE_TEXTS) {
      const tree = parseMarkdown(
        write(
          { type: 'paragraph', children: [text('Quote'), { type: 'footnoteReference', identifier: '1', label: '1' }] },
          { type: 'footnoteDefinition', identifier: '1', label: '1', children: [{ type: 'paragraph', children: [{ type: 'emphasis', children: [text(s)] }, text(', 2025.')] }] },
        ),
      );
      expect(nodesOf(tree, 'footnoteReference').map((r) => r.identifier), s).toEqual(['1']);
      expect(nodesOf(tree, 'footnoteDefinition').map((d) => toString(d)), s).toEqual([`${s}, 2025.`]);
    }
  });

  it('round-trips any text made of Markdown\u2019s punctuation, line breaks included', () => {
    const piece = fc.constantFrom(...'#>-*_`[]()!<|~\\&;:/.1 \n\taehtpw@^=+{}"\''.split(''), 'http://', 'www.', '[[', ']]', '<script>', '&amp;', '1. ', '---', '```');
    const texts = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, (s) => {
        for (const place of PLACES) {
          const tree = parseMarkdown(write(place.wrap(text(s))));
          if (s.trim() === '') continue;
          expect(toString(tree), place.name).toBe(s);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('writes Markdown as a person would: dashes for bullets, asterisks for emphasis, fenced code', () => {
    const md = write(
      { type: 'list', spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'strong', children: [text('Label:')] }, text(' value')] }] }] },
      { type: 'paragraph', children: [{ type: 'emphasis', children: [text('No highlights yet.')] }] },
      { type: 'code', lang: null, value: 'x' },
    );
    expect(md).toBe('- **Label:** value\n\n*No highlights yet.*\n\n```\nx\n```\n');
  });
});
