/**
 * How much a decoded text looks like words rather than mojibake, from 0 to 1, judged on its
 * non-ASCII characters alone (ASCII reads the same in every candidate encoding).
 *
 * Byte statistics (chardet) tell the multi-byte East Asian encodings apart well, but not the
 * single-byte ones on a short text: KOI8-R Russian scores as Hebrew, Persian as ISO-8859-6.
 * Read in the wrong single-byte encoding, text turns into words that no language writes:
 * - a word mixing scripts (`cafй`), or letters with symbols inside it (`Ми╚р`);
 * - capitals in the middle of a word (`лИОИУФТ`), or nearly all letters capitals;
 * - a Latin word made mostly of accented letters (`Ìèíèñòð`);
 * - a letter that only ends words inside one (Greek ς, Hebrew ם ן ך ף ץ), or three marks in a row;
 * - the letters a script uses most (о е а и н in Russian, ا ل ي in Arabic) swapped for rare ones;
 * - accented Latin letters that no one language writes together.
 * Each non-ASCII character scores by these checks, and the text by their average.
 */
export function textPlausibility(text: string): number {
  let counted = 0;
  let score = 0;
  let upper = 0;
  let lower = 0;
  // Accented Latin letters, scored together at the end: they must come from one language's alphabet.
  const latin = new Map<string, { n: number; points: number }>();
  // Full-width and ideographic punctuation separates CJK words as spaces separate others.
  for (const token of text.split(SEPARATORS)) {
    if (!NON_ASCII.test(token)) continue;
    counted += [...token].filter(isNonAscii).length;
    const outer = token.replace(OUTER_PUNCTUATION, '');
    const inner = [...outer];
    // Quotes and dashes around a word (« », „ “, —) are as likely in any script: half a point.
    score += 0.5 * ([...token].filter(isNonAscii).length - inner.filter(isNonAscii).length);
    if (!outer) continue;
    if (!WORD.test(outer)) continue;
    const letters = inner.filter((c) => LETTER.test(c));
    const scripts = new Set(letters.map(scriptOf).filter((s) => s !== null));
    if (scripts.size > 1) continue;
    const cased = letters.filter((c) => c.toLowerCase() !== c.toUpperCase());
    const capitals = cased.map((c) => c === c.toUpperCase());
    // lower, Capitalised or ALL CAPS: nothing else.
    if (cased.length > 1 && !capitals.every(Boolean) && capitals.slice(1).some(Boolean)) continue;
    if (/\p{M}{3}/u.test(outer) || FINAL_INSIDE.test(outer)) continue;
    const [script] = scripts;
    const wordForeign = inner.filter(isNonAscii);
    if (script === 'Latin' && letters.length >= 3 && wordForeign.length * 2 > letters.length) continue;
    for (const c of wordForeign) {
      if (c.toLowerCase() !== c.toUpperCase()) {
        if (c === c.toUpperCase()) upper++;
        else lower++;
      }
    }
    const tiers = script ? LETTER_TIERS[script] : undefined;
    for (const c of wordForeign) {
      const points = !tiers || MARK.test(c) ? 1 : (tiers.get(c.toLowerCase()) ?? RARE_LETTER);
      if (script !== 'Latin') score += points;
      else latin.set(c.toLowerCase(), { n: (latin.get(c.toLowerCase())?.n ?? 0) + 1, points });
    }
  }
  if (counted === 0) return 1;
  // Running text is mostly small letters; one wrong Cyrillic table turns it into capitals.
  const shouting = upper + lower >= 4 && upper > lower ? 0.6 : 1;
  return ((score + latinPoints(latin)) / counted) * shouting;
}

/**
 * Accented Latin letters must come from one language's alphabet: French read as Windows-1257
 * spells "trčs" beside "été", which no language does. A letter of the alphabet that holds most
 * of them scores 1, any other RARE_LETTER.
 */
function latinPoints(letters: Map<string, { n: number; points: number }>): number {
  let best = 0;
  for (const alphabet of ALPHABETS) {
    let points = 0;
    for (const [letter, seen] of letters) points += seen.n * (alphabet.includes(letter) ? seen.points : RARE_LETTER);
    best = Math.max(best, points);
  }
  return best;
}

/** The accented letters of the languages written in Latin script that legacy encodings cover. */
const ALPHABETS = [
  'àâæçéèêëîïôœùûüÿ', // French
  'äöüß', // German
  'áéíñóúü', // Spanish
  'áâãàçéêíóôõú', // Portuguese
  'àèéìíîòóùú', // Italian
  'àçèéíïòóúü·', // Catalan
  'ąćęłńóśźż', // Polish
  'áčďéěíňóřšťúůýž', // Czech, Slovak (with ä ĺ ľ ô ŕ)
  'áäčďéíĺľňóôŕšťúýž',
  'çğıöşüâîû', // Turkish
  'ąčęėįšųūž', // Lithuanian
  'āčēģīķļņšūž', // Latvian
  'äöõüšž', // Estonian
  'ăâîșțşţ', // Romanian
  'áéíóöőúüű', // Hungarian
  'čćđšž', // Croatian, Slovenian, Bosnian
  'åäöéü', // Swedish, Finnish
  'æøåéóôü', // Danish, Norwegian
  'áðéíóúýþæö', // Icelandic
  'áéíóúàèìòù', // Irish, Scottish Gaelic
  'ëç', // Albanian
  'äëïöüéèáóú', // Dutch, Afrikaans
];

const NON_ASCII = /[\u0080-\uffff]/;
const isNonAscii = (c: string) => c.charCodeAt(0) > 0x7f;
const SEPARATORS = /[\s!-/\x3a-\x40\x5b-\x60\x7b-\x7e\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/u;
const OUTER_PUNCTUATION = /^[\p{P}\p{Zs}]+|[\p{P}\p{Zs}]+$/gu;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
/** Letters, marks and digits, with an apostrophe or middle dot between letters (l’avenir, l·l). */
const WORD = /^\p{L}(?:[\p{L}\p{M}\p{N}]|[’'·‐](?=\p{L}))*$/u;
const RARE_LETTER = 0.25;
const FINAL_INSIDE = /[ςךםןףץ](?=[\p{L}\p{M}])/u;

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  // Japanese writes kanji and kana in one word, Korean may mix hangul and hanja.
  ['CJK', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u],
  ['Thai', /\p{Script=Thai}/u],
];

function scriptOf(letter: string): string | null {
  return SCRIPTS.find(([, pattern]) => pattern.test(letter))?.[0] ?? null;
}

/**
 * Per script, its most used letters (1) and the next most used (0.6), over the languages that
 * write it: Russian, Ukrainian; Arabic, Persian; Hebrew; Greek. Any other letter of the script
 * scores RARE_LETTER.
 */
const TIERS: Record<string, [string, string]> = {
  Cyrillic: ['оеаинтсрвлі', 'кмдпуяыьгзбчйхжїєю'],
  Arabic: ['الیيمونرتبة', 'عدسفكکهقحجىأإشه'],
  Hebrew: ['יוהלמארבתנ', 'שעכדקפםןגס'],
  Greek: ['αοετινσςρκ', 'πμλυηωδγάέίόήύώ'],
  Latin: ['éèàüöäçßñáóíúčšžřěůłśżąęćńşğı', 'êâôîûëïãõőűåøæœýťďň'],
};

const LETTER_TIERS: Record<string, Map<string, number>> = Object.fromEntries(
  Object.entries(TIERS).map(([script, [most, more]]) => [
    script,
    new Map([...[...more].map((c) => [c, 0.6] as const), ...[...most].map((c) => [c, 1] as const)]),
  ]),
);
