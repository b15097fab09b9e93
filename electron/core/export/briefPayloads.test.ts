import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import { $generateNodesFromDOM } from '@lexical/html';
import { $createParagraphNode, $createTextNode, $getRoot, $insertNodes } from 'lexical';
import { JSDOM } from 'jsdom';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import type { NoteContent } from '../../common/model/note';
import { NOTE_NAMESPACE, NOTE_NODES } from '../../common/notes/noteNodes';
import { $createEntityMentionNode } from '../../common/notes/nodes/EntityMentionNode';
import { buildNote } from '../../common/notes/testing/noteFixtures';
import { nodesOf, parseMarkdown, typesOf } from '../notes/testing/parseMarkdown';
import type { BriefContent } from './briefContent';
import { htmlBrief } from './htmlBrief';
import { markdownBrief } from './markdownBrief';
import { briefAnnotation, briefNote, sampleBriefContent } from './testing/briefFixtures';
import { expectInert } from './testing/expectInert';

/** DOMPurify's own test payloads, through every place a brief shows text and through notes pasted from HTML. */

const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PAYLOADS = path.resolve(PROJECT_ROOT, '..', 'shared', 'conformance', 'dompurify-payloads.json');
const payloads = existsSync(PAYLOADS) ? (JSON.parse(readFileSync(PAYLOADS, 'utf8')) as { payloads: { title: string; payload: string }[] }).payloads.map((p) => p.payload) : [];

/** A note made the way a paste makes one: Lexical's import of the clipboard's HTML. */
function pastedNote(html: string): NoteContent {
  const editor = createHeadlessEditor({ namespace: NOTE_NAMESPACE, nodes: [...NOTE_NODES], onError: (e) => { throw e; } });
  withDOM((window) =>
    editor.update(
      () => {
        $getRoot().clear().append($createParagraphNode());
        $getRoot().selectEnd();
        $insertNodes($generateNodesFromDOM(editor, new window.DOMParser().parseFromString(html, 'text/html')));
      },
      { discrete: true },
    ),
  );
  return editor.getEditorState().toJSON() as unknown as NoteContent;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Just the header: the brief's title, author and handling line. */
const sample = sampleBriefContent();
function headerBrief(payload: string): BriefContent {
  return { ...sample, title: payload, author: payload, handling: payload, summary: null, sections: [], entityIndex: null };
}

/**
 * One brief holding every payload as article text and title, highlight, comment, tag, reply,
 * colour label, entity name, typed note text, mention and pasted note.
 */
function hostileBrief(): BriefContent {
  const base = sampleBriefContent();
  const text = payloads.join('\n\n');
  const source = base.sections.find((s) => s.kind === 'article')!;
  if (source.kind !== 'article') throw new Error('the sample brief starts with an article');
  const article = { ...source.source.article, id: 'art_payload', title: payloads[0]!, outlet: payloads[1]!, source: payloads[2]!, url: payloads[3]! };
  const typed = buildNote(() =>
    $getRoot().append(...payloads.map((p, i) => $createParagraphNode().append($createTextNode(p), $createEntityMentionNode(`ent_${i}`, 'person', p)))),
  );
  const excerpts = payloads
    .filter((p) => p.trim() !== '')
    .map((p, i) =>
      briefAnnotation('art_payload', text, p, {
        comment: p,
        tags: [oneLine(p)],
        color: `c${i}`,
        replies: [{ id: 'r', body: p, creator: { name: p }, created: '2025-06-01T00:00:00Z', modified: '2025-06-01T00:00:00Z' }],
      }),
    )
    .sort((a, b) => a.target.position.start - b.target.position.start);
  return {
    ...base,
    summary: typed,
    palette: payloads.map((p, i) => ({ key: `c${i}`, label: p, color: '#ffff00' })),
    sections: [
      { kind: 'article', source: { article, excerpts, orphans: [] } },
      { kind: 'note', note: briefNote({ id: 'note_typed', title: 'Typed', content: typed }), article: { id: 'art_payload', title: payloads[4]! } },
      ...payloads.map((p, i) => ({ kind: 'note' as const, note: briefNote({ id: `note_${i}`, title: p.slice(0, 300), content: pastedNote(p) }), article: null })),
    ],
    entityIndex: payloads.map((p, i) => ({ id: `ent_${i}`, name: p, type: 'person' as const, mentionCount: 1, mentionedIn: [{ kind: 'note' as const, id: 'note_typed', title: p }] })),
  };
}

// 223 briefs' headers and a brief of 223 notes: generous time, as the machine running tests may be shared.
describe.skipIf(payloads.length === 0)(`DOMPurify's payloads through the briefs (skipped when ${PAYLOADS} is absent)`, { timeout: 120_000 }, () => {
  it('read back as the same text in the header of either brief', () => {
    const parser = new new JSDOM().window.DOMParser();
    for (const payload of payloads) {
      const doc = parser.parseFromString(htmlBrief(headerBrief(payload)), 'text/html');
      expectInert(doc);
      // (HTML reads a CR LF as one LF; the header shows each on one line.)
      expect(doc.querySelector('h1')?.textContent, payload).toBe(oneLine(payload));
      const tree = parseMarkdown(markdownBrief(headerBrief(payload)));
      expect(toString(nodesOf(tree, 'heading')[0]!), payload).toBe(oneLine(payload));
      expect(toString(tree.children[0]!), payload).toBe(oneLine(payload));
    }
  });

  const content = hostileBrief();

  it('leave the HTML brief inert, the text of each excerpt as written', () => {
    const doc = new JSDOM(htmlBrief(content)).window.document;
    expectInert(doc);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    const shown = [...doc.querySelectorAll('article.excerpt')].map((e) => [e.querySelector('.comment')?.textContent, e.querySelector('.tag')?.textContent]);
    const source = content.sections[0]!.kind === 'article' ? content.sections[0]!.source : null;
    expect(shown).toEqual(source!.excerpts.map((a) => [a.comment.replace(/\r\n?/g, '\n').trim().split(/\n\s*\n/).join(''), a.tags[0]]));
    expect(doc.querySelectorAll('section.note')).toHaveLength(1 + payloads.length);
    expect(doc.querySelectorAll('tbody tr')).toHaveLength(payloads.length);
  });

  it('leave the Markdown brief without HTML, images, links but web links, or footnotes but its own', () => {
    const md = markdownBrief(content);
    const tree = parseMarkdown(md);
    const types = typesOf(tree);
    for (const type of ['html', 'image', 'imageReference', 'link', 'linkReference', 'definition']) expect(types.has(type), type).toBe(false);
    const source = content.sections[0]!.kind === 'article' ? content.sections[0]!.source : null;
    expect(nodesOf(tree, 'footnoteReference').map((r) => r.identifier)).toEqual(source!.excerpts.map((_, i) => String(i + 1)));
    expect(nodesOf(tree, 'inlineCode').map((c) => c.value)).toEqual(expect.arrayContaining(source!.excerpts.map((a) => a.tags[0])));
    expect(nodesOf(tree, 'tableRow')).toHaveLength(1 + payloads.length);
    // As the end-to-end check of the Markdown export has it: no unescaped tag, no link to script;
    // except inside code (tags are shown as code spans), where `<` is a literal character.
    let outsideCode = md;
    for (const code of [...nodesOf(tree, 'inlineCode'), ...nodesOf(tree, 'code')]) {
      const { start, end } = code.position!;
      outsideCode = outsideCode.slice(0, start.offset) + ' '.repeat(end.offset! - start.offset!) + outsideCode.slice(end.offset);
    }
    for (const line of outsideCode.split('\n')) {
      expect(line).not.toMatch(/(^|[^\\])<[a-zA-Z!/]/);
      expect(line).not.toMatch(/(^|[^\\])\]\(javascript:/i);
    }
  });

  /** Every payload as a relationship's type label, entity names and evidence, and as an event's label, entity and passage. */
  function appendixBrief(): BriefContent {
    const texts = payloads.filter((p) => p.trim() !== '');
    const passage = (p: string) => ({ quote: p, title: p, where: '2025-05-04, ¶ 1' });
    return {
      ...headerBrief('Appendices'),
      relations: texts.map((p, i) => ({ id: `rel_${i}`, from: { id: `ent_${i}`, name: p }, to: { id: 'ent_to', name: p }, label: p, grading: null, start: null, end: null, flagged: i % 2 === 0, evidence: [passage(p)] })),
      timeline: texts.map((p, i) => ({ id: `evt_${i}`, date: '2025', label: p, entities: [{ id: `ent_${i}`, name: p }], passage: passage(p) })),
    };
  }

  it('leave the appendices inert, each quote as written', () => {
    const content = appendixBrief();
    const doc = new JSDOM(htmlBrief(content)).window.document;
    expectInert(doc);
    expect([...doc.querySelectorAll('article.relation blockquote')].map((q) => q.textContent)).toEqual(content.relations!.map((r) => r.evidence[0]!.quote.replace(/\r\n?/g, '\n')));
    expect(doc.querySelectorAll('table.timeline tbody tr')).toHaveLength(content.timeline!.length);

    const tree = parseMarkdown(markdownBrief(content));
    const types = typesOf(tree);
    for (const type of ['html', 'image', 'imageReference', 'link', 'linkReference', 'definition']) expect(types.has(type), type).toBe(false);
    // One footnote per quote and per passage, and no other: no payload forged one.
    expect(nodesOf(tree, 'footnoteReference')).toHaveLength(content.relations!.length + content.timeline!.length);
    expect(nodesOf(tree, 'tableRow')).toHaveLength(1 + content.timeline!.length);
  });
});
