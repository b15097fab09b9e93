import { describe, expect, it } from 'vitest';
import { sampleArticle } from '../testing/sampleArticle';
import { detectEvents, eventKey } from './detectEvents';
import { parseDay } from './resolveDate';


describe('detectEvents', () => {
  it('turns each date of the sample into a candidate event with its sentence, a short label and the entities named there', async () => {
    const { text, published } = sampleArticle();
    const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const mentions = [
      { entityId: 'ent_singh', ...at('Rajnath Singh') },
      { entityId: 'ent_delhi', ...at('New Delhi') },
      { entityId: 'ent_laos', ...at('Laos') },
    ];
    const events = detectEvents(text, { published: parseDay(published), mentions });
    expect(events.map((e) => [e.date, e.precision, e.label])).toEqual([
      ['2025-05-05', 'day', 'Defence Minister Rajnath Singh will hold a bilateral meeting with his Japanese…'],
      ['2025-05-04', 'day', 'The Ministry of Defence stated that both sides will exchange views on the…'],
      ['2024-11', 'month', 'Following their first interaction on the sidelines of the ASEAN Defence…'],
      ['2024-11', 'month', 'The Ministry of Defence stated that both sides were working to enhance…'],
      ['2024-11', 'month', 'India and Japan signed an agreement for co-development of a specialised stealth…'],
      ['2014', 'year', 'India and Japan share a longstanding friendship that gained significant momentum…'],
    ]);
    const [monday, , laos] = events;
    expect(text.slice(monday!.sentence.start, monday!.sentence.end)).toMatch(/^In the backdrop of .* in New Delhi on Monday\.$/);
    expect(monday!.entityIds).toEqual(['ent_singh', 'ent_delhi']);
    expect(laos!.entityIds).toEqual(['ent_laos']);
    expect(events[1]!.entityIds).toEqual([]);
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
  });

  it('keys an event by its sentence, so the key survives text added before it', () => {
    const sentence = 'The treaty was signed in 2014.';
    const [first] = detectEvents(sentence, { published: parseDay('2025-01-01') });
    const [moved] = detectEvents(`A new opening paragraph.\n\n${sentence}`, { published: parseDay('2025-01-01') });
    expect(moved!.key).toBe(first!.key);
    expect(moved!.phrase.start).toBe(first!.phrase.start + 26);
    expect(eventKey(sentence, 25, '2014')).toBe(first!.key);
  });
});
