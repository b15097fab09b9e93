import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { $createEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';
import { buildNote } from '../../common/notes/testing/noteFixtures';
import { noteToMarkdown } from './renderNote';
import { HOSTILE_TEXTS, nodesOf, parseMarkdown, typesOf } from './testing/parseMarkdown';

describe('noteToMdast, written as Markdown', () => {
  it.each(HOSTILE_TEXTS)('keeps typed text as text: %j', (s) => {
    const note = buildNote(() => $getRoot().append($createHeadingNode('h2').append($createTextNode(s)), $createParagraphNode().append($createTextNode(s))));
    const tree = parseMarkdown(noteToMarkdown(note));
    expect(tree.children.map((b) => [b.type, toString(b)])).toEqual([
      ['heading', s],
      ['paragraph', s],
    ]);
    expect([...typesOf(tree)].filter((t) => t !== 'heading' && t !== 'paragraph' && t !== 'text')).toEqual([]);
  });

  it('writes a mention with a hostile name as one inert wikilink', () => {
    const note = buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode('Met '), $createEntityMentionNode('e1', 'person', '<b onmouseover=alert(1)>*Mallory*</b> [x]'))));
    const md = noteToMarkdown(note);
    expect(md).toBe('Met [[\\<b onmouseover=alert(1)>\\*Mallory\\*\\</b> x]]');
    expect(toString(parseMarkdown(md))).toBe('Met [[<b onmouseover=alert(1)>*Mallory*</b> x]]');
  });

  it('joins text split where its format changes, so the markers pair up', () => {
    const note = buildNote(() =>
      $getRoot().append(
        $createParagraphNode().append(
          $createTextNode('bold ').toggleFormat('bold'),
          $createTextNode('and italic').toggleFormat('bold').toggleFormat('italic'),
          $createTextNode(' then '),
          $createTextNode('struck').toggleFormat('strikethrough'),
          $createTextNode(' and '),
          $createTextNode('a*b').toggleFormat('code'),
        ),
      ),
    );
    const md = noteToMarkdown(note);
    // The serialiser picks `_` inside, where `***` would be ambiguous.
    expect(md).toBe('**bold _and italic_** then ~~struck~~ and `a*b`');
    const [strong] = nodesOf(parseMarkdown(md), 'strong');
    expect(toString(strong!)).toBe('bold and italic');
    expect(nodesOf(strong!, 'emphasis').map((e) => toString(e))).toEqual(['and italic']);
  });

  it('keeps web and mail links, and only the text of any other', () => {
    const note = buildNote(() =>
      $getRoot().append(
        $createParagraphNode().append(
          $createLinkNode('https://example.org/a').append($createTextNode('web')),
          $createTextNode(' '),
          $createLinkNode('mailto:desk@example.org').append($createTextNode('mail')),
          $createTextNode(' '),
          $createLinkNode('javascript:alert(1)').append($createTextNode('script')),
          $createTextNode(' '),
          $createLinkNode('file:///etc/passwd').append($createTextNode('file')),
        ),
      ),
    );
    const md = noteToMarkdown(note);
    expect(md).toBe('[web](https://example.org/a) [mail](mailto:desk@example.org) script file');
    expect(nodesOf(parseMarkdown(md), 'link').map((l) => l.url)).toEqual(['https://example.org/a', 'mailto:desk@example.org']);
  });

  it('writes a line break as a hard break, as the editor shows it', () => {
    const note = buildNote(() => $getRoot().append($createParagraphNode().append($createTextNode('one'), $createLineBreakNode(), $createTextNode('# two'))));
    const md = noteToMarkdown(note);
    expect(md).toBe('one\\\n\\# two');
    expect(nodesOf(parseMarkdown(md), 'break')).toHaveLength(1);
  });

  it('nests an indented list under the item before it, and writes check lists as task lists', () => {
    const note = buildNote(() =>
      $getRoot().append(
        $createListNode('check').append($createListItemNode(true).append($createTextNode('done')), $createListItemNode(false).append($createTextNode('to do'))),
        $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('outer')),
          $createListItemNode().append($createListNode('bullet').append($createListItemNode().append($createTextNode('inner')))),
          $createListItemNode().append($createTextNode('next')),
        ),
        $createListNode('number', 3).append($createListItemNode().append($createTextNode('third'))),
      ),
    );
    const tree = parseMarkdown(noteToMarkdown(note));
    const [tasks, bullets, numbered] = nodesOf(tree, 'list').filter((l) => tree.children.includes(l));
    expect(tasks!.children.map((i) => [i.checked, toString(i)])).toEqual([
      [true, 'done'],
      [false, 'to do'],
    ]);
    expect(bullets!.children.map((i) => toString(i.children[0]!))).toEqual(['outer', 'next']);
    expect(nodesOf(bullets!.children[0]!, 'list').map((l) => toString(l))).toEqual(['inner']);
    expect(numbered).toMatchObject({ ordered: true, start: 3 });
  });
});
