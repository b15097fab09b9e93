import { describe, expect, it } from 'vitest';
import { positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import type { Annotation } from '../../common/model/annotation';
import type { ArticleMeta, ArticleVersion } from '../../common/model/article';
import { DEFAULT_PALETTE, type Palette } from '../../common/model/palette';
import { ParagraphNumbers } from '../../common/text/paragraphNumbers';
import type { BriefContent } from './briefContent';
import { markdownBrief as render } from './markdownBrief';

const TEXT =
  'In the backdrop of ongoing discussions, Defence Minister Rajnath Singh will hold a bilateral meeting.\n\n' +
  'This follows the ASEAN Defence Ministers\u2019 Meeting-Plus in Laos.';

const V1: ArticleVersion = {
  version: 1,
  sha256: 'a'.repeat(64),
  importedAt: '2025-06-01T09:30:00.000Z',
  source: 'india-japan-defence-2025-05-04.txt',
  original: 'v1/original.txt',
  mediaType: 'text/plain',
  length: TEXT.length,
};

const META: ArticleMeta = {
  id: 'art_01jt0000000000000000000000',
  rev: 1,
  title: 'India and Japan to talk logistics',
  source: 'india-japan-defence-2025-05-04.txt',
  url: null,
  outlet: null,
  author: null,
  published: '2025-05-04',
  language: 'en',
  importedAt: '2025-06-01T09:30:00.000Z',
  version: 1,
  versions: [V1],
};

const PALETTE = DEFAULT_PALETTE;

const GENERATED = new Date('2025-06-02T12:00:00Z');

function ann(text: string, quote: string, comment = '', exactOverride?: string, fields: Partial<Annotation> = {}): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  const end = start + quote.length;
  const selector = quoteSelectorAt(text, start, end);
  return {
    id: `ann_${String(start).padStart(26, '0')}`,
    rev: 1,
    articleId: META.id,
    motivation: comment ? 'commenting' : 'highlighting',
    target: { version: 1, quote: exactOverride ? { ...selector, exact: exactOverride } : selector, position: positionSelector(start, end) },
    comment,
    color: null,
    tags: [],
    grading: null,
    replies: [],
    creator: { name: 'Analyst' },
    modifiedBy: { name: 'Analyst' },
    status: 'anchored',
    created: '2025-06-01T10:00:00.000Z',
    modified: '2025-06-01T10:00:00.000Z',
    ...fields,
  };
}

/** A one-article brief, as `dossier export --article` assembles it. */
function markdownBrief(article: ArticleMeta, annotations: Annotation[], palette: Palette = [], generated = new Date(), extra: Partial<BriefContent> = {}): string {
  const content: BriefContent = {
    title: article.title,
    author: '',
    handling: '',
    generated: generated.toISOString(),
    summary: null,
    palette,
    sections: [{ kind: 'article', source: { article, excerpts: annotations.filter((a) => a.status !== 'orphaned'), orphans: annotations.filter((a) => a.status === 'orphaned'), places: placesIn(TEXT, annotations) } }],
    entityIndex: null,
    entityNames: {},
    ...extra,
  };
  return render(content);
}

/** What assembly finds: each passage's paragraphs in the text (the orphans' earlier version here is the same text). */
function placesIn(text: string, annotations: Annotation[]): Record<string, string> {
  const numbers = new ParagraphNumbers(text);
  return Object.fromEntries(annotations.map((a) => [a.id, numbers.label(a.target.position.start, a.target.position.end) ?? '']));
}

/** The lines the brief itself makes into headings, lists and so on; anything else came from text. */
function highlightSection(md: string): string[] {
  return md.split('\n').slice(md.split('\n').findIndex((l) => l.startsWith('## Highlights')) + 1);
}

const HEADING = /^ {0,3}#{1,6}(\s|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)\s*$/;
const LIST_ITEM = /^ {0,3}([-+*]|\d{1,9}[.)])(\s|$)/;
const RAW_HTML = /(^|[^\\])<[a-zA-Z/!?]/;
/** `[`, `]`, `<`, `>`, `*`, `_`, backtick not preceded by a backslash. */
const UNESCAPED_MARKUP = /(^|[^\\])[[\]<*_`]/;

describe('markdownBrief', () => {
  it('has the title, provenance, each highlight as a blockquote with its comment and a citation', () => {
    const a = ann(TEXT, 'Defence Minister Rajnath Singh', 'The minister himself.');
    const b = ann(TEXT, 'Ministers\u2019 Meeting-Plus');
    const md = markdownBrief(META, [a, b], PALETTE, GENERATED);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# India and Japan to talk logistics');
    expect(md).toContain('- **Source:** india-japan-defence-2025-05-04.txt');
    expect(md).toContain('- **Published:** 2025-05-04');
    expect(md).toContain('- **Imported:** 2025-06-01');
    expect(md).toContain(`- **SHA-256:** \`${'a'.repeat(64)}\``);
    expect(md).toContain('- **Brief generated:** 2025-06-02');
    // Provenance the article does not have is left out rather than shown empty; one version needs no number.
    expect(md).not.toMatch(/\*\*(Outlet|Author|URL|Version):/);
    expect(md).toContain('## Highlights (2)');
    expect(md).not.toContain('not found in the current version');
    // Each quote carries a footnote with its citation: title, date and the paragraph the reader numbers.
    expect(lines).toContain('> Defence Minister Rajnath Singh[^1]');
    expect(lines).toContain('The minister himself.');
    expect(lines).toContain('> Ministers\u2019 Meeting-Plus[^2]');
    expect(lines).toContain('[^1]: *India and Japan to talk logistics*, 2025-05-04, ¶ 1.');
    expect(lines).toContain('[^2]: *India and Japan to talk logistics*, 2025-05-04, ¶ 2.');
    expect(md).not.toMatch(/characters \d/);
    // In the order given (the service lists in document order), numbered 1., 2.
    expect(md.indexOf('### 1.')).toBeLessThan(md.indexOf('> Defence Minister'));
    expect(md.indexOf('### 2.')).toBeLessThan(md.indexOf('> Ministers\u2019'));
    expect(md.indexOf('> Defence Minister')).toBeLessThan(md.indexOf('### 2.'));
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n{3,}/);
  });

  it('says "undated" without a date, and "No highlights yet" without highlights', () => {
    const md = markdownBrief({ ...META, published: null }, [], PALETTE, GENERATED);
    expect(md).toContain('- **Published:** undated');
    expect(md).toContain('## Highlights (0)');
    expect(md).toContain('*No highlights yet.*');
  });

  it('quotes a passage of several paragraphs line by line', () => {
    const quote = 'bilateral meeting.\n\nThis follows';
    const md = markdownBrief(META, [ann(TEXT, quote)], PALETTE, GENERATED);
    expect(md).toContain('> bilateral meeting.\n>\n> This follows');
  });

  it('keeps comment paragraphs and drops surrounding blank lines', () => {
    const md = markdownBrief(META, [ann(TEXT, 'Laos', '\n\nFirst point.\n\nSecond point.\n\n')], PALETTE, GENERATED);
    expect(md).toContain('> Laos[^1]\n\nFirst point.\n\nSecond point.\n\n[^1]: *');
  });

  const HOSTILE = [
    '<script>alert(1)</script>',
    '[x](javascript:alert(1))',
    '![img](http://evil.example/x.png)',
    '<img src=x onerror=alert(1)>',
    '<http://evil.example>',
    '# heading',
    '   ## indented heading',
    '1. item',
    '2) item',
    '- item',
    '+ item',
    '* item',
    '> quoted',
    '*bold* and _em_ and `code` and ~~strike~~',
    '| a | b |',
    'Setext heading one',
    '===',
    'Setext heading two',
    '---',
    '***',
    '\\<script>',
  ].join('\n');

  it('escapes a hostile comment: no raw HTML, no active link, no heading, no list', () => {
    const md = markdownBrief(META, [ann(TEXT, 'Laos', HOSTILE)], PALETTE, GENERATED);
    const section = highlightSection(md).filter((l) => !l.startsWith('### ') && !l.startsWith('[^1]: *') && l !== '> Laos[^1]');
    expect(section.join('\n')).toContain('\\<script>alert(1)\\</script>');
    expect(section.join('\n')).toContain('\\[x\\](javascript:alert(1))');
    for (const line of section) {
      expect(line, line).not.toMatch(HEADING);
      expect(line, line).not.toMatch(SETEXT_UNDERLINE);
      expect(line, line).not.toMatch(LIST_ITEM);
      expect(line, line).not.toMatch(RAW_HTML);
      expect(line, line).not.toMatch(UNESCAPED_MARKUP);
      expect(line, line).not.toMatch(/^ {0,3}>/);
    }
  });

  it('escapes a hostile quote the same way inside its blockquote', () => {
    const text = `Intro.\n${HOSTILE}\nOutro.`;
    const md = markdownBrief({ ...META, versions: [{ ...V1, length: text.length }] }, [ann(text, HOSTILE)], PALETTE, GENERATED);
    const quoteLines = highlightSection(md).filter((l) => l.startsWith('>'));
    expect(quoteLines).toHaveLength(HOSTILE.split('\n').length);
    expect(quoteLines.at(-1)).toMatch(/\[\^1\]$/);
    for (const line of quoteLines) {
      const inner = line.replace(/^> ?/, '').replace(/\[\^1\]$/, '');
      expect(inner, line).not.toMatch(HEADING);
      expect(inner, line).not.toMatch(SETEXT_UNDERLINE);
      expect(inner, line).not.toMatch(LIST_ITEM);
      expect(inner, line).not.toMatch(RAW_HTML);
      expect(inner, line).not.toMatch(UNESCAPED_MARKUP);
      expect(inner, line).not.toMatch(/^ {0,3}>/);
    }
    expect(md).toContain('> \\<script>alert(1)\\</script>');
  });

  it('escapes the title and source in the header and the citation', () => {
    const md = markdownBrief({ ...META, title: '<b>*Breaking*</b> [news](javascript:x)', source: '<evil>.txt' }, [ann(TEXT, 'Laos')], PALETTE, GENERATED);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# \\<b>\\*Breaking\\*\\</b> \\[news\\](javascript:x)');
    expect(md).toContain('- **Source:** \\<evil>.txt');
    expect(md).toContain('[^1]: *\\<b>\\*Breaking\\*\\</b> \\[news\\](javascript:x)*, 2025-05-04');
    expect(md).not.toMatch(RAW_HTML);
  });

  it('has no headings but its own', () => {
    const md = markdownBrief(META, [ann(TEXT, 'Laos', '# not a heading\n## nor this')], PALETTE, GENERATED);
    expect(md.split('\n').filter((l) => HEADING.test(l))).toEqual(['# India and Japan to talk logistics', '## Highlights (1)', '### 1.']);
  });
});

describe('markdownBrief: provenance', () => {
  const V2: ArticleVersion = { ...V1, version: 2, sha256: 'b'.repeat(64), source: 'correction.html', original: 'v2/original.html', mediaType: 'text/html' };
  const FULL: ArticleMeta = {
    ...META,
    outlet: 'The Hindu',
    author: 'Dinakar Peri',
    url: 'https://www.thehindu.com/news/national/india-japan-talks/article1.ece',
    version: 2,
    versions: [V1, V2],
  };

  it('lists outlet, author, date, language, source, URL, import date, version and the current version\u2019s SHA-256 in order', () => {
    const md = markdownBrief(FULL, [], PALETTE, GENERATED);
    const header = md.split('\n').filter((l) => l.startsWith('- **'));
    expect(header).toEqual([
      '- **Outlet:** The Hindu',
      '- **Author:** Dinakar Peri',
      '- **Published:** 2025-05-04',
      '- **Language:** English (en)',
      '- **Source:** india-japan-defence-2025-05-04.txt',
      '- **URL:** <https://www.thehindu.com/news/national/india-japan-talks/article1.ece>',
      '- **Imported:** 2025-06-01',
      '- **Version:** 2 of 2',
      `- **SHA-256:** \`${'b'.repeat(64)}\``,
      '- **Brief generated:** 2025-06-02',
    ]);
  });

  it('gives the SHA-256 of the version that is current, even when it is not the last', () => {
    const md = markdownBrief({ ...FULL, version: 1 }, [], PALETTE, GENERATED);
    expect(md).toContain(`- **SHA-256:** \`${'a'.repeat(64)}\``);
    expect(md).toContain('- **Version:** 1 of 2');
  });

  it('escapes outlet and author, and keeps a URL with spaces or angle brackets one link', () => {
    const md = markdownBrief({ ...FULL, outlet: '<i>The *Daily*</i>', author: '[me](javascript:x)', url: 'https://example.org/a b<c>' }, [], PALETTE, GENERATED);
    expect(md).toContain('- **Outlet:** \\<i>The \\*Daily\\*\\</i>');
    expect(md).toContain('- **Author:** \\[me\\](javascript:x)');
    expect(md).toContain('- **URL:** <https://example.org/a%20b%3Cc%3E>');
    for (const line of md.split('\n').filter((l) => !l.startsWith('- **URL:**'))) expect(line).not.toMatch(RAW_HTML);
  });

  it('never makes a link of a URL that is not http(s)', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      const md = markdownBrief({ ...FULL, url }, [], PALETTE, GENERATED);
      const line = md.split('\n').find((l) => l.startsWith('- **URL:**'))!;
      expect(line, url).not.toMatch(/<[a-z]+:/i);
      expect(line, url).not.toMatch(RAW_HTML);
      expect(line.slice('- **URL:** '.length), url).not.toMatch(UNESCAPED_MARKUP);
    }
  });
});

describe('markdownBrief: colour, grading, tags and replies', () => {
  const replies = [
    { id: 'rep_1', body: 'Checked with the embassy.', creator: { name: 'Sam' }, created: '2025-06-02T08:00:00.000Z', modified: '2025-06-02T08:00:00.000Z' },
    { id: 'rep_2', body: 'Second line\nof a reply.', creator: { name: 'Ana' }, created: '2025-06-03T08:00:00.000Z', modified: '2025-06-03T08:00:00.000Z' },
  ];

  it('heads each highlight with its colour\u2019s label and its grading spelled out', () => {
    const a = ann(TEXT, 'Defence Minister Rajnath Singh', '', undefined, { color: 'green', grading: { reliability: 'B', credibility: 2 } });
    const b = ann(TEXT, 'Laos', '', undefined, { color: 'red' });
    const c = ann(TEXT, 'bilateral meeting', '', undefined, { grading: { reliability: 'F', credibility: 6 } });
    const md = markdownBrief(META, [a, c, b], PALETTE, GENERATED);
    const headings = md.split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toEqual([
      '### 1. Evidence · B2 (usually reliable; probably true)',
      '### 2. F6 (reliability cannot be judged; truth cannot be judged)',
      '### 3. Key date',
    ]);
  });

  it('uses the palette given, so a renamed colour shows its new label, and shows no label for an unknown colour', () => {
    const renamed = PALETTE.map((p) => (p.key === 'green' ? { ...p, label: 'Confirmed' } : p));
    const md = markdownBrief(META, [ann(TEXT, 'Laos', '', undefined, { color: 'green' }), ann(TEXT, 'bilateral', '', undefined, { color: 'teal' })], renamed, GENERATED);
    expect(md.split('\n').filter((l) => l.startsWith('### '))).toEqual(['### 1. Confirmed', '### 2.']);
    expect(markdownBrief(META, [ann(TEXT, 'Laos', '', undefined, { color: 'green' })], undefined, GENERATED)).toContain('### 1.\n');
  });

  it('says when the text changed since a highlight was made', () => {
    const md = markdownBrief(META, [ann(TEXT, 'Laos', '', undefined, { status: 'drifted', color: 'yellow' })], PALETTE, GENERATED);
    expect(md).toContain('### 1. Claim · text changed since highlighted');
  });

  it('lists tags, then the comment, then the replies as list items with who and when', () => {
    const a = ann(TEXT, 'Laos', 'Venue of the first meeting.', undefined, { tags: ['ADMM-Plus', 'Laos'], replies });
    const md = markdownBrief(META, [a], PALETTE, GENERATED);
    expect(md).toContain(
      '> Laos[^1]\n\nTags: `ADMM-Plus`, `Laos`\n\nVenue of the first meeting.\n\n' +
        '- **Sam** (2025-06-02): Checked with the embassy.\n- **Ana** (2025-06-03): Second line of a reply.\n\n[^1]: *India and Japan',
    );
  });

  it('escapes hostile tags, reply bodies, reply authors and colour labels', () => {
    const hostileReply = { ...replies[0]!, body: '<script>x</script>\n# heading\n[a](javascript:b)', creator: { name: '*<b>Mallory</b>*' } };
    const palette = [{ key: 'yellow', label: '<img src=x onerror=alert(1)>', color: '#ffff00' }];
    const a = ann(TEXT, 'Laos', '', undefined, { color: 'yellow', tags: ['`code` tag'], replies: [hostileReply] });
    const md = markdownBrief(META, [a], palette, GENERATED);
    expect(md).toContain('### 1. \\<img src=x onerror=alert(1)>');
    // A backtick in a tag needs a longer code fence, not a changed tag.
    expect(md).toContain('Tags: `` `code` tag ``');
    expect(md).toContain('- **\\*\\<b>Mallory\\</b>\\*** (2025-06-02): \\<script>x\\</script> # heading \\[a\\](javascript:b)');
    expect(md).not.toMatch(RAW_HTML);
    expect(md.split('\n').filter((l) => HEADING.test(l))).toEqual(['# India and Japan to talk logistics', '## Highlights (1)', '### 1. \\<img src=x onerror=alert(1)>']);
  });
});

describe('markdownBrief: highlights not found in the current version', () => {
  it('lists orphans apart, after the placed highlights, with their old quote, version and paragraph', () => {
    const placed = ann(TEXT, 'Laos', 'Still here.');
    const orphan = ann(TEXT, 'bilateral meeting', 'Gone in the correction.', undefined, {
      status: 'orphaned',
      tags: ['removed'],
      replies: [{ id: 'rep_1', body: 'Ask why.', creator: { name: 'Sam' }, created: '2025-06-02T08:00:00.000Z', modified: '2025-06-02T08:00:00.000Z' }],
    });
    const md = markdownBrief({ ...META, version: 2, versions: [V1, { ...V1, version: 2, sha256: 'b'.repeat(64) }] }, [orphan, placed], PALETTE, GENERATED);
    expect(md).toContain('## Highlights (1)');
    expect(md).toContain('## Highlights not found in the current version (1)');
    expect(md.indexOf('> Laos')).toBeLessThan(md.indexOf('## Highlights not found'));
    const section = md.slice(md.indexOf('## Highlights not found'));
    expect(section).toBe(
      '## Highlights not found in the current version (1)\n\n> bilateral meeting[^2]\n\nTags: `removed`\n\nGone in the correction.\n\n' +
        '- **Sam** (2025-06-02): Ask why.\n\n' +
        '[^1]: *India and Japan to talk logistics*, 2025-05-04, ¶ 2.\n' +
        '[^2]: *India and Japan to talk logistics*, version 1, ¶ 1.\n',
    );
    expect(md.split('\n').filter((l) => l.startsWith('### '))).toEqual(['### 1.']);
  });

  it('says "No highlights yet" for the placed ones when every highlight is an orphan', () => {
    const md = markdownBrief(META, [ann(TEXT, 'Laos', '', undefined, { status: 'orphaned' })], PALETTE, GENERATED);
    expect(md).toContain('## Highlights (0)\n\n*No highlights yet.*');
    expect(md).toContain('## Highlights not found in the current version (1)');
  });
});
