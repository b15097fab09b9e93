import { describe, expect, it } from 'vitest';
import { LABEL_LENGTH, suggestLabel } from './suggestLabel';

function label(sentence: string, date: string): string {
  const at = sentence.indexOf(date);
  return suggestLabel(sentence, { start: 0, end: sentence.length }, { start: at, end: at + date.length });
}

describe('suggestLabel', () => {
  it('leaves the date and its preposition out, wherever it is', () => {
    expect(label('The ministry stated on Sunday that talks went well.', 'Sunday')).toBe('The ministry stated that talks went well');
    expect(label('In November 2024, India and Japan signed an agreement.', 'November 2024')).toBe('India and Japan signed an agreement');
    expect(label('The ministers met in New Delhi on Monday.', 'Monday')).toBe('The ministers met in New Delhi');
    expect(label('After the November 2024 meeting, ties grew.', 'November 2024')).toBe('After the meeting, ties grew');
  });

  it('drops an opening phrase before the main clause, and keeps a dated trailing clause of a long sentence', () => {
    expect(label('After the November 2024 meeting, the Ministry of Defence stated that both sides were working together.', 'November 2024')).toBe(
      'The Ministry of Defence stated that both sides were working together',
    );
    expect(
      label('This will be the second meeting between the two Defence Ministers in six months, following their first interaction in November 2024 in Laos.', 'November 2024'),
    ).toBe('Following their first interaction in Laos');
  });

  it('cuts a long label at a word, near 80 characters', () => {
    const long = label(
      'On Monday, Defence Minister Rajnath Singh will hold a bilateral meeting with his Japanese counterpart, Gen Nakatani, in New Delhi.',
      'Monday',
    );
    expect(long).toBe('Defence Minister Rajnath Singh will hold a bilateral meeting with his Japanese…');
    expect(long.length).toBeLessThanOrEqual(LABEL_LENGTH + 1);
  });

  it('adds no space where the date sat between unspaced words (Chinese, Japanese)', () => {
    expect(label('日本の防衛大臣は令和7年6月3日、インドの国防大臣と会談した。', '令和7年6月3日')).toBe('日本の防衛大臣は、インドの国防大臣と会談した');
    expect(label('印度国防部长与日本防卫大臣于2025年6月3日在新德里举行会谈。', '2025年6月3日')).toBe('印度国防部长与日本防卫大臣于在新德里举行会谈');
    expect(label('Министр обороны встретился 3 июня 2025 года с коллегой.', '3 июня 2025 года')).toBe('Министр обороны встретился с коллегой');
  });
});

