import { describe, expect, it } from 'vitest';
import { DossierError } from '../../../common/errors';
import { normalizeArticleText } from '../../../common/text/normalizeArticleText';
import { extractArticle } from '../extractArticle';
import { articlePage, encodable, encode, languageText, type Language } from '../fixtures/encodedFixtures';
import { previewLine } from '../../../common/text/previewLine';
import { decodeTextFile } from './decodeTextFile';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** What the reader would show: the extracted text after Dossier's one normalisation. */
async function imported(bytes: Uint8Array, file: string, encoding?: string) {
  const article = await extractArticle(bytes, file, encoding === undefined ? {} : { encoding });
  return { ...article, text: normalizeArticleText(article.text).text };
}

/** The brief's languages in the legacy encodings analysts meet them in. */
const CASES: [Language, string][] = [
  ['ar', 'windows-1256'],
  ['zh', 'gb18030'],
  // Traditional Chinese: Big5 in Taiwan and Hong Kong, GB18030 (which holds it too) from the mainland.
  ['zh-Hant', 'big5'],
  ['zh-Hant', 'gb18030'],
  ['ja', 'shift_jis'],
  ['ru', 'koi8-r'],
  ['ru', 'windows-1251'],
  ['ko', 'euc-kr'],
];

describe('importing text and HTML in legacy encodings', () => {
  it.each(CASES)('%s in %s: a .txt without any declaration imports the same text as UTF-8', async (language, encoding) => {
    // Shift_JIS has no 𠮷: what the encoding cannot hold is out of both files.
    const text = encodable(languageText(language), encoding);
    const expected = await imported(utf8(text), `${language}.txt`);
    const article = await imported(encode(text, encoding), `${language}.txt`);
    expect(article.text).toBe(expected.text);
    expect(article.encoding).toBe(encoding);
    expect(expected.encoding).toBeUndefined();
  });

  it.each(CASES)('%s in %s: an .html page declaring its charset imports the same text as UTF-8', async (language, encoding) => {
    const text = encodable(languageText(language), encoding);
    const expected = await imported(utf8(articlePage(text, { charset: 'utf-8', lang: language })), `${language}.html`);
    const article = await imported(encode(articlePage(text, { charset: encoding, lang: language }), encoding), `${language}.html`);
    expect(article.text).toBe(expected.text);
    expect(article.title).toBe(expected.title);
    expect(article.title).toBe(text.split('\n')[0]);
    expect(article.encoding).toBe(encoding);
  });

  it.each(CASES)('%s in %s: an .html page declaring nothing is detected', async (language, encoding) => {
    const text = encodable(languageText(language), encoding);
    const expected = await imported(utf8(articlePage(text)), `${language}.html`);
    const article = await imported(encode(articlePage(text), encoding), `${language}.html`);
    expect(article.text).toBe(expected.text);
    expect(article.encoding).toBe(encoding);
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ] as const)('reads %s with a BOM', async (encoding, bom) => {
    const text = languageText('mixed');
    const units = Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
    const bytes = Uint8Array.from([...bom, ...units.flatMap((u) => (encoding === 'utf-16le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]))]);
    const article = await imported(bytes, 'mixed.txt');
    expect(article.text).toBe((await imported(utf8(text), 'mixed.txt')).text);
    expect(article.encoding).toBe(encoding);
  });

  it('asks when it cannot tell, and imports the text once the analyst chooses', async () => {
    const bytes = Uint8Array.from([...utf8('Field note\n\nThe village is called '), 0xec, 0xe8, 0xf0, ...utf8(' on the old maps.\n')]);
    const error = await extractArticle(bytes, 'field-note.txt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DossierError);
    expect(error).toMatchObject({ code: 'encoding-unknown', file: 'field-note.txt' });
    const offered = (error as DossierError).encodings!;
    expect(offered.map((c) => c.encoding)).toContain('windows-1251');
    expect(offered.find((c) => c.encoding === 'windows-1251')!.preview).toBe('village is called мир on the old maps.');
    expect(offered.find((c) => c.encoding === 'koi8-r')!.preview).toContain('called ЛХП on');

    const chosen = await imported(bytes, 'field-note.txt', 'windows-1251');
    expect(chosen.text).toBe('Field note\n\nThe village is called мир on the old maps.');
    expect(chosen.encoding).toBe('windows-1251');
  });

  it('lets a chosen encoding override detection and a declared charset', async () => {
    const text = encodable(languageText('ru'), 'koi8-r');
    const page = encode(articlePage(text, { charset: 'windows-1251' }), 'koi8-r');
    // The page lies about its charset (an old server's default): read as declared, it is mojibake.
    expect((await imported(page, 'ru.html')).text).not.toContain('Министр');
    const chosen = await imported(page, 'ru.html', 'koi8-r');
    expect(chosen.text).toContain('Министр обороны Индии');
    expect(chosen.encoding).toBe('koi8-r');
    const plain = await imported(encode(text, 'windows-1251'), 'ru.txt', 'KOI8-R');
    expect(plain.encoding).toBe('koi8-r');
    expect(plain.text).not.toContain('Министр');
  });

  it('refuses an encoding it does not know, naming it', async () => {
    const error = await extractArticle(utf8('Some text.'), 'a.txt', { encoding: 'klingon-8' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad-input', message: expect.stringMatching(/^“klingon-8” is not a text encoding Dossier knows/) });
  });
});

describe('decodeTextFile: who wins', () => {
  const ru = 'Министр обороны Индии встретился с министром обороны Японии.';

  it('a BOM wins over a declared charset', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(ru)]);
    expect(decodeTextFile(bytes, 'a.html', { declared: 'windows-1251' })).toEqual({ text: ru, encoding: 'utf-8' });
  });

  it('valid UTF-8 with non-ASCII text wins over a declaration that contradicts it (an editor kept the old <meta>)', () => {
    expect(decodeTextFile(utf8(ru), 'a.html', { declared: 'windows-1251' })).toEqual({ text: ru, encoding: 'utf-8' });
  });

  it('a declared charset is used for bytes that are not UTF-8, even where detection would say otherwise', () => {
    const bytes = encode(ru, 'windows-1251');
    expect(decodeTextFile(bytes, 'a.html', { declared: 'windows-1251' })).toEqual({ text: ru, encoding: 'windows-1251' });
    expect(decodeTextFile(bytes, 'a.html', { declared: 'koi8-r' }).encoding).toBe('koi8-r');
  });

  it('a declaration the bytes cannot be in is set aside for detection', () => {
    // ISO-8859-8 has no letters where KOI8-R keeps its small Cyrillic ones.
    expect(decodeTextFile(encode(ru, 'koi8-r'), 'a.html', { declared: 'iso-8859-8' })).toEqual({ text: ru, encoding: 'koi8-r' });
  });

  it('ASCII bytes follow the declared encoding (it matters for ISO-2022-JP, which shifts with escapes); undeclared, they are UTF-8', () => {
    const jis = Uint8Array.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42]);
    expect(decodeTextFile(jis, 'a.html', { declared: 'iso-2022-jp' })).toEqual({ text: '日本', encoding: 'iso-2022-jp' });
    expect(decodeTextFile(utf8('plain'), 'a.html', { declared: 'windows-1256' })).toEqual({ text: 'plain', encoding: 'windows-1256' });
    expect(decodeTextFile(utf8('plain'), 'a.txt')).toEqual({ text: 'plain', encoding: 'utf-8' });
  });
});

describe('previewLine', () => {
  it('starts near the first non-ASCII word, leaves tags out of markup, and stops at a line’s length', () => {
    expect(previewLine('<!doctype html><html><head><title>x</title></head><body><p>Hello мир</p>', true)).toBe('x Hello мир');
    const long = `${'word '.repeat(20)}мир ${'слово '.repeat(40)}`;
    const line = previewLine(long, false);
    expect(line.startsWith('word word word мир')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect([...line].length).toBeLessThanOrEqual(91);
  });
});
