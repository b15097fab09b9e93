/**
 * Cursive scripts whose letters change shape by what they join: Arabic (and Persian, Urdu …),
 * Syriac, N'Ko, Mongolian, Mandaic, Adlam, Hanifi Rohingya and a few historic ones.
 */
const JOINING_SCRIPT =
  /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Manichaean}\p{Script=Psalter_Pahlavi}\p{Script=Sogdian}\p{Script=Phags_Pa}]/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

/** U+200D ZERO WIDTH JOINER: beside a letter, shapes it as if the letter it joined were still there. */
export const ZWJ = '\u200D';

const joiningLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c) && JOINING_SCRIPT.test(c);

/** The code point that ends at `at`, combining marks (tashkeel) skipped: the letter they sit on. */
function letterBefore(text: string, at: number): string | undefined {
  let k = at;
  while (k > 0) {
    const low = text.charCodeAt(k - 1);
    const start = low >= 0xdc00 && low <= 0xdfff && k >= 2 ? k - 2 : k - 1;
    const c = String.fromCodePoint(text.codePointAt(start)!);
    if (!MARK.test(c)) return c;
    k = start;
  }
  return undefined;
}

function letterAt(text: string, at: number): string | undefined {
  return at < text.length ? String.fromCodePoint(text.codePointAt(at)!) : undefined;
}

/**
 * Whether a cut at `at` falls inside a word of a cursive script, between two of its letters. Text
 * cut there and shown in two pieces (a snippet's edge, a <mark> that the browser shapes as a run
 * of its own) loses the join: a medial ـيـ ends up a final ي or worse. A ZWJ on each side of the
 * cut keeps both letters in their joined forms; beside a letter that does not join that way
 * (alef, dal, ra, waw join only the letter before them), the ZWJ changes nothing.
 */
export function splitsJoinedLetters(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  return joiningLetter(letterBefore(text, at)) && joiningLetter(letterAt(text, at));
}
