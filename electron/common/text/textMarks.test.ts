import { describe, expect, it } from 'vitest';
import { normalizeArticleText } from './normalizeArticleText';
import { closeMark, markedSegments, openMark, putMarks, takeMarks, withoutSentinels } from './textMarks';

const b = (s: string) => `${openMark('strong')}${s}${closeMark('strong')}`;
const i = (s: string) => `${openMark('emphasis')}${s}${closeMark('emphasis')}`;

describe('takeMarks', () => {
  it('turns sentinels into offsets of the plain text', () => {
    const { text, marks } = takeMarks(`The ${b('Dunmore')} silo soaked ${i('nearly 400 tonnes')} of barley.`);
    expect(text).toBe('The Dunmore silo soaked nearly 400 tonnes of barley.');
    expect(marks).toEqual([
      { start: 4, end: 11, kind: 'strong' },
      { start: 24, end: 41, kind: 'emphasis' },
    ]);
    expect(text.slice(4, 11)).toBe('Dunmore');
  });

  it('keeps bold inside italic as two runs, and counts nested runs of one kind once', () => {
    const { text, marks } = takeMarks(i(`very ${b('bold')} words`) + ' ' + b(`a ${b('b')} c`));
    expect(text).toBe('very bold words a b c');
    expect(marks).toEqual([
      { start: 0, end: 15, kind: 'emphasis' },
      { start: 5, end: 9, kind: 'strong' },
      { start: 16, end: 21, kind: 'strong' },
    ]);
  });

  it('trims runs of their spaces, drops empty ones, joins touching ones and ends one left open', () => {
    expect(takeMarks(`a${b(' x ')}b`).marks).toEqual([{ start: 2, end: 3, kind: 'strong' }]);
    expect(takeMarks(`a${b('  ')}b`).marks).toEqual([]);
    expect(takeMarks(`${b('ab')}${b('cd')}`).marks).toEqual([{ start: 0, end: 4, kind: 'strong' }]);
    expect(takeMarks(`x ${openMark('strong')}to the end`).marks).toEqual([{ start: 2, end: 12, kind: 'strong' }]);
  });

  it('survives the article normalisation: offsets are of the final text', () => {
    const raw = `  Caf\u0065\u0301 ${b('re\u0301sume\u0301')}\r\n\r\n\r\n\r\nNext ${i('line')}   \n`;
    const { text, marks } = takeMarks(normalizeArticleText(raw).text);
    expect(text).toBe(normalizeArticleText(withoutSentinels(raw)).text);
    expect(marks.map((m) => text.slice(m.start, m.end))).toEqual(['résumé', 'line']);
  });

  it('round-trips through putMarks', () => {
    const marked = `One ${b('two')} ${i(`three ${b('four')}`)}.`;
    const { text, marks } = takeMarks(marked);
    expect(takeMarks(putMarks(text, marks))).toEqual({ text, marks });
  });

  it('ignores sentinels a source had of its own once they are removed', () => {
    expect(withoutSentinels('a\uE000b\uE003c')).toBe('abc');
  });
});

describe('markedSegments', () => {
  const { text, marks } = takeMarks(`First ${b('bold')} para.\n\nSecond ${i(`ital ${b('both')}`)} end.`);
  const second = text.indexOf('Second');

  it('cuts a paragraph where its emphasis starts and stops', () => {
    expect(markedSegments(text, 0, text.indexOf('\n'), marks)).toEqual([
      { text: 'First ', strong: false, emphasis: false },
      { text: 'bold', strong: true, emphasis: false },
      { text: ' para.', strong: false, emphasis: false },
    ]);
    expect(markedSegments(text, second, text.length, marks)).toEqual([
      { text: 'Second ', strong: false, emphasis: false },
      { text: 'ital ', strong: false, emphasis: true },
      { text: 'both', strong: true, emphasis: true },
      { text: ' end.', strong: false, emphasis: false },
    ]);
  });

  it('gives the segments back as the whole paragraph, and one segment when there is no emphasis', () => {
    expect(markedSegments(text, second, text.length, marks).map((s) => s.text).join('')).toBe(text.slice(second));
    expect(markedSegments('plain', 0, 5, [])).toEqual([{ text: 'plain', strong: false, emphasis: false }]);
  });
});
