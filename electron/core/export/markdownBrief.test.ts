import { describe, expect, it } from 'vitest';
import { positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import type { Annotation } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';
import { briefFileName, inline, markdownBrief } from './markdownBrief';

const TEXT =
  'In the backdrop of ongoing discussions, Defence Minister Rajnath Singh will hold a bilateral meeting.\n\n' +
  'This follows the ASEAN Defence Ministers\u2019 Meeting-Plus in Laos.';

const META: ArticleMeta = {
  id: 'art_01jt0000000000000000000000',
  rev: 1,
  title: 'India and Japan to talk logistics',
  source: 'india-japan-defence-2025-05-04.txt',
  published: '2025-05-04',
  importedAt: '2025-06-01T09:30:00.000Z',
  sha256: 'a'.repeat(64),
  length: TEXT.length,
  original: 'original.txt',
  mediaType: 'text/plain',
};

const GENERATED = new Date('2025-06-02T12:00:00Z');

function ann(text: string, quote: string, comment = '', exactOverride?: string): Annotation {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`not in text: ${quote}`);
  const end = start + quote.length;
  const selector = quoteSelectorAt(text, start, end);
  return {
    id: `ann_${String(start).padStart(26, '0')}`,
    rev: 1,
    articleId: META.id,
    motivation: comment ? 'commenting' : 'highlighting',
    target: { quote: exactOverride ? { ...selector, exact: exactOverride } : selector, position: positionSelector(start, end) },
    comment,
    status: 'anchored',
    created: '2025-06-01T10:00:00.000Z',
    modified: '2025-06-01T10:00:00.000Z',
  };
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
    const md = markdownBrief(META, [a, b], GENERATED);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# India and Japan to talk logistics');
    expect(md).toContain('- **Source:** india-japan-defence-2025-05-04.txt');
    expect(md).toContain('- **Published:** 2025-05-04');
    expect(md).toContain('- **Imported:** 2025-06-01');
    expect(md).toContain(`- **SHA-256:** \`${'a'.repeat(64)}\``);
    expect(md).toContain('- **Brief generated:** 2025-06-02');
    expect(md).toContain('## Highlights (2)');
    expect(lines).toContain('> Defence Minister Rajnath Singh');
    expect(lines).toContain('The minister himself.');
    expect(lines).toContain('> Ministers\u2019 Meeting-Plus');
    const { start, end } = a.target.position;
    expect(md).toContain(`— *India and Japan to talk logistics*, 2025-05-04, characters ${start}–${end}`);
    expect(md).toContain(`characters ${b.target.position.start}–${b.target.position.end}`);
    // In the order given (the service lists in document order), numbered 1., 2.
    expect(md.indexOf('### 1.')).toBeLessThan(md.indexOf('> Defence Minister'));
    expect(md.indexOf('### 2.')).toBeLessThan(md.indexOf('> Ministers\u2019'));
    expect(md.indexOf('> Defence Minister')).toBeLessThan(md.indexOf('### 2.'));
    expect(md.endsWith('\n')).toBe(true);
    expect(md).not.toMatch(/\n{3,}/);
  });

  it('says "undated" without a date, and "No highlights yet" without highlights', () => {
    const md = markdownBrief({ ...META, published: null }, [], GENERATED);
    expect(md).toContain('- **Published:** undated');
    expect(md).toContain('## Highlights (0)');
    expect(md).toContain('_No highlights yet._');
  });

  it('quotes a passage of several paragraphs line by line', () => {
    const quote = 'bilateral meeting.\n\nThis follows';
    const md = markdownBrief(META, [ann(TEXT, quote)], GENERATED);
    expect(md).toContain('> bilateral meeting.\n>\n> This follows');
  });

  it('keeps comment paragraphs and drops surrounding blank lines', () => {
    const md = markdownBrief(META, [ann(TEXT, 'Laos', '\n\nFirst point.\n\nSecond point.\n\n')], GENERATED);
    expect(md).toContain('> Laos\n\nFirst point.\n\nSecond point.\n\n— *');
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
    const md = markdownBrief(META, [ann(TEXT, 'Laos', HOSTILE)], GENERATED);
    const section = highlightSection(md).filter((l) => !l.startsWith('### ') && !l.startsWith('— *') && l !== '> Laos');
    expect(section.join('\n')).toContain('\\<script\\>alert(1)\\</script\\>');
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
    const md = markdownBrief({ ...META, length: text.length }, [ann(text, HOSTILE)], GENERATED);
    const quoteLines = highlightSection(md).filter((l) => l.startsWith('>'));
    expect(quoteLines).toHaveLength(HOSTILE.split('\n').length);
    for (const line of quoteLines) {
      const inner = line.replace(/^> ?/, '');
      expect(inner, line).not.toMatch(HEADING);
      expect(inner, line).not.toMatch(SETEXT_UNDERLINE);
      expect(inner, line).not.toMatch(LIST_ITEM);
      expect(inner, line).not.toMatch(RAW_HTML);
      expect(inner, line).not.toMatch(UNESCAPED_MARKUP);
      expect(inner, line).not.toMatch(/^ {0,3}>/);
    }
    expect(md).toContain('> \\<script\\>alert(1)\\</script\\>');
  });

  it('escapes the title and source in the header and the citation', () => {
    const md = markdownBrief({ ...META, title: '<b>*Breaking*</b> [news](javascript:x)', source: '<evil>.txt' }, [ann(TEXT, 'Laos')], GENERATED);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# \\<b\\>\\*Breaking\\*\\</b\\> \\[news\\](javascript:x)');
    expect(md).toContain('- **Source:** \\<evil\\>.txt');
    expect(md).toContain('— *\\<b\\>\\*Breaking\\*\\</b\\> \\[news\\](javascript:x)*, 2025-05-04');
    expect(md).not.toMatch(RAW_HTML);
  });

  it('has no headings but its own', () => {
    const md = markdownBrief(META, [ann(TEXT, 'Laos', '# not a heading\n## nor this')], GENERATED);
    expect(md.split('\n').filter((l) => HEADING.test(l))).toEqual(['# India and Japan to talk logistics', '## Highlights (1)', '### 1.']);
  });
});

describe('inline', () => {
  it.each([
    ['plain words', 'plain words'],
    ['a*b*c', 'a\\*b\\*c'],
    ['# h', '\\# h'],
    ['#hashtag', '#hashtag'],
    ['10. October', '10\\. October'],
    ['1990s were', '1990s were'],
    ['- dash', '\\- dash'],
    ['-5 degrees', '-5 degrees'],
    ['## h2', '\\## h2'],
    ['###### h6', '\\###### h6'],
    ['===', '\\==='],
    ['  - - -  ', '  \\- - -  '],
    ['----', '\\----'],
    ['-- a', '-- a'],
    ['a = b', 'a = b'],
    ['back\\slash', 'back\\\\slash'],
    ['Ministers\u2019 Meeting-Plus', 'Ministers\u2019 Meeting-Plus'],
    ['Министр <обороны>', 'Министр \\<обороны\\>'],
  ])('%j → %j', (input, expected) => {
    expect(inline(input)).toBe(expected);
  });
});

describe('briefFileName', () => {
  it.each([
    ['India and Japan to talk logistics', 'india-and-japan-to-talk-logistics-brief.md'],
    ['India\u2013Japan: \u201CDefence\u201D talks!', 'india-japan-defence-talks-brief.md'],
    ['Caf\u00e9 r\u00e9sum\u00e9 na\u00efve', 'cafe-resume-naive-brief.md'],
    ['../../etc/passwd', 'etc-passwd-brief.md'],
    ['Министр обороны', 'министр-обороны-brief.md'],
    ['中国', '中国-brief.md'],
    ['!!!', 'article-brief.md'],
  ])('%j → %j', (title, expected) => {
    expect(briefFileName({ ...META, title }, 'md')).toBe(expected);
  });

  it('keeps the slug to 60 characters without a trailing dash, and uses the extension given', () => {
    const name = briefFileName({ ...META, title: `${'word '.repeat(11)}x${'y'.repeat(40)}` }, 'txt');
    const slug = name.replace(/-brief\.txt$/, '');
    expect(name.endsWith('-brief.txt')).toBe(true);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
