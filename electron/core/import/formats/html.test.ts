import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { takeMarks, withoutSentinels } from '../../../common/text/textMarks';
import { decodeWindows1252 } from './decodeHtml';
import { extractHtml } from './html';
import { readHtmlMetadata } from './htmlMetadata';
import { htmlParagraphs } from './htmlParagraphs';
import { parseInertHtml } from './inertDom';

const enc = (s: string) => new TextEncoder().encode(s);
const SENTENCES = 'The regional assembly voted on Wednesday to extend the coastal path by forty kilometres. Construction starts next spring and is paid for by a tourism levy.';
const page = (head: string, body = `<p>${SENTENCES}</p>`) => `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`;

describe('extractHtml on a news page', () => {
  it('keeps the article paragraphs and none of the page around them', async () => {
    const bytes = await fs.readFile(fileURLToPath(new URL('../fixtures/news-page.html', import.meta.url)));
    const article = extractHtml(bytes, 'news-page.html');
    expect(article.text.split('\n\n')).toEqual([
      'The regional port authority opened an overnight ferry service between Kestrel Bay and Marrow Island on Thursday, ending a decade in which the last crossing left the mainland at nine in the evening.',
      "The new route runs every ninety minutes until dawn. Officials said the timetable was designed around hospital shift workers and the island's fish market, which opens at four in the morning.",
      'The refitted Gannet leaves Kestrel Bay terminal on its first night crossing.',
      '“People have asked for this for years,” said Tomasz Ferrier, who chairs the island council. “A nurse finishing at midnight should not have to sleep in her car.”',
      'Fares and funding',
      'Single tickets cost the same as daytime fares. The authority will review demand after six months:',
      '• two vessels rotate on the route;',
      '• cyclists travel free between midnight and five;',
      '• season tickets are valid on every crossing.',
      "“If the night boats run half empty, we will say so and change the plan,” the authority's director told reporters.",
      'The service is funded for two years from the regional transport budget.\nIsland residents can comment on the timetable until 30 April.',
    ]);
    for (const boilerplate of [
      'cookies', 'Accept all', 'Subscribe', 'Weather', 'Advertisement', 'Zephyr', 'harbour cruises', 'Comments', 'user42',
      'commuters', 'Related articles', 'Bridge repairs', 'All rights reserved', 'Privacy', 'Share', 'dataLayer', 'tracker',
      'transport correspondent', '14 March 2025',
    ]) {
      expect(article.text).not.toContain(boilerplate);
    }
    expect(article).toMatchObject({
      mediaType: 'text/html',
      title: 'Night ferry links Kestrel Bay and Marrow Island',
      published: '2025-03-14',
      author: 'Ines Calloway',
      outlet: 'The Harbour Ledger',
      language: 'en-GB',
      url: 'https://harbourledger.example/news/2025/03/14/night-ferry',
    });
  });

  it('falls back to <title>, meta and JSON-LD when readability finds no metadata', () => {
    const head =
      '<title>Coastal path extended</title><meta name="DATE" content="2024-11-05"><link rel="canonical" href="/relative">' +
      '<meta property="og:url" content="https://coast.example/path"><script type="application/ld+json">' +
      '{"@graph":[{"@type":"WebSite","name":"Coast Daily"},{"@type":["Report"],"author":[{"name":"A. Moreau"},"B. Okafor"],"publisher":{"name":"Coast Daily"}}]}</script>';
    const article = extractHtml(enc(page(head)), 'a.html');
    expect(article).toEqual({
      mediaType: 'text/html',
      text: SENTENCES,
      title: 'Coastal path extended',
      published: '2024-11-05',
      author: 'A. Moreau, B. Okafor',
      outlet: 'Coast Daily',
      language: undefined,
      url: 'https://coast.example/path',
    });
  });

  it('does not repeat the headline as the first paragraph', () => {
    const body = `<h1>Coastal path extended</h1><div><p>${SENTENCES}</p><p>${SENTENCES}</p></div>`;
    const article = extractHtml(enc(page('<title>Coastal path extended</title>', body)), 'a.html');
    expect(article.text).toBe(`${SENTENCES}\n\n${SENTENCES}`);
  });
});

describe('readHtmlMetadata', () => {
  it('reads dates from <time> when nothing else states one, and the html lang', () => {
    const dom = parseInertHtml('<html lang="pt_br"><body><time datetime="2023-01-01">then</time><article><time datetime="2023-06-30T10:00Z">x</time></article></body></html>');
    expect(readHtmlMetadata(dom.window.document)).toMatchObject({ publishedDates: ['2023-06-30T10:00Z', '2023-01-01'], language: 'pt-BR' });
  });

  it('survives broken JSON-LD', () => {
    const dom = parseInertHtml('<script type="application/ld+json">{"@type": "NewsArticle", </script><meta name="author" content=" Ana  Ruiz ">');
    expect(readHtmlMetadata(dom.window.document).authors).toEqual([' Ana  Ruiz ']);
  });
});

describe('htmlParagraphs', () => {
  /** The paragraphs as the reader shows their text: emphasis sentinels aside. */
  const paragraphs = (html: string) => htmlParagraphs(parseInertHtml(html).window.document.body).map(withoutSentinels);
  const marked = (html: string) => {
    const { text, marks } = takeMarks(htmlParagraphs(parseInertHtml(html).window.document.body).join('\n\n'));
    return marks.map((m) => `${m.kind}: ${text.slice(m.start, m.end)}`);
  };

  it('makes block elements paragraphs, <br> a line break, and collapses whitespace', () => {
    expect(paragraphs('<h2> Head\n line </h2>Loose <b>inline</b>\ttext<p>one<br>  two</p><ul><li>a</li><li><p>b</p></li></ul>')).toEqual([
      'Head line',
      'Loose inline text',
      'one\ntwo',
      '• a',
      '• b',
    ]);
  });

  it('keeps list markers, numbering from an <ol start>, nested lists indented, and bold and italic as marks', () => {
    expect(paragraphs('<ul><li>one<ul><li>inner</li></ul></li><li>two</li></ul><ol start="4"><li>four</li><li><p>five</p><p>more</p></li></ol>')).toEqual([
      '• one',
      '    ◦ inner',
      '• two',
      '4. four',
      '5. five',
      'more',
    ]);
    expect(marked('<p>A <strong>bold</strong> and <i>italic <b>both</b></i> line.</p><h2>No <b>marks</b> in headings</h2><b><p>Whole paragraph</p></b>')).toEqual([
      'strong: bold',
      'emphasis: italic both',
      'strong: both',
      'strong: Whole paragraph',
    ]);
  });

  it('keeps <pre> verbatim and turns each table row into cells joined by " | "', () => {
    expect(paragraphs('<pre>  x = 1\n\n  y = 2\n</pre><table><tr><th>Port</th><th>Ships</th></tr><tr><td><p>Kestrel</p></td><td>4</td></tr></table>')).toEqual([
      '  x = 1\n\n  y = 2',
      'Port | Ships',
      'Kestrel | 4',
    ]);
  });

  it('reads no text out of scripts, styles, templates and other non-text elements', () => {
    expect(paragraphs('<p>Kept<script>var a</script><style>p{}</style><template>t</template><noscript>n</noscript><svg><text>s</text></svg></p>')).toEqual(['Kept']);
  });
});

describe('HTML decoding', () => {
  const ARTICLE = `<!doctype html><html><head>%META%</head><body><p>${SENTENCES} Café, naïve, “quoted”, Ελληνικά.</p></body></html>`;

  it.each([
    ['UTF-16LE with a BOM', 'utf-16le', true, ''],
    ['UTF-16BE with a BOM', 'utf-16be', true, ''],
    ['UTF-16LE without a BOM', 'utf-16le', false, ''],
  ])('%s', (_, encoding, bom, meta) => {
    const text = ARTICLE.replace('%META%', meta);
    const units = Uint16Array.from(text, (c) => c.charCodeAt(0));
    const bytes = new Uint8Array(units.length * 2 + (bom ? 2 : 0));
    const view = new DataView(bytes.buffer);
    if (bom) view.setUint16(0, 0xfeff, encoding === 'utf-16le');
    units.forEach((unit, i) => view.setUint16((bom ? 2 : 0) + i * 2, unit, encoding === 'utf-16le'));
    expect(extractHtml(bytes, 'a.html').text).toBe(`${SENTENCES} Café, naïve, “quoted”, Ελληνικά.`);
  });

  it('decodes windows-1252 and ISO-8859-1 pages that declare it', () => {
    const latin = `<!doctype html><html><head>%META%</head><body><p>${SENTENCES} Caf\u00e9 \u201cquoted\u201d \u20ac5.</p></body></html>`;
    for (const meta of ['<meta charset="windows-1252">', '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">']) {
      const source = latin.replace('%META%', meta);
      const bytes = Uint8Array.from(source, (c) => ({ '\u201c': 0x93, '\u201d': 0x94, '\u20ac': 0x80 })[c] ?? c.charCodeAt(0));
      expect(extractHtml(bytes, 'a.html').text).toBe(`${SENTENCES} Café “quoted” €5.`);
    }
  });

  it('reads an undeclared page that is not UTF-8 as windows-1252, as browsers do', () => {
    const bytes = Uint8Array.from([...enc(`<html><body><p>${SENTENCES} Caf`), 0xe9, ...enc('.</p></body></html>')]);
    expect(extractHtml(bytes, 'a.html').text).toBe(`${SENTENCES} Café.`);
  });

  it('lets a BOM win over a contradicting <meta charset>', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(ARTICLE.replace('%META%', '<meta charset="windows-1252">'))]);
    expect(extractHtml(bytes, 'a.html').text).toContain('Café, naïve, “quoted”, Ελληνικά.');
  });
});

describe('decodeWindows1252', () => {
  it('maps all of 0x80–0x9F as the WHATWG index does, and every other byte to itself', () => {
    const c1 = decodeWindows1252(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
    expect(c1).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    const rest = Uint8Array.from({ length: 224 }, (_, i) => (i < 128 ? i : i + 32));
    expect(decodeWindows1252(rest)).toBe(String.fromCharCode(...rest));
  });
});

describe('extractHtml: the byline is said once', () => {
  it('drops a leading "By …" paragraph that repeats the author, keeping a sentence that names them', async () => {
    const bytes = await fs.readFile(fileURLToPath(new URL('../fixtures/byline-page.html', import.meta.url)));
    const article = extractHtml(bytes, 'byline-page.html');
    expect(article.author).toBe('Dana Whitlock');
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^The harbour board voted on Tuesday/);
    expect(article.text).not.toContain('By Dana Whitlock');
    expect(article.text).toContain('Dana Whitlock, who has covered the harbour for ten years');
    expect(paragraphs).toContain('1. Dredging the approach channel in May');
    expect(paragraphs).toContain('3. Laying the deck before the winter storms');
    expect(article.marks?.map((m) => article.text.slice(m.start, m.end))).toEqual(['sixty metres', 'regional grant']);
  });

  it('keeps a first paragraph that is not the byline', () => {
    const html = `<html><head><meta name="author" content="Dana Whitlock"></head><body><article><p>By Tomasz Ferrier</p><p>${SENTENCES}</p></article></body></html>`;
    expect(extractHtml(enc(html), 'a.html').text.startsWith('By Tomasz Ferrier')).toBe(true);
  });
});
