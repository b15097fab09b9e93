import { $createCodeNode } from '@lexical/code';
import { $createLinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode } from '@lexical/list';
import { $createHeadingNode } from '@lexical/rich-text';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import type { NoteContent } from '../../../common/model/note';
import { buildNote, everyNodeNote } from '../../../common/notes/testing/noteFixtures';
import type { BriefContent } from '../briefContent';
import { docxBrief } from '../docxBrief';
import { briefNote, sampleBriefContent } from '../testing/briefFixtures';
import { R, all, attr, paragraphs, readDocx, textOf, type DocxPackage } from '../testing/docxXml';

/** A brief holding only this note, rendered and read back; notes are tested through the real document. */
async function renderNote(
  content: NoteContent,
  entityNames: Record<string, string> = {},
  fields: Partial<BriefContent> = {},
): Promise<{ docx: DocxPackage; body: ReturnType<typeof paragraphs> }> {
  const brief: BriefContent = {
    ...sampleBriefContent(),
    ...fields,
    summary: null,
    entityIndex: null,
    entityNames,
    sections: [{ kind: 'note', note: briefNote({ id: 'note_t', title: 'Test note', content }), article: null }],
  };
  const docx = readDocx(await docxBrief(brief));
  const body = paragraphs(docx.xml('word/document.xml'));
  // Only what follows the note's heading and its "Note · last edited" line came from the note.
  return { docx, body: body.slice(body.findIndex((p) => p.text === 'Test note') + 2) };
}

function runProps(p: { el: Element }, text: string): string[] {
  const run = all(p.el, 'r').find((r) => textOf(r) === text);
  if (!run) throw new Error(`no run "${text}" in "${textOf(p.el)}"`);
  return all(run, 'rPr').flatMap((rPr) => Array.from(rPr.children).map((c) => (c.localName === 'rStyle' || c.localName === 'vertAlign' ? `${c.localName}=${attr(c, 'val')}` : c.localName)));
}

describe('noteToDocx', () => {
  it('renders every node type of a note', async () => {
    const { docx, body } = await renderNote(everyNodeNote(), { ent_rajnath: 'Rajnath Singh (Raksha Mantri)', ent_japan: 'Japan' });
    expect(body.map((p) => [p.style, p.text])).toEqual([
      ['Heading2', 'Meeting readout'],
      [
        null,
        'Talks with Rajnath Singh (Raksha Mantri) were productive and cordial #followup see the readout. ' +
          'Cited: “the two ministers agreed to deepen cooperation” (India and Japan defence ministers meet, 2025-05-04, ¶ 1)',
      ],
      ['ListParagraph', 'First point'],
      ['ListParagraph', 'Japan'],
      ['ListParagraph', 'Step one'],
      ['Quote', 'A quoted remark'],
      ['DossierCode', 'UNIFIED-2025'],
      [null, 'Underlined'],
    ]);
    const talk = body[1]!;
    expect(runProps(talk, 'Rajnath Singh (Raksha Mantri)')).toContain('rStyle=DossierEntityMention');
    expect(runProps(talk, 'productive')).toContain('b');
    expect(runProps(talk, 'cordial')).toContain('i');
    expect(runProps(body[7]!, 'Underlined')).toContain('u');

    const link = all(talk.el, 'hyperlink')[0]!;
    expect(textOf(link)).toBe('the readout');
    const rel = all(docx.xml('word/_rels/document.xml.rels'), 'Relationship', 'http://schemas.openxmlformats.org/package/2006/relationships').find((r) => r.getAttribute('Id') === link.getAttributeNS(R, 'id'))!;
    expect([rel.getAttribute('Target'), rel.getAttribute('TargetMode')]).toEqual(['https://example.org/readout', 'External']);

    // The brief's citedArticles gives the article's date.
    expect(runProps(talk, 'India and Japan defence ministers meet')).toEqual(expect.arrayContaining(['i', 'color']));
  });

  it('cites under the title the passage was cited with, and no paragraph, when the brief does not know the article', async () => {
    const { body } = await renderNote(everyNodeNote(), {}, { citedArticles: undefined });
    expect(body[1]!.text).toMatch(/“the two ministers agreed to deepen cooperation” \(India and Japan defence ministers meet\)$/);
  });

  it('shifts note headings below the section heading and clamps at Heading 6', async () => {
    const note = buildNote(() => {
      for (const tag of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const) $getRoot().append($createHeadingNode(tag).append($createTextNode(tag)));
    });
    const { body } = await renderNote(note);
    expect(body.map((p) => `${p.text}:${p.style}`)).toEqual(['h1:Heading2', 'h2:Heading3', 'h3:Heading4', 'h4:Heading5', 'h5:Heading6', 'h6:Heading6']);
  });

  it('maps every text format bit', async () => {
    const note = buildNote(() => {
      const p = $createParagraphNode();
      for (const format of ['strikethrough', 'subscript', 'superscript', 'code', 'highlight'] as const) p.append($createTextNode(format).toggleFormat(format));
      p.append($createTextNode('all').toggleFormat('bold').toggleFormat('italic').toggleFormat('underline'));
      $getRoot().append(p);
    });
    const [p] = (await renderNote(note)).body;
    expect(runProps(p!, 'strikethrough')).toContain('strike');
    expect(runProps(p!, 'subscript')).toContain('vertAlign=subscript');
    expect(runProps(p!, 'superscript')).toContain('vertAlign=superscript');
    expect(runProps(p!, 'code')).toEqual(expect.arrayContaining(['rFonts', 'shd']));
    expect(runProps(p!, 'highlight')).toContain('highlight');
    expect(runProps(p!, 'all')).toEqual(expect.arrayContaining(['b', 'i', 'u']));
  });

  it('numbers each list from its start, nests levels and shows check states', async () => {
    const note = buildNote(() => {
      const number = () => $createListNode('number').append($createListItemNode().append($createTextNode('one')), $createListItemNode().append($createTextNode('two')));
      $getRoot().append(
        number(),
        $createParagraphNode().append($createTextNode('between')),
        number(),
        // Lexical merges adjacent lists of one type, so a list that goes on from 3 follows other text.
        $createParagraphNode().append($createTextNode('and then')),
        $createListNode('number', 3).append($createListItemNode().append($createTextNode('three'))),
        $createListNode('bullet').append(
          $createListItemNode().append($createTextNode('outer')),
          $createListItemNode().append($createListNode('bullet').append($createListItemNode().append($createTextNode('inner')))),
        ),
        $createListNode('check').append($createListItemNode(true).append($createTextNode('done')), $createListItemNode(false).append($createTextNode('todo'))),
      );
    });
    const { docx, body } = await renderNote(note);
    const numPr = (text: string) => {
      const p = body.find((b) => b.text === text)!;
      return { num: attr(all(p.el, 'numId')[0]!, 'val')!, level: attr(all(p.el, 'ilvl')[0]!, 'val') };
    };
    const numbering = docx.xml('word/numbering.xml');
    const abstractOf = (numId: string) => attr(all(all(numbering, 'num').find((n) => attr(n, 'numId') === numId)!, 'abstractNumId')[0]!, 'val')!;
    const level0 = (numId: string) => all(all(numbering, 'abstractNum').find((a) => attr(a, 'abstractNumId') === abstractOf(numId))!, 'lvl')[0]!;

    expect(numPr('one').num).toBe(numPr('two').num);
    // A second list is a new instance, so Word numbers it from 1 again.
    const second = body.filter((b) => b.text === 'one')[1]!;
    expect(attr(all(second.el, 'numId')[0]!, 'val')).not.toBe(numPr('one').num);
    // Word counts a list instance from its level override, or else from its definition.
    const startOf = (numId: string) => {
      const override = all(all(numbering, 'num').find((n) => attr(n, 'numId') === numId)!, 'lvlOverride').find((o) => attr(o, 'ilvl') === '0');
      const value = override ? all(override, 'startOverride')[0] : undefined;
      return attr(value ?? all(level0(numId), 'start')[0]!, 'val');
    };
    expect([startOf(numPr('one').num), startOf(attr(all(second.el, 'numId')[0]!, 'val')!), startOf(numPr('three').num)]).toEqual(['1', '1', '3']);
    expect(attr(all(level0(numPr('one').num), 'numFmt')[0]!, 'val')).toBe('decimal');
    expect([numPr('outer').level, numPr('inner').level]).toEqual(['0', '1']);
    expect(attr(all(level0(numPr('done').num), 'lvlText')[0]!, 'val')).toBe('☑');
    expect(attr(all(level0(numPr('todo').num), 'lvlText')[0]!, 'val')).toBe('☐');
    expect(body.some((b) => b.text === '')).toBe(false);
  });

  it('keeps line breaks and tabs, and code lines, as Word breaks and tabs', async () => {
    const { body } = await renderNote(buildNote(() => $getRoot().append($createCodeNode().append($createTextNode('a\tb')))));
    expect(body[0]!.text).toBe('a\tb');
    const { body: fixture } = await renderNote(sampleBriefContent().sections.flatMap((s) => (s.kind === 'note' && s.note.id === 'note_questions' ? [s.note.content] : []))[0]!);
    expect(fixture.map((p) => p.text)).toEqual(expect.arrayContaining(['grade\tsource\nB2\tThe Hindu', 'Line one\nLine two after a break\t']));
    const arabic = fixture.find((p) => p.text.startsWith('ملاحظة'))!;
    expect(all(arabic.el, 'bidi')).toHaveLength(1);
  });

  it('links only web and mail addresses; other links keep their text', async () => {
    const note = buildNote(() => {
      $getRoot().append(
        $createParagraphNode().append(
          $createLinkNode('javascript:alert(1)').append($createTextNode('script')),
          $createTextNode(' '),
          $createLinkNode('file:///C:/secret.docx').append($createTextNode('file')),
          $createTextNode(' '),
          $createLinkNode('mailto:desk@example.org').append($createTextNode('mail')),
        ),
      );
    });
    const { docx, body } = await renderNote(note);
    expect(body[0]!.text).toBe('script file mail');
    expect(all(body[0]!.el, 'hyperlink').map(textOf)).toEqual(['mail']);
    expect(docx.raw('word/_rels/document.xml.rels')).not.toMatch(/javascript|file:/);
  });

  it('renders nodes it does not know by their text, and skips ones without any', async () => {
    const content = {
      root: {
        type: 'root',
        children: [
          { type: 'paragraph', children: [{ type: 'text', text: 'before ', format: 0 }, { type: 'mark', ids: ['c1'], children: [{ type: 'text', text: 'marked', format: 1 }] }, { type: 'future-inline', text: ' after' }] },
          { type: 'horizontalrule', version: 1 },
          { type: 'table', children: [{ type: 'tablerow', children: [{ type: 'tablecell', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'cell' }] }] }] }] },
          { type: 'paragraph', children: [{ type: 'citation', quote: 'broken citation without its fields' }, { type: 'entity-mention', text: 'Unknown entity', entityId: 'ent_gone' }] },
        ],
      },
    } as NoteContent;
    const { body } = await renderNote(content);
    expect(body.map((p) => p.text)).toEqual(['before marked after', 'cell', 'broken citation without its fieldsUnknown entity']);
  });
});

describe('a note that opens with its own title', () => {
  it('is not given the title twice', async () => {
    const content = buildNote(() =>
      $getRoot().append($createHeadingNode('h2').append($createTextNode('Test  note')), $createParagraphNode().append($createTextNode('Body'))),
    );
    const brief: BriefContent = {
      ...sampleBriefContent(),
      summary: null,
      entityIndex: null,
      sections: [{ kind: 'note', note: briefNote({ id: 'note_t', title: 'Test note', content }), article: null }],
    };
    const texts = paragraphs(readDocx(await docxBrief(brief)).xml('word/document.xml')).map((p) => p.text);
    expect(texts.filter((t) => t.replace(/\s+/g, ' ') === 'Test note')).toHaveLength(1);
    expect(texts).toContain('Body');
  });
});
