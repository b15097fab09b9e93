import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../common/errors';
import { extractMarkdown } from './markdown';

const enc = (s: string) => new TextEncoder().encode(s);
const BODY = 'The council approved the new harbour plan on Friday. Work on the breakwater starts in autumn and should take two years.';

describe('extractMarkdown', () => {
  it('reads the fixture: front matter as metadata, one paragraph per block, list markers kept, no markup', async () => {
    const bytes = await fs.readFile(fileURLToPath(new URL('../fixtures/field-report.md', import.meta.url)));
    const article = extractMarkdown(bytes, 'field-report.md');
    expect(article).toMatchObject({
      mediaType: 'text/markdown',
      title: 'Grain silo at Dunmore reopens after storm repairs',
      url: 'https://valleyherald.example/2025/06/21/dunmore-silo',
      author: 'Priya Ostrander',
      outlet: 'The Valley Herald',
      published: '2025-06-21',
      language: 'en-GB',
    });
    expect(article.text.split('\n\n')).toEqual([
      'The Dunmore grain silo reopened on Saturday, three months after a spring storm tore away part of its roof and soaked nearly 400 tonnes of stored barley.',
      'Workers on the silo roof',
      "The farmers' co-operative that runs the site said repairs cost less than feared.\nInsurance covered most of the bill.\nDeliveries resume on Monday.",
      'What changes',
      '• A new steel roof, rated for winds of 150 km/h',
      '• Moisture sensors in every bin',
      '• Weekend opening during harvest',
      '"We lost a season\'s worth of trust, not just grain," said the co-operative\'s manager, Ewan Halloran.',
      'Bin | Capacity (t)',
      'North | 1,200',
      'South | 950',
      'bins.north.capacity = 1200\nbins.south.capacity = 950',
    ]);
    expect(article.text).not.toMatch(/editor:|tags|agriculture|\*\*|\]\(|<!--/);
    // Bold and italic are kept beside the text, not in it.
    expect(article.marks?.map((m) => `${m.kind}: ${article.text.slice(m.start, m.end)}`)).toEqual(['strong: Dunmore', 'emphasis: nearly 400 tonnes']);
  });

  it('takes an opening level-1 heading as the title when front matter states none, and does not repeat it', () => {
    const article = extractMarkdown(enc(`Harbour plan approved\n=====================\n\n${BODY}`), 'a.md');
    expect(article).toEqual({ mediaType: 'text/markdown', title: 'Harbour plan approved', text: BODY });
  });

  it('keeps the opening heading in the text when front matter gives a different title', () => {
    const article = extractMarkdown(enc(`---\ntitle: Stated title\n---\n# Heading\n\n${BODY}`), 'a.md');
    expect(article).toMatchObject({ title: 'Stated title', text: `Heading\n\n${BODY}` });
  });

  it('takes no title from a document that starts with text or a level-2 heading', () => {
    expect(extractMarkdown(enc(`## Background\n\n${BODY}`), 'a.md')).toEqual({ mediaType: 'text/markdown', text: `Background\n\n${BODY}` });
    expect(extractMarkdown(enc(`${BODY}\n\n# Later heading`), 'a.md').title).toBeUndefined();
  });

  it('ignores front matter that is not valid YAML, importing the body without it', () => {
    const source = `---\ntitle: "unclosed\nauthor: [a, b\n---\n\n${BODY}`;
    expect(extractMarkdown(enc(source), 'a.md')).toEqual({ mediaType: 'text/markdown', text: BODY });
  });

  it('ignores front matter that is YAML but not a mapping, and unusable values', () => {
    expect(extractMarkdown(enc(`---\n- just\n- a list\n---\n${BODY}`), 'a.md')).toEqual({ mediaType: 'text/markdown', text: BODY });
    const odd = `---\nTitle: Case-insensitive keys\ndate: last Tuesday\nlang: not a tag\nsource: Reuters\nauthor: [Ana Ruiz, {name: Li Wei}]\n---\n${BODY}`;
    expect(extractMarkdown(enc(odd), 'a.md')).toEqual({
      mediaType: 'text/markdown',
      title: 'Case-insensitive keys',
      author: 'Ana Ruiz, Li Wei',
      // `source` that is not a URL names the outlet.
      outlet: 'Reuters',
      text: BODY,
    });
  });

  it('accepts the alternative keys and an empty front matter block', () => {
    const alt = `---\nurl: https://x.example/a\npublished: 2024-02-29\nsite: Herald\nlanguage: ar\n...\n${BODY}`;
    expect(extractMarkdown(enc(alt), 'a.md')).toMatchObject({ url: 'https://x.example/a', published: '2024-02-29', outlet: 'Herald', language: 'ar' });
    expect(extractMarkdown(enc(`---\n---\n${BODY}`), 'a.md')).toEqual({ mediaType: 'text/markdown', text: BODY });
  });

  it('treats a --- later in the document as a rule, not front matter', () => {
    expect(extractMarkdown(enc(`${BODY}\n\n---\n\ntitle: not metadata`), 'a.md').text).toBe(`${BODY}\n\ntitle: not metadata`);
  });

  it('drops raw HTML blocks, inline tags and footnote markers but keeps their text content and footnotes', () => {
    const source = `<div class="note">\n<script>alert(1)</script>\n</div>\n\n${BODY} <span>Visible</span> words[^1] and \`code\`.\n\n[^1]: A footnote with text.`;
    expect(extractMarkdown(enc(source), 'a.md').text).toBe(`${BODY} Visible words and code.\n\nA footnote with text.`);
  });

  it('keeps text in any script', () => {
    const source = '# Заголовок\n\nМинистр обороны заявил в среду, что переговоры продолжатся. 中文段落在这里继续。العربية نص طويل بما يكفي للاختبار هنا.';
    const article = extractMarkdown(enc(source), 'ru.md');
    expect(article.title).toBe('Заголовок');
    expect(article.text).toContain('中文段落在这里继续。');
  });

  it('refuses a document without a couple of sentences', () => {
    expect(() => extractMarkdown(enc('---\ntitle: T\n---\n# Heading\n\n- a\n- b'), 'stub.md')).toThrow(DossierError);
    expect(() => extractMarkdown(enc('---\ntitle: T\n---\n'), 'stub.md')).toThrow(/stub\.md is not an article/);
  });
});
