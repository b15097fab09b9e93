import { describe, expect, it } from 'vitest';
import { encodable, encode, languageText, type Language } from '../fixtures/encodedFixtures';
import { decodeAs } from './decodeAs';
import { detectEncoding } from './detectEncoding';
import { textPlausibility } from './textPlausibility';

/** The legacy encodings each language is commonly found in. */
const LEGACY: [Language, string][] = [
  ['ar', 'windows-1256'],
  ['fa', 'windows-1256'],
  ['zh', 'gb18030'],
  ['zh-Hant', 'big5'],
  ['zh-Hant', 'gb18030'],
  ['ja', 'shift_jis'],
  ['ja', 'euc-jp'],
  ['ru', 'koi8-r'],
  ['ru', 'windows-1251'],
  ['ru', 'ibm866'],
  ['uk', 'windows-1251'],
  ['uk', 'koi8-u'],
  ['ko', 'euc-kr'],
  ['he', 'windows-1255'],
];

/** Text of `language` that `encoding` holds, from code point `start`, `length` code points long. */
function slice(language: Language, encoding: string, start = 0, length = Infinity): string {
  return [...encodable(languageText(language), encoding)].slice(start, start + length).join('');
}

describe('detectEncoding', () => {
  it.each(LEGACY)('reads the %s article in %s as it was written', (language, encoding) => {
    const text = slice(language, encoding);
    const guess = detectEncoding(encode(text, encoding));
    // KOI8-R and KOI8-U read Russian the same, so either is right there.
    expect(guess.encoding).not.toBeNull();
    expect(decodeAs(encode(text, encoding), guess.encoding!)).toBe(text);
  });

  it.each([
    ['ar', 'windows-1256'],
    ['zh', 'gb18030'],
    ['zh-Hant', 'big5'],
    ['ja', 'shift_jis'],
    ['ru', 'koi8-r'],
    ['ru', 'windows-1251'],
    ['ko', 'euc-kr'],
  ] as const)('tells %s in %s from a headline and a sentence (120 characters)', (language, encoding) => {
    const guess = detectEncoding(encode(slice(language, encoding, 0, 120), encoding));
    expect(guess.encoding).toBe(encoding);
  });

  it('never guesses wrong on pieces of every article, long or short: it asks instead', () => {
    let asked = 0;
    let cases = 0;
    for (const [language, encoding] of LEGACY) {
      for (const length of [300, 120, 60, 30, 12]) {
        for (const start of [0, 41, 97]) {
          const text = slice(language, encoding, start, length);
          if (!/[\u0080-\uffff]/.test(text)) continue;
          const bytes = encode(text, encoding);
          const guess = detectEncoding(bytes);
          cases++;
          if (guess.encoding === null) asked++;
          else expect(decodeAs(bytes, guess.encoding), `${language} ${encoding} ${start}+${length}`).toBe(text);
          // Asked or not, the right reading is among the candidates the analyst is offered
          // (a dozen characters may be too few for chardet's statistics: the full list is there).
          if (length >= 30) expect(guess.candidates.slice(0, 4).map((c) => c.text), `${language} ${encoding} ${start}+${length}`).toContain(text);
        }
      }
    }
    // Most pieces are told: asking is for the short and the truly ambiguous.
    expect(asked / cases).toBeLessThan(0.15);
  });

  it('reads Western European text as Windows-1252, and other Latin alphabets in their own tables', () => {
    const cases: [string, string][] = [
      ['windows-1252', 'Le ministre a déclaré à la presse, mercredi, que la coopération régionale était « très sérieuse » et qu’il faudrait, à l’avenir, élargir les échanges à la pêche et à la sécurité maritime.'],
      ['windows-1252', 'Der Außenminister erklärte am Mittwoch, die Gespräche über die Zusammenarbeit seien sehr ernsthaft gewesen.'],
      ['windows-1250', 'Minister spraw zagranicznych powiedział w środę, że rozmowy o współpracy były bardzo poważne i że straż przybrzeżna będzie ćwiczyć.'],
      ['windows-1254', 'Dışişleri bakanı çarşamba günü yaptığı açıklamada, işbirliği görüşmelerinin çok ciddi geçtiğini söyledi.'],
      ['windows-1253', 'Ο υπουργός Εξωτερικών δήλωσε την Τετάρτη ότι οι συνομιλίες για τη συνεργασία ήταν πολύ σοβαρές.'],
    ];
    for (const [encoding, text] of cases) expect(detectEncoding(encode(text, encoding)).encoding, text).toBe(encoding);
    expect(detectEncoding(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a])).encoding).toBe('windows-1252');
  });

  it('asks about one short word that reads as Russian, Hebrew or Greek alike, offering each reading once', () => {
    const guess = detectEncoding(Uint8Array.from([0x49, 0x74, 0x65, 0x6d, 0x20, 0xec, 0xe8, 0xf0, 0x2e]));
    expect(guess.encoding).toBeNull();
    const readings = guess.candidates.map((c) => c.text);
    expect(readings.slice(0, 3)).toContain('Item мир.');
    expect(new Set(readings).size).toBe(readings.length);
    expect(guess.candidates.map((c) => c.score)).toEqual([...guess.candidates.map((c) => c.score)].sort((a, b) => b - a));
  });

  it('keeps UTF-8 with a damaged byte as UTF-8, the damage shown as �', () => {
    const text = 'Министр обороны встретился с коллегой в Нью-Дели. Стороны договорились о сотрудничестве.';
    const bytes = new TextEncoder().encode(text);
    const damaged = Uint8Array.from([...bytes.subarray(0, 40), 0xff, ...bytes.subarray(40)]);
    expect(detectEncoding(damaged).encoding).toBe('utf-8');
  });
});

describe('textPlausibility', () => {
  it('scores words above the mojibake of the same bytes read in another table', () => {
    const pairs: [string, string, string][] = [
      ['Министр обороны встретился с коллегой', 'windows-1251', 'koi8-r'],
      ['Министр обороны встретился с коллегой', 'koi8-r', 'windows-1251'],
      ['وزير الدفاع الهندي يلتقي نظيره الياباني', 'windows-1256', 'windows-1252'],
      ['Le ministre a déclaré à la presse que la coopération régionale était « très sérieuse » et qu’il faudrait, à l’avenir, élargir les échanges à la pêche.', 'windows-1252', 'windows-1257'],
      ['Der Außenminister erklärte, die Gespräche über die Zusammenarbeit seien ernsthaft gewesen.', 'windows-1252', 'windows-1251'],
    ];
    for (const [text, written, misread] of pairs) {
      const mojibake = decodeAs(encode(text, written), misread);
      expect(textPlausibility(text), `${text} vs ${mojibake}`).toBeGreaterThan(textPlausibility(mojibake) + 0.15);
    }
  });

  it('gives ASCII nothing to judge, and Chinese and Japanese full marks for running text', () => {
    expect(textPlausibility('plain ASCII')).toBe(1);
    expect(textPlausibility('印度与日本防长在新德里会谈，双方同意加强合作。')).toBe(1);
    expect(textPlausibility('海洋安全保障は共通の課題だ。')).toBe(1);
  });
});
