// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { offsetsToRange, selectionToOffsets } from './textOffsets';

/** Paragraphs as the reader renders them: one element each, `data-start` its offset in the text. */
const PARAGRAPHS = [
  'وأضاف أن «الأمنَ البحريَّ مسؤوليةٌ مشتركة»، مشيراً إلى ٢٠٢٥.',
  '印度国防部长与日本防卫大臣于2025年6月3日在新德里举行会谈。',
  '会場の近くにある𠮷野家では、報道陣が昼食をとった。',
  'भारत के रक्षा मंत्री ने हिंद महासागर में सहयोग बढ़ाने पर सहमति जताई।',
  'A Russian correspondent wrote «Сотрудничество продолжится» 🚢 — Café near the ministry 👩‍👩‍👧.',
];
const TEXT = PARAGRAPHS.join('\n\n');

function reader(emphasis = false): HTMLElement {
  const body = document.createElement('div');
  let at = 0;
  for (const p of PARAGRAPHS) {
    const el = document.createElement('p');
    el.dataset.start = String(at);
    el.dir = 'auto';
    if (emphasis && p.includes('𠮷')) {
      // Bold in the middle: the paragraph is three text nodes, the offsets must not change.
      const cut = p.indexOf('𠮷');
      const strong = document.createElement('strong');
      strong.textContent = p.slice(cut, cut + 4);
      el.append(p.slice(0, cut), strong, p.slice(cut + 4));
    } else el.textContent = p;
    body.append(el);
    at += p.length + 2;
  }
  document.body.append(body);
  return body;
}

/** A selection object over one range, as `document.getSelection()` gives the reader. */
function selectionOf(range: Range): Selection {
  return { rangeCount: 1, isCollapsed: range.collapsed, getRangeAt: () => range } as unknown as Selection;
}

/** A DOM range over `phrase` as the user would select it: from the text nodes, not from offsets. */
function domRange(body: HTMLElement, phrase: string): Range {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const p of body.querySelectorAll('p')) {
    const at = p.textContent!.indexOf(phrase);
    if (at === -1) continue;
    const inP = nodes.filter((n) => p.contains(n));
    const point = (offset: number): [Text, number] => {
      let seen = 0;
      for (const n of inP) {
        if (offset <= seen + n.length) return [n, offset - seen];
        seen += n.length;
      }
      throw new Error('outside');
    };
    const range = document.createRange();
    range.setStart(...point(at));
    range.setEnd(...point(at + phrase.length));
    return range;
  }
  throw new Error(`${phrase} not found`);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('selection to text offsets', () => {
  const PHRASES = ['الأمنَ البحريَّ', '防卫大臣', '𠮷野家', 'हिंद महासागर', '🚢 — Café', '👩‍👩‍👧', '٢٠٢٥'];

  it.each([false, true])('gives exact UTF-16 offsets in every script (emphasis: %s)', (emphasis) => {
    const body = reader(emphasis);
    for (const phrase of PHRASES) {
      const got = selectionToOffsets(body, TEXT, selectionOf(domRange(body, phrase)));
      expect(got, phrase).toEqual({ start: TEXT.indexOf(phrase), end: TEXT.indexOf(phrase) + phrase.length });
      // And back: the range painted for those offsets covers the same characters.
      expect(offsetsToRange(body, got!.start, got!.end)!.toString()).toBe(phrase);
    }
  });

  it('widens a selection that would split a character to the whole character', () => {
    const body = reader();
    const yoshi = TEXT.indexOf('𠮷');
    // Ending between the two halves of 𠮷, or between ह and its vowel sign ा (म ह ा …).
    const half = offsetsToRange(body, yoshi - 2, yoshi + 1)!;
    expect(selectionToOffsets(body, TEXT, selectionOf(half))).toEqual({ start: yoshi - 2, end: yoshi + 2 });
    const maha = TEXT.indexOf('महासागर');
    const torn = offsetsToRange(body, maha, maha + 2)!;
    expect(selectionToOffsets(body, TEXT, selectionOf(torn))).toEqual({ start: maha, end: maha + 3 });
  });

  it('trims whitespace and reads a selection across paragraphs', () => {
    const body = reader();
    const start = TEXT.indexOf('مشيراً');
    const end = TEXT.indexOf('国防');
    const range = offsetsToRange(body, start - 1, end)!;
    expect(selectionToOffsets(body, TEXT, selectionOf(range))).toEqual({ start, end });
  });
});
