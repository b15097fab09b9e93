import { isUnspaced, scriptAt, segmentBoundaries, type Script } from './scripts';
import { tokenize, type Token } from './tokenize';

/**
 * Names written in scripts other than Latin, found the way each script writes them: inside runs
 * of Chinese or Japanese at word-segment boundaries (印度 in 印度国防部长), after Arabic and
 * Hebrew clitics (والهند, بالهند, בטוקיו), before Korean particles (뉴델리에서), and inflected in
 * Russian and Ukrainian (Индии, Японії for Индия, Японія). Latin names stay with PhraseIndex and
 * its case rules; these scripts have no case, or (Cyrillic) names keep their capital anyway.
 */
export interface ScriptMatch<T> {
  start: number;
  end: number;
  /** Token indices [from, to) the match lies in; it may begin or end inside a token. */
  from: number;
  to: number;
  payload: T;
}

/** Marks and joiners spelling may add or leave out: tashkeel and tatweel, Hebrew points, the Devanagari nukta, ZWNJ and ZWJ. */
function ignorable(code: number): boolean {
  return (
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    code === 0x0640 ||
    (code >= 0x0591 && code <= 0x05bd) ||
    code === 0x05bf ||
    code === 0x05c1 ||
    code === 0x05c2 ||
    code === 0x05c4 ||
    code === 0x05c5 ||
    code === 0x05c7 ||
    code === 0x093c ||
    code === 0x200c ||
    code === 0x200d
  );
}

/** Letters written interchangeably: the Arabic alef forms, Arabic and Persian yeh and kaf, Russian ё. */
const FOLD: Record<string, string> = {
  '\u0623': '\u0627',
  '\u0625': '\u0627',
  '\u0622': '\u0627',
  '\u0671': '\u0627',
  '\u0649': '\u064A',
  '\u06CC': '\u064A',
  '\u06A9': '\u0643',
  '\u06C0': '\u0647',
  '\u06BE': '\u0647',
  '\u0451': '\u0435',
  '\u0401': '\u0415',
};

const fold = (ch: string): string => FOLD[ch] ?? ch;

/** A form as it is compared: marks dropped, letters folded, spaces single. */
export function foldForm(form: string): string {
  let out = '';
  for (const ch of form.normalize('NFC').trim().replace(/[\s\u200C]+/gu, ' ')) {
    if (ch !== ' ' && ignorable(ch.charCodeAt(0))) continue;
    out += fold(ch);
  }
  return out;
}

const LETTER = /[\p{L}\p{M}\p{N}]/u;
const isLetterAt = (text: string, i: number): boolean => i < text.length && LETTER.test(text.charAt(i));
const SPACE = /[ \t\u00A0\u200C]/u;

const ARABIC_CONJUNCTIONS = new Set(['\u0648', '\u0641']); // و ف
const ARABIC_PREPOSITIONS = new Set(['\u0628', '\u0643', '\u0644']); // ب ك ل
const HEBREW_PREFIXES = new Set(['\u05D5', '\u05D1', '\u05DC', '\u05DE', '\u05DB', '\u05E9', '\u05D4']); // ו ב ל מ כ ש ה

/**
 * Korean particles that follow a name in the same word (뉴델리에서, 인도의, 일본과의). A word is a
 * name when what follows the name is made of these alone, so 인도양 (the Indian Ocean) is not 인도.
 */
const KOREAN_PARTICLES = [
  '에서', '에게', '으로', '까지', '부터', '보다', '처럼', '이나', '이랑', '하고', '에는', '에도', '와의', '과의', '로의',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '께', '나', '랑', '며', '요',
];

function isParticles(rest: string): boolean {
  if (rest.length === 0) return true;
  for (const p of KOREAN_PARTICLES) if (rest.startsWith(p) && isParticles(rest.slice(p.length))) return true;
  return false;
}

/** Case endings of Russian and Ukrainian nouns and adjectives that may follow a name's stem. */
const ENDINGS = new Set([
  '', 'а', 'я', 'о', 'е', 'є', 'и', 'і', 'ї', 'ы', 'у', 'ю', 'й', 'ь',
  'ой', 'ей', 'ою', 'ею', 'єю', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ий', 'ый', 'ій', 'ая', 'яя', 'ое', 'ее',
  'ые', 'ие', 'ым', 'им', 'ім', 'ых', 'их', 'ую', 'юю', 'ии', 'ия', 'ию', 'ії', 'ія', 'ію', 'ої', 'ої',
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ией', 'ією', 'ієї', 'ими',
]);
/** What a stem is cut from a name's word: adjective endings first, then a final vowel or soft sign. */
const STRIP = ['ий', 'ый', 'ій', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'а', 'я', 'о', 'е', 'є', 'ь', 'й', 'и', 'ы', 'і', 'ї', 'у', 'ю'];

/**
 * The stem a Cyrillic word inflects on, or null when it is too short to inflect safely: a
 * one-word name keeps four letters ("Инди" of Индия), so Мали or Куба never match ordinary words.
 */
export function cyrillicStem(word: string, minimum: number): string | null {
  const ending = STRIP.find((s) => word.endsWith(s));
  const stem = ending ? word.slice(0, -ending.length) : word;
  return stem.length >= minimum ? stem : null;
}

interface SurfaceForm<T> {
  form: string;
  payload: T;
  /** For a pointed form: the marks on each of its letters, all of which the text must write. */
  marks?: string[];
}

interface CyrillicWord {
  word: string;
  stem: string | null;
}

interface CyrillicForm<T> {
  words: CyrillicWord[];
  payload: T;
}

function firstLetterScript(word: string): Script {
  for (let i = 0; i < word.length; i++) {
    const s = scriptAt(word, i);
    if (s !== 'other') return s;
  }
  return 'other';
}

export class ScriptNameIndex<T> {
  /** Surface forms by their first folded character, longest first. */
  private readonly surface = new Map<string, SurfaceForm<T>[]>();
  /** Cyrillic forms by the stem (or whole word) of their first word. */
  private readonly cyrillic = new Map<string, CyrillicForm<T>[]>();
  private readonly seen = new Set<string>();
  size = 0;

  /** Whether `form` is for this index: its first letter is in a script other than Latin. */
  static accepts(form: string): boolean {
    const s = firstLetterScript(form);
    return s !== 'latin' && s !== 'other';
  }

  /**
   * The first payload of a form wins, as in PhraseIndex. A `pointed` form (عمّان) is another name
   * than its letters alone (عمان): it matches only where the text writes its marks, and is tried
   * before the bare form, which takes the text that leaves them out.
   */
  add(form: string, payload: T, { pointed = false }: { pointed?: boolean } = {}): void {
    const folded = foldForm(form);
    const key = pointed ? `${folded}\u0000${form.normalize('NFC')}` : folded;
    if (folded.length === 0 || !ScriptNameIndex.accepts(folded) || this.seen.has(key)) return;
    this.seen.add(key);
    this.size++;
    if (pointed) {
      // Half a letter longer: ahead of the bare form of the same letters, behind any longer one.
      insertLongestFirst(this.surface, keyAt(folded, 0, ''), { form: folded, payload, marks: marksOf(form) }, (f) => f.form.length + (f.marks ? 0.5 : 0));
      return;
    }
    const tokens = tokenize(folded);
    if (firstLetterScript(folded) === 'cyrillic' && tokens.every((t) => t.kind === 'word')) {
      const minimum = tokens.length === 1 ? 4 : 3;
      const words = tokens.map((t) => ({ word: t.text, stem: cyrillicStem(t.text, minimum) }));
      const key = words[0]!.stem ?? words[0]!.word;
      insertLongestFirst(this.cyrillic, key, { words, payload }, (f) => f.words.length);
      return;
    }
    insertLongestFirst(this.surface, keyAt(folded, 0, ''), { form: folded, payload }, (f) => f.form.length + (f.marks ? 0.5 : 0));
  }

  /** Every name of the index in the text; overlapping matches are all reported (the caller resolves overlaps). */
  find(text: string, tokens: readonly Token[]): ScriptMatch<T>[] {
    if (this.size === 0) return [];
    const out: ScriptMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'word') continue;
      // ASCII first letters are Latin or digits: most tokens of most articles stop here.
      const code = t.text.charCodeAt(0);
      const script = code < 128 && !(code >= 48 && code <= 57) ? 'latin' : firstLetterScript(t.text);
      if (script === 'latin' || script === 'other') continue;
      if (script === 'cyrillic') this.findCyrillic(text, tokens, i, out);
      this.findSurface(text, tokens, i, script, out);
    }
    return out;
  }

  private findCyrillic(text: string, tokens: readonly Token[], i: number, out: ScriptMatch<T>[]): void {
    if (this.cyrillic.size === 0) return;
    const word = foldForm(tokens[i]!.text);
    let best: CyrillicForm<T> | null = null;
    for (let cut = 0; cut <= 3 && cut < word.length; cut++) {
      if (!ENDINGS.has(word.slice(word.length - cut))) continue;
      for (const form of this.cyrillic.get(word.slice(0, word.length - cut)) ?? []) {
        if (best && best.words.length >= form.words.length) break;
        if (this.cyrillicAt(text, tokens, i, form)) best = form;
      }
    }
    if (best) out.push({ start: tokens[i]!.start, end: tokens[i + best.words.length - 1]!.end, from: i, to: i + best.words.length, payload: best.payload });
  }

  private cyrillicAt(text: string, tokens: readonly Token[], i: number, form: CyrillicForm<T>): boolean {
    for (let k = 0; k < form.words.length; k++) {
      const t = tokens[i + k];
      if (!t || t.kind !== 'word') return false;
      if (k > 0 && (t.lineBreakBefore || !/^[ \t\u00A0]+$/u.test(text.slice(tokens[i + k - 1]!.end, t.start)))) return false;
      const w = form.words[k]!;
      const word = foldForm(t.text);
      if (word === w.word) continue;
      if (w.stem === null || !word.startsWith(w.stem) || !ENDINGS.has(word.slice(w.stem.length))) return false;
    }
    return true;
  }

  private findSurface(text: string, tokens: readonly Token[], i: number, script: Script, out: ScriptMatch<T>[]): void {
    if (this.surface.size === 0) return;
    const t = tokens[i]!;
    if (isUnspaced(script)) {
      // A name may run on past punctuation into the next run (拉杰纳特·辛格): it ends at a boundary of the run it ends in.
      const atBoundary = (end: number) => {
        let k = i;
        while (k + 1 < tokens.length && tokens[k]!.end < end) k++;
        const e = tokens[k]!;
        if (end === e.end) return true;
        return end > e.start && end < e.end && boundariesOf(e).has(end - e.start);
      };
      for (const b of boundariesOf(t)) if (b < t.text.length) this.surfaceAt(text, tokens, i, t.start + b, atBoundary, out);
      return;
    }
    const wordEnd = (end: number) => !isLetterAt(text, end);
    if (script === 'hangul') {
      const particlesOnly = (end: number) => {
        let stop = end;
        while (isLetterAt(text, stop)) stop++;
        return isParticles(text.slice(end, stop));
      };
      this.surfaceAt(text, tokens, i, t.start, particlesOnly, out);
      return;
    }
    this.surfaceAt(text, tokens, i, t.start, wordEnd, out);
    if (script === 'arabic') {
      // و/ف, then ب/ك/ل: والهند, بالهند, وبالهند. ل before ال drops the alef: للهند, وللهند.
      let p = t.start;
      if (ARABIC_CONJUNCTIONS.has(text.charAt(p)) && p + 1 < t.end) this.surfaceAt(text, tokens, i, ++p, wordEnd, out);
      if (ARABIC_PREPOSITIONS.has(text.charAt(p)) && p + 1 < t.end) {
        this.surfaceAt(text, tokens, i, p + 1, wordEnd, out);
        if (text.charAt(p) === '\u0644' && text.charAt(p + 1) === '\u0644') this.surfaceAt(text, tokens, i, p + 1, wordEnd, out, '\u0627');
      }
    } else if (script === 'hebrew') {
      // Up to three prefixed particles: בטוקיו, לניו דלהי, ומהודו.
      for (let p = t.start; p < t.start + 3 && p + 1 < t.end && HEBREW_PREFIXES.has(text.charAt(p)); p++) this.surfaceAt(text, tokens, i, p + 1, wordEnd, out);
    }
  }

  /**
   * The longest surface form at `at`, the clitic before it left out of the mention. `lead` is a
   * letter the text dropped: ل before ال fuses into لل (للهند), and then the mention keeps both.
   */
  private surfaceAt(text: string, tokens: readonly Token[], i: number, at: number, endsWell: (end: number) => boolean, out: ScriptMatch<T>[], lead = ''): void {
    // Longest key first: a form whose key is cut short by a space never competes with a longer key.
    const key = keyAt(text, at, lead);
    for (let n = key.length; n > 0; n--) {
      for (const f of this.surface.get(key.slice(0, n)) ?? []) {
        const end = matchFolded(text, at, lead ? f.form.slice(1) : f.form);
        if (end < 0 || !endsWell(end)) continue;
        if (f.marks && !writesMarks(text.slice(at, end), lead ? f.marks.slice(1) : f.marks)) continue;
        let to = i + 1;
        while (to < tokens.length && tokens[to]!.start < end) to++;
        out.push({ start: lead ? at - 1 : at, end, from: i, to, payload: f.payload });
        return;
      }
    }
  }
}

/**
 * Up to three folded letters from `at` (marks skipped, stopping at anything else): forms are
 * filed under theirs, so a lookup reads a few short lists rather than every form that shares a
 * first letter (in Arabic, the hundred that start with ال).
 */
const KEY_LENGTH = 3;

function keyAt(text: string, at: number, lead: string): string {
  let key = lead;
  for (let i = at; key.length < KEY_LENGTH && i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (key.length > 0 && ignorable(code)) continue;
    // Surrogate halves count as letters: a name may start with a character outside the BMP.
    if (!(code >= 0xd800 && code <= 0xdfff) && !LETTER.test(text.charAt(i))) break;
    key += fold(text.charAt(i));
  }
  return key;
}

/** The combining marks on each letter of a form (tatweel and joiners are not letters here). */
function marksOf(text: string): string[] {
  const out: string[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.charCodeAt(0);
    if (/\p{M}/u.test(ch)) {
      if (out.length > 0) out[out.length - 1] += ch;
    } else if (code !== 0x0640 && code !== 0x200c && code !== 0x200d && ch !== ' ') out.push('');
  }
  return out;
}

/** Whether the text, letter by letter, writes every mark the pointed form has (it may write more: عَمّان). */
function writesMarks(text: string, marks: string[]): boolean {
  const written = marksOf(text);
  return written.length === marks.length && marks.every((m, i) => [...m].every((mark) => written[i]!.includes(mark)));
}

/** Where `form` (folded) ends when the text spells it at `at`, skipping marks; -1 when it does not. */
function matchFolded(text: string, at: number, form: string): number {
  let i = at;
  for (let k = 0; k < form.length; k++) {
    const want = form.charAt(k);
    if (want === ' ') {
      if (!SPACE.test(text.charAt(i))) return -1;
      while (SPACE.test(text.charAt(i))) i++;
      continue;
    }
    while (k > 0 && i < text.length && ignorable(text.charCodeAt(i))) i++;
    if (i >= text.length || fold(text.charAt(i)) !== want) return -1;
    i++;
  }
  // Marks on the last letter belong to the name; a joiner before a suffix does not.
  while (i < text.length && ignorable(text.charCodeAt(i)) && text.charCodeAt(i) < 0x200c) i++;
  return i;
}

/** Segment boundaries of a token, computed once per token object (tokens live as long as their analysis). */
const boundaryCache = new WeakMap<Token, Set<number>>();

function boundariesOf(t: Token): Set<number> {
  let b = boundaryCache.get(t);
  if (!b) boundaryCache.set(t, (b = segmentBoundaries(t.text)));
  return b;
}

function insertLongestFirst<F>(map: Map<string, F[]>, key: string, item: F, size: (f: F) => number): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  let at = list.length;
  while (at > 0 && size(list[at - 1]!) < size(item)) at--;
  list.splice(at, 0, item);
}
