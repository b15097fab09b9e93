import { describe, expect, it } from 'vitest';
import { mergeShortPeople, PersonIndex, shortFormsOf } from './coreference';
import type { Candidate } from './types';

const person = (text: string, name: string, shortForms?: string[]): Candidate => {
  const start = text.indexOf(name);
  return { start, end: start + name.length, from: 0, to: 1, type: 'person', source: 'title', key: name.toLowerCase(), shortForms };
};

describe('coreference', () => {
  it('derives short forms: family name last, or first for Chinese and Korean names', () => {
    expect(shortFormsOf('Rajnath Singh')).toEqual(['Singh']);
    expect(shortFormsOf('Ferdinand Marcos Jr.')).toEqual(['Marcos']);
    expect(shortFormsOf('Lai Ching-te')).toEqual(['Lai']);
    expect(shortFormsOf('Wang Yi')).toEqual(['Wang']);
    expect(shortFormsOf('Abdel Fattah al-Burhan')).toEqual(['al-Burhan', 'Burhan']);
    expect(shortFormsOf('Gen Nakatani')).toEqual(['Nakatani']);
  });

  it('resolves a surname or part of a name to the one person it can mean', () => {
    const text = 'Rajnath Singh met Gen Nakatani and Ferdinand Marcos Jr.';
    const index = new PersonIndex([person(text, 'Rajnath Singh'), person(text, 'Gen Nakatani', ['Nakatani']), person(text, 'Ferdinand Marcos Jr.')], text);
    expect(index.resolve('Singh')).toBe('rajnath singh');
    expect(index.resolve('Nakatani')).toBe('gen nakatani');
    expect(index.resolve('Ferdinand Marcos')).toBe('ferdinand marcos jr.');
    expect(index.resolve('the ministry')).toBeNull();
  });

  it('leaves a shared surname unresolved unless only one bearer was named before', () => {
    const text = 'Rajnath Singh and Manmohan Singh; later Kim Jong Un and his sister Kim Yo Jong.';
    const index = new PersonIndex([person(text, 'Rajnath Singh'), person(text, 'Manmohan Singh'), person(text, 'Kim Jong Un'), person(text, 'Kim Yo Jong')], text);
    expect(index.resolve('Singh')).toBeNull();
    expect(index.resolve('Kim', text.indexOf('his sister'))).toBe('kim jong un');
  });

  it('merges a person first met by surname with the full name met later', () => {
    const text = 'President Macron spoke; Emmanuel Macron left.';
    const short = person(text, 'Macron');
    const full = person(text, 'Emmanuel Macron');
    const candidates = [short, full];
    mergeShortPeople(candidates, text);
    expect(short.key).toBe('emmanuel macron');
  });
});
