/**
 * Word tokens with UTF-16 offsets: the one view of the text every pipeline stage shares, so that
 * stages agree on boundaries and every mention maps back to `text.slice(start, end)` exactly.
 */
export type TokenKind = 'word' | 'punct' | 'poss';

export interface Token {
  start: number;
  end: number;
  text: string;
  kind: TokenKind;
  /** First word of a sentence, paragraph, quotation or dateline: its capital proves nothing. */
  sentenceStart: boolean;
  /** Whitespace before this token contains a line break (names never run across lines). */
  lineBreakBefore: boolean;
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const HYPHENS = '-\u2010\u2011';
const APOSTROPHES = "'\u2019\u02BC";
/** "U.S.", "U.K.", "U.S.A." read as one word, not as initials ending sentences. */
const INITIALISM = /(?:\p{Lu}\.){2,}/uy;
/**
 * Endings split off a capitalised word ("Panama-flagged" → "Panama" + "-flagged"): the first part
 * is a name of its own, and may end a longer one ("Cook Islands-flagged", "Hong Kong-based").
 */
export const NAME_SUFFIX = /^(\p{Lu}.*?)(-(?:type|style|capable|made|built|based|led|backed|owned|flagged|registered|designed|funded|linked|born|run|controlled|allied|aligned|speaking|sponsored|supported|operated|bound|friendly|occupied|held|administered))$/u;

/** A full stop after these does not end a sentence. */
const ABBREVIATIONS = new Set([
  'Gen', 'Lt', 'Col', 'Adm', 'Dr', 'Mr', 'Mrs', 'Ms', 'Jr', 'Sr', 'St', 'Prof', 'Sen', 'Rep', 'Gov', 'Capt',
  'Maj', 'Brig', 'Cmdr', 'Cdr', 'Sgt', 'Rev', 'No', 'vs', 'Inc', 'Ltd', 'Corp', 'Co', 'Mt', 'Ft', 'Vol',
]);
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';']);
/** After these, the next word starts a quoted clause. */
const OPENING_QUOTES = new Set(['\u201C', '\u2018', '\u00AB']);
const DASHES = new Set(['\u2014', '\u2013']);

// ASCII answers without a regex: tokenizing reads every character of every article.
function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return LETTER.test(ch);
}

function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/u.test(ch);
}

export function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return UPPER.test(word.charAt(0));
}

/** Every letter that has case is upper case ("NATO", "APT31", "ADMM-Plus" is not). */
export function isAllCaps(word: string): boolean {
  return UPPER.test(word) && word === word.toUpperCase() && /\p{L}/u.test(word);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let lineBreak = true;
  const push = (start: number, end: number, kind: TokenKind): void => {
    tokens.push({ start, end, text: text.slice(start, end), kind, sentenceStart: false, lineBreakBefore: lineBreak });
    lineBreak = false;
  };
  while (i < text.length) {
    const ch = text.charAt(i);
    if (isSpace(ch)) {
      if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') lineBreak = true;
      i++;
      continue;
    }
    if (!isLetter(ch)) {
      // Possessive after a word: "Ministers’", "Tehran's" (the 's case is handled in readWord).
      const prev = tokens[tokens.length - 1];
      if (APOSTROPHES.includes(ch) && prev?.kind === 'word' && prev.end === i && /s$/iu.test(prev.text) && !isLetter(text[i + 1])) {
        push(i, i + 1, 'poss');
      } else {
        // Surrogate pairs (emoji, rare scripts) stay whole so no token splits a code point.
        const code = text.codePointAt(i) ?? 0;
        push(i, i + (code > 0xffff ? 2 : 1), 'punct');
      }
      i = tokens[tokens.length - 1]!.end;
      continue;
    }
    // An initialism has a full stop right after its first letter.
    INITIALISM.lastIndex = i;
    const initialism = text.charAt(i + 1) === '.' ? INITIALISM.exec(text) : null;
    if (initialism && !isLetter(text[i + initialism[0].length])) {
      push(i, i + initialism[0].length, 'word');
      i += initialism[0].length;
      continue;
    }
    i = readWord(text, i, push);
  }
  markSentenceStarts(tokens);
  return tokens;
}

function readWord(text: string, from: number, push: (s: number, e: number, k: TokenKind) => void): number {
  let j = from + 1;
  let hyphen = false;
  for (;;) {
    const c = text[j];
    if (isLetter(c)) {
      j++;
    } else if (c !== undefined && HYPHENS.includes(c) && isLetter(text[j + 1])) {
      if (c === '-') hyphen = true;
      j += 2;
    } else if (c !== undefined && APOSTROPHES.includes(c) && isLetter(text[j + 1])) {
      // "Tehran's" → word + possessive; "Nuku'alofa", "O'Brien" stay one word.
      if (/s/iu.test(text[j + 1]!) && !isLetter(text[j + 2])) {
        push(from, j, 'word');
        push(j, j + 2, 'poss');
        return j + 2;
      }
      j += 2;
    } else {
      break;
    }
  }
  // NAME_SUFFIX needs an ASCII hyphen.
  const split = hyphen ? NAME_SUFFIX.exec(text.slice(from, j)) : null;
  if (split) {
    const head = split[1]!.length;
    push(from, from + head, 'word');
    push(from + head, j, 'word');
    return j;
  }
  push(from, j, 'word');
  return j;
}

function markSentenceStarts(tokens: Token[]): void {
  let expectStart = true;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.lineBreakBefore) expectStart = true;
    if (t.kind === 'word') {
      t.sentenceStart = expectStart;
      expectStart = false;
      continue;
    }
    if (t.kind === 'punct' && SENTENCE_END.has(t.text)) {
      const prev = tokens[k - 1];
      const abbreviation =
        t.text === '.' && prev?.kind === 'word' && prev.end === t.start && (ABBREVIATIONS.has(prev.text) || /^\p{Lu}$/u.test(prev.text));
      if (!abbreviation) expectStart = true;
    } else if (t.kind === 'punct' && opensClause(tokens, k)) {
      expectStart = true;
    }
  }
}

/**
 * An opening quote, or the dash after an all-caps dateline ("MANILA — The …"). A straight quote
 * opens when a space precedes it; other dashes ("India — and Japan —") open nothing.
 */
function opensClause(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const prev = tokens[k - 1];
  if (OPENING_QUOTES.has(t.text)) return true;
  if (t.text === '"') return prev === undefined || prev.end < t.start;
  if (DASHES.has(t.text)) return prev?.kind === 'word' && isAllCaps(prev.text) && prev.text.length > 2;
  return false;
}

/** Tokens of one kind between two indices, for code that reasons about words only. */
export function isWord(t: Token | undefined): t is Token {
  return t !== undefined && t.kind === 'word';
}

/** Two tokens are adjacent in a name when nothing but spaces (no line break) separates them. */
export function joinable(text: string, a: Token, b: Token): boolean {
  if (b.lineBreakBefore) return false;
  return /^[ \t\u00A0]*$/u.test(text.slice(a.end, b.start));
}
