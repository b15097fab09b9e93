import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuery } from './parseQuery';
import { SearchIndex } from './searchIndex';
import { snippetOf } from './snippet';

/** The test articles in other scripts (UTF-8, first line the headline). */
const FIXTURES = path.join(import.meta.dirname, '..', 'import', 'fixtures', 'languages');
const LANGUAGES = ['ar', 'fa', 'he', 'hi', 'ja', 'ko', 'mixed', 'ru', 'uk', 'zh'] as const;
const texts = Object.fromEntries(LANGUAGES.map((l) => [l, readFileSync(path.join(FIXTURES, `${l}.txt`), 'utf8')])) as Record<(typeof LANGUAGES)[number], string>;

const index = new SearchIndex();
for (const l of LANGUAGES) {
  const [title] = texts[l].split('\n');
  index.put({ kind: 'article', id: l, articleId: l, title: title!, fields: [{ text: title!, weight: 3 }, { text: texts[l], weight: 1 }], date: null, tags: [], entityIds: [], color: null, grading: null });
}

/** What the search service does: rank, then check phrases and cut a snippet from the text. */
function search(query: string) {
  const parsed = parseQuery(query);
  const { hits, matched } = index.search(parsed);
  return hits.flatMap((hit) => {
    const text = texts[hit.meta.id as (typeof LANGUAGES)[number]];
    const snippet = snippetOf([hit.meta.title, text], matched, parsed.phrases, 1);
    return snippet ? [{ id: hit.meta.id, snippet, match: text.slice(snippet.start!, snippet.end!), marks: [...snippet.text.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]) }] : [];
  });
}

describe('search in every script', () => {
  it('finds a Chinese word inside running text, marked on exactly its characters', () => {
    // 印度洋 stands inside 加强在印度洋的海上安全合作, with no space around it.
    const [hit, ...rest] = search('印度洋');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ id: 'zh', match: '印度洋', marks: ['印度洋'] });
    expect(texts.zh.indexOf('印度洋')).toBe(hit!.snippet.start);
    // 国防部 is cut 国防|部长 by a dictionary in one sentence and whole in the next: found either way.
    expect(search('国防部').map((h) => h.id)).toEqual(['zh']);
    expect(search('部长').map((h) => h.match)).toEqual(['部长']);
    // Its characters out of order are not the word.
    expect(search('洋度印')).toEqual([]);
  });

  it('finds a Japanese word written in kanji, katakana or hiragana, and in half-width kana', () => {
    expect(search('防衛').map((h) => [h.id, h.match])).toEqual([['ja', '防衛']]);
    expect(search('インド').map((h) => [h.id, h.match])).toEqual([['ja', 'インド']]);
    expect(search('ﾑﾝﾊﾞｲ').map((h) => [h.id, h.match])).toEqual([['ja', 'ムンバイ']]);
    expect(search('について').map((h) => [h.id, h.match])).toEqual([['ja', 'について']]);
    // A character outside the BMP (two UTF-16 units) is found and marked whole.
    const [yoshinoya] = search('𠮷野家');
    expect(yoshinoya).toMatchObject({ id: 'ja', match: '𠮷野家', marks: ['𠮷野家'] });
  });

  it('finds an Arabic word with or without tashkeel, and marks it as written', () => {
    const withMarks = search('الأمنَ');
    const without = search('الامن');
    expect(withMarks.map((h) => h.id)).toEqual(['ar']);
    expect(without).toEqual(withMarks);
    expect(without[0]).toMatchObject({ match: 'الأمنَ', marks: ['الأمنَ'] });
    // Eastern Arabic digits are found by ASCII ones.
    // (The Japanese text dates by era year, the Persian by the solar calendar.)
    expect(search('2025').map((h) => h.id).sort()).toEqual(['ar', 'he', 'hi', 'ko', 'mixed', 'ru', 'uk', 'zh']);
    expect(search('2025').find((h) => h.id === 'ar')!.match).toBe('٢٠٢٥');
  });

  it('finds Persian words written with Arabic letters, and parts of words joined by a non-joiner', () => {
    expect(search('كشتيراني').map((h) => [h.id, h.match])).toEqual([['fa', 'کشتیرانی']]);
    // Typed whole (a space after it), the part alone is marked; still being typed, the word it begins.
    expect(search('هفته ').map((h) => [h.id, h.match])).toEqual([['fa', 'هفته']]);
    expect(search('هفته').map((h) => [h.id, h.match])).toEqual([['fa', 'هفته\u200cهای']]);
  });

  it('finds Korean, Hindi, Hebrew and Cyrillic words', () => {
    expect(search('인도양').map((h) => [h.id, h.match])).toEqual([['ko', '인도양']]);
    expect(search('महासागर').map((h) => [h.id, h.match])).toEqual([['hi', 'महासागर']]);
    expect(search('הביטחון').map((h) => [h.id, h.match])).toEqual([['he', 'הביטחון']]);
    expect(search('морскую').map((h) => h.id)).toEqual(['ru']);
  });

  it('cuts snippets between characters, never inside one', () => {
    const long = `${'𠮷'.repeat(100)}防衛${'😀'.repeat(100)}`;
    const other = new SearchIndex();
    other.put({ kind: 'note', id: 'n', articleId: null, title: '', fields: [{ text: long, weight: 1 }], date: null, tags: [], entityIds: [], color: null, grading: null });
    const parsed = parseQuery('防衛');
    const { matched } = other.search(parsed);
    const snippet = snippetOf([long], matched, parsed.phrases, 0)!;
    expect(snippet.text).toContain('<mark>防衛</mark>');
    // No lone surrogate at either edge: the text is well-formed.
    expect(snippet.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    // Long unspaced words on both sides: the cuts fall inside them, between graphemes.
    const devanagari = `${'हिंदी'.repeat(30)} महासागर ${'में'.repeat(60)}`;
    const hi = snippetOf([devanagari], new Set(['महासागर']), [], 0)!;
    expect(hi.text).toMatch(/^….*<mark>महासागर<\/mark>.*…$/);
    // The passage starts on a consonant (not on a vowel sign torn from it) and ends with a whole में.
    const body = hi.text.slice(1, -1);
    expect(body).toMatch(/^[हद]/);
    expect(body.endsWith('में')).toBe(true);
  });

  it('keeps Arabic letters joined where a snippet is cut inside a word', () => {
    // Long unspaced runs on both sides (a pasted hashtag, a transliteration): both cuts fall inside them.
    const before = 'بحثتتتتتت'.repeat(12);
    const after = 'يبحثونيي'.repeat(30);
    const text = `${before} الأمن ${after}`;
    const snippet = snippetOf([text], new Set(['الامن']), [], 0)!;
    expect(snippet.text).toContain('<mark>الأمن</mark>');
    // A ZWJ between the ellipsis and the letter each cut tore from its neighbour: both keep their joined forms.
    expect(snippet.text).toMatch(/^…\u200D[\u0600-\u06ff]/);
    expect(snippet.text).toMatch(/[\u0600-\u06ff]\u200D…$/);
    // Only there: whole words, at spaces, get none.
    expect([...snippet.text.matchAll(/\u200D/g)]).toHaveLength(2);
    // Nothing else changes: without the joiners and marks it is a piece of the text.
    expect(text).toContain(snippet.text.replace(/\u200D|<\/?mark>/g, '').slice(1, -1));

    // The first lines of an article with no match, cut inside a word.
    const unmatched = snippetOf([`${before}${after}`], new Set(['x']), [], 0)!;
    expect(unmatched.text).toMatch(/[\u0600-\u06ff]\u200D$/);
  });

  it('adds nothing to a cut at a space, at a non-joiner or in a script that does not join', () => {
    for (const l of ['ar', 'fa', 'he', 'ru', 'zh', 'hi'] as const) expect(texts[l]).not.toContain('\u200D');
    for (const query of ['الأمنَ', 'هفته ', 'هفته', 'הביטחון', 'महासागर', '印度洋']) {
      for (const hit of search(query)) expect(hit.snippet.text, query).not.toContain('\u200D');
    }
  });
});
