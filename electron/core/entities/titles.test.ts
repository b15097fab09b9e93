import { describe, expect, it } from 'vitest';
import { findTitledPersons } from './titles';
import { run, spans } from './testHelpers';

const found = (text: string): string[] => spans(text, run(text, findTitledPersons));

describe('findTitledPersons', () => {
  it('takes the name after a title, keeping the title as context', () => {
    const [person] = run('Defence Minister Rajnath Singh will hold a meeting.', findTitledPersons);
    expect(person).toMatchObject({ type: 'person', context: 'Defence Minister' });
    expect(found('Defence Minister Rajnath Singh will hold a meeting.')).toEqual(['Rajnath Singh:person']);
  });

  it('keeps a rank with a bare surname as the name, the surname as a short form', () => {
    const [gen] = run('his Japanese counterpart, Gen Nakatani, in New Delhi', findTitledPersons);
    expect(gen).toMatchObject({ type: 'person', shortForms: ['Nakatani'] });
    expect(found('his Japanese counterpart, Gen Nakatani, in New Delhi')).toEqual(['Gen Nakatani:person']);
    expect(found('met Gen. Nakatani today')).toEqual(['Gen. Nakatani:person']);
  });

  it('drops a rank before a full name', () => {
    expect(found('Rear Admiral Joshua Sims of the US Navy')).toEqual(['Joshua Sims:person']);
    expect(found('General Abdel Fattah al-Burhan, the army chief')).toEqual(['Abdel Fattah al-Burhan:person']);
  });

  it('handles multi-word and lowercase titles, initials and suffixes', () => {
    expect(found('External Affairs Minister S. Jaishankar said')).toEqual(['S. Jaishankar:person']);
    expect(found('President Ferdinand Marcos Jr. convened')).toEqual(['Ferdinand Marcos Jr.:person']);
    expect(found('IAEA Director General Rafael Grossi told')).toEqual(['Rafael Grossi:person']);
    expect(found('Opposition leader Rahul Gandhi accused')).toEqual(['Rahul Gandhi:person']);
    expect(found('Secretary of State Marco Rubio said')).toEqual(['Marco Rubio:person']);
  });

  it('reads appositives: "…ambassador, Dmitry Polyanskiy, said"', () => {
    expect(found("Russia's deputy ambassador, Dmitry Polyanskiy, said")).toEqual(['Dmitry Polyanskiy:person']);
    expect(found('an Iranian businessman, Hossein Shamkhani, and')).toEqual(['Hossein Shamkhani:person']);
  });

  it('finds nobody where a title has no name', () => {
    expect(found('the two Defence Ministers in six months')).toEqual([]);
    expect(found('The General Assembly is expected to debate')).toEqual([]);
    expect(found('the President of India said')).toEqual([]);
  });
});
