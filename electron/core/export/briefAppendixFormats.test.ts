import { JSDOM } from 'jsdom';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { nodesOf, parseMarkdown, typesOf } from '../notes/testing/parseMarkdown';
import type { BriefContent } from './briefContent';
import { docxBrief } from './docxBrief';
import { htmlBrief } from './htmlBrief';
import { markdownBrief } from './markdownBrief';
import { sampleAppendices, sampleBriefContent } from './testing/briefFixtures';
import { all, paragraphs, readDocx, schemaOrderProblems, textOf } from './testing/docxXml';
import { expectInert } from './testing/expectInert';

const withAppendices = (): BriefContent => ({ ...sampleBriefContent(), ...sampleAppendices() });
const HOSTILE = '<script>alert(1)</script> *em* [[Forged]] [x](javascript:alert(1)) | pipe\n# heading';

/** The sample's appendices with user text (type label, entity name, quote, event label, title) replaced by markup. */
function hostileAppendices(): BriefContent {
  const { relations, timeline } = sampleAppendices();
  const passage = { quote: HOSTILE, title: HOSTILE, where: '2025-05-04, ¶ 1' };
  return {
    ...sampleBriefContent(),
    sections: [],
    entityIndex: null,
    relations: [{ ...relations[1]!, label: HOSTILE, from: { id: 'ent_x', name: HOSTILE }, evidence: [passage] }],
    timeline: [{ ...timeline[0]!, label: HOSTILE, entities: [{ id: 'ent_x', name: HOSTILE }], passage }],
  };
}

describe('Markdown appendices', () => {
  const md = markdownBrief(withAppendices());
  const tree = parseMarkdown(md);
  const headings = nodesOf(tree, 'heading').map((h) => toString(h));

  it('come after the sections and before the entity index, relationships first', () => {
    const at = (heading: string) => headings.indexOf(heading);
    expect(at('Appendix: Relationships (2)')).toBeGreaterThan(at('Open questions'));
    expect(at('Appendix: Timeline (2)')).toBeGreaterThan(at('Appendix: Relationships (2)'));
    expect(at('Entity index (6)')).toBeGreaterThan(at('Appendix: Timeline (2)'));
  });

  it('name each relationship From —label→ To with wikilinks, its grading in words, and flag one without evidence', () => {
    expect(md).toContain('### [[Japan]] —partner in→ [[ADMM-Plus]]');
    expect(md).toContain('### [[Rajnath Singh]] —meets→ [[Gen Nakatani]]');
    expect(md).toContain('- **Grading:** B2 (usually reliable; probably true)\n- **Period:** since 2025-05');
    const flagged = md.slice(md.indexOf('[[Japan]] —partner in→'), md.indexOf('[[Rajnath Singh]] —meets→'));
    expect(flagged).toContain('**Flagged: no supporting passage is left in the articles**');
    expect(flagged).toContain('- **Grading:** ungraded');
  });

  it('quote the evidence and cite it in footnotes as highlights are cited', () => {
    const definitions = Object.fromEntries(nodesOf(tree, 'footnoteDefinition').map((d) => [d.identifier, toString(d)]));
    const cite = (quote: string) => definitions[md.slice(md.indexOf(`${quote}[^`)).match(/\[\^(\d+)\]/)![1]!];
    expect(cite('> a joint call for restraint')).toBe('ASEAN defence meeting ends with call for restraint, 2024-11-21, passage deleted.');
    expect(cite('> the two ministers agreed to deepen cooperation')).toBe('India and Japan defence ministers meet, 2025-05-04, ¶ 1.');
  });

  it('list the timeline earliest first in a table with entities as wikilinks and cited passages', () => {
    const table = nodesOf(tree, 'table').find((t) => toString(t.children[0]!).startsWith('Date'))!;
    const rows = table.children.slice(1).map((r) => r.children.map((c) => toString(c)));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['2024-11', 'ADMM-Plus closes with a call for restraint', '[[ADMM-Plus]]'],
      ['2025-05-04', 'Rajnath Singh meets Gen Nakatani in New Delhi', '[[Rajnath Singh]], [[Gen Nakatani]]'],
    ]);
    expect(nodesOf(table, 'footnoteReference')).toHaveLength(2);
  });

  it('are left out when empty', () => {
    expect(markdownBrief(sampleBriefContent())).not.toContain('Appendix');
  });

  it('keep hostile labels, names and quotes as text', () => {
    const hostile = markdownBrief(hostileAppendices());
    const types = typesOf(parseMarkdown(hostile));
    for (const type of ['html', 'link', 'image', 'definition']) expect(types.has(type), type).toBe(false);
    expect(hostile).not.toMatch(/(^|[^\\])<script/);
    // The only wikilinks are the entities' own, with the name's brackets taken out.
    expect(hostile).not.toContain('[[Forged]]');
  });
});

describe('HTML appendices', () => {
  const doc = new JSDOM(htmlBrief(withAppendices())).window.document;

  it('are sections with headings, before the entity index, entities linked to their index rows', () => {
    const headings = [...doc.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings.slice(-3)).toEqual(['Appendix: Relationships (2)', 'Appendix: Timeline (2)', 'Entity index (6)']);
    const relations = doc.querySelector('section[aria-labelledby="appendix-relations"]')!;
    expect([...relations.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Japan —partner in→ ADMM-Plus', 'Rajnath Singh —meets→ Gen Nakatani']);
    const link = relations.querySelector('h3 a.mention')!;
    expect(link.getAttribute('href')).toBe('#entity-ent_japan');
    expect(doc.getElementById('entity-ent_japan')).not.toBeNull();
  });

  it('show grading in words, mark the flagged relationship in words, and cite each quote', () => {
    const [flagged, supported] = [...doc.querySelectorAll('article.relation')];
    expect(flagged!.classList.contains('flagged')).toBe(true);
    expect(flagged!.querySelector('.flag')!.textContent).toBe('Flagged: no supporting passage is left in the articles');
    expect(flagged!.querySelector('.badge.grading')!.textContent).toBe('ungraded');
    expect(supported!.querySelector('.flag')).toBeNull();
    expect(supported!.querySelector('.relation-facts')!.textContent).toBe('B2 (usually reliable; probably true)since 2025-05');
    expect([...supported!.querySelectorAll('blockquote')].map((q) => q.textContent)).toEqual([
      'the two ministers agreed to deepen cooperation',
      'Delegates from Japan and India held a separate meeting on the sidelines',
    ]);
    expect(supported!.querySelector('.cite')!.textContent).toBe('— India and Japan defence ministers meet, 2025-05-04, ¶ 1');
  });

  it('list the timeline earliest first in a table, dates at their precision', () => {
    const rows = [...doc.querySelectorAll('table.timeline tbody tr')];
    expect(rows.map((r) => r.querySelector('time')!.getAttribute('datetime'))).toEqual(['2024-11', '2025-05-04']);
    expect(rows[1]!.children[2]!.textContent).toBe('Rajnath Singh, Gen Nakatani');
    expect(rows[0]!.querySelector('.cite')!.textContent).toBe('— ASEAN defence meeting ends with call for restraint, 2024-11-21, ¶ 1');
  });

  it('are left out when empty', () => {
    expect(htmlBrief(sampleBriefContent())).not.toContain('Appendix');
  });

  it('keep hostile labels, names and quotes as text, the page inert', () => {
    const hostile = new JSDOM(htmlBrief(hostileAppendices())).window.document;
    expectInert(hostile);
    expect(hostile.querySelector('article.relation blockquote')!.textContent).toBe(HOSTILE);
    expect(hostile.querySelector('article.relation h3')!.textContent).toBe(`${HOSTILE.replace(/\s+/g, ' ')} —${HOSTILE.replace(/\s+/g, ' ')}→ Gen Nakatani`);
    expect(hostile.querySelector('table.timeline td:nth-child(2)')!.textContent).toBe(HOSTILE.replace(/\s+/g, ' '));
  });
});

describe('DOCX appendices', () => {
  it('are Heading 1 sections with a heading per relationship, quotes, citations and a flag in words', async () => {
    const docx = readDocx(await docxBrief(withAppendices()));
    const body = docx.xml('word/document.xml');
    expect(schemaOrderProblems(body)).toEqual([]);
    const ps = paragraphs(body);
    const headings = ps.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}: ${p.text}`);
    expect(headings.slice(-5)).toEqual([
      'Heading1: Appendix: Relationships (2)',
      'Heading2: Japan —partner in→ ADMM-Plus',
      'Heading2: Rajnath Singh —meets→ Gen Nakatani',
      'Heading1: Appendix: Timeline (2)',
      'Heading1: Entity index',
    ]);
    const from = ps.findIndex((p) => p.text === 'Japan —partner in→ ADMM-Plus');
    expect(ps.slice(from + 1, from + 5).map((p) => [p.style, p.text])).toEqual([
      ['DossierExcerptLabel', 'Ungraded'],
      [null, '⚑ Flagged: no supporting passage is left in the articles'],
      ['Quote', 'a joint call for restraint'],
      ['DossierCitation', '— ASEAN defence meeting ends with call for restraint, 2024-11-21, passage deleted'],
    ]);
    const next = ps.findIndex((p) => p.text === 'Rajnath Singh —meets→ Gen Nakatani');
    expect(ps[next + 1]!.text).toBe(' B2  Usually reliable; probably true   since 2025-05');
    // Entity names carry the style mentions have in notes.
    expect(all(ps[next]!.el, 'rStyle').map((s) => s.getAttributeNS(s.namespaceURI, 'val'))).toEqual(['DossierEntityMention', 'DossierEntityMention']);
  });

  it('put the timeline in a table, earliest first', async () => {
    const body = readDocx(await docxBrief(withAppendices())).xml('word/document.xml');
    const table = all(body, 'tbl').find((t) => textOf(all(t, 'tr')[0]!).startsWith('Date'))!;
    const rows = all(table, 'tr').map((tr) => all(tr, 'tc').map((tc) => all(tc, 'p').map(textOf).join(' / ')));
    expect(rows).toEqual([
      ['Date', 'Event', 'Entities', 'Passage'],
      [
        '2024-11',
        'ADMM-Plus closes with a call for restraint',
        'ADMM-Plus',
        '“The ASEAN Defence Ministers’ Meeting-Plus closed on Thursday with a joint call for restraint” / — ASEAN defence meeting ends with call for restraint, 2024-11-21, ¶ 1',
      ],
      [
        '2025-05-04',
        'Rajnath Singh meets Gen Nakatani in New Delhi',
        'Rajnath Singh / Gen Nakatani',
        '“Defence Minister Rajnath Singh met his Japanese counterpart Gen Nakatani in New Delhi on Monday.” / — India and Japan defence ministers meet, 2025-05-04, ¶ 1',
      ],
    ]);
  });

  it('are left out when empty, and keep hostile text as text', async () => {
    const plain = paragraphs(readDocx(await docxBrief(sampleBriefContent())).xml('word/document.xml'));
    expect(plain.some((p) => p.text.startsWith('Appendix'))).toBe(false);
    const docx = readDocx(await docxBrief(hostileAppendices()));
    const ps = paragraphs(docx.xml('word/document.xml'));
    expect(ps.filter((p) => p.style === 'Quote').map((p) => p.text)).toEqual([HOSTILE]);
    expect(docx.raw('word/document.xml')).not.toContain('<script>');
  });
});

describe('the timeline appendix in the date format of the setting', () => {
  const dated = (dateFormat: BriefContent['dateFormat']): BriefContent => ({ ...withAppendices(), dateFormat });
  const WORDS = ['November 2024', '4 May 2025'];

  it('writes Markdown dates as chosen, ISO when none is', () => {
    const firstCells = (md: string) => {
      const table = nodesOf(parseMarkdown(md), 'table').find((t) => toString(t.children[0]!).startsWith('Date'))!;
      return table.children.slice(1).map((r) => toString(r.children[0]!));
    };
    expect(firstCells(markdownBrief(dated('day-month-year')))).toEqual(WORDS);
    expect(firstCells(markdownBrief(dated('iso')))).toEqual(['2024-11', '2025-05-04']);
    expect(firstCells(markdownBrief(withAppendices()))).toEqual(['2024-11', '2025-05-04']);
  });

  it('writes HTML dates as chosen, keeping the ISO date for machines', () => {
    const doc = new JSDOM(htmlBrief(dated('day-month-year'))).window.document;
    const times = [...doc.querySelectorAll('table.timeline time')];
    expect(times.map((t) => t.textContent)).toEqual(WORDS);
    expect(times.map((t) => t.getAttribute('datetime'))).toEqual(['2024-11', '2025-05-04']);
  });

  it('writes DOCX dates as chosen', async () => {
    const body = readDocx(await docxBrief(dated('day-month-year'))).xml('word/document.xml');
    const table = all(body, 'tbl').find((t) => textOf(all(t, 'tr')[0]!).startsWith('Date'))!;
    expect(all(table, 'tr').slice(1).map((tr) => textOf(all(tr, 'tc')[0]!))).toEqual(WORDS);
  });
});
