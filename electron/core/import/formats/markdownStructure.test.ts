import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../../common/text/normalizeArticleText';
import { extractMarkdown } from './markdown';

const enc = (s: string) => new TextEncoder().encode(s);
const SENTENCE = 'The council approved the new harbour plan on Friday, and work on the breakwater starts in autumn.';

/** The marked words of an article, as "strong: words". */
function marked(article: { text: string; marks?: { start: number; end: number; kind: string }[] }): string[] {
  return (article.marks ?? []).map((m) => `${m.kind}: ${article.text.slice(m.start, m.end)}`);
}

describe('extractMarkdown keeps lists and emphasis', () => {
  it('reads a briefing with a list, a nested list, a numbered list, a task list, bold and italic', async () => {
    const bytes = await fs.readFile(fileURLToPath(new URL('../fixtures/ferry-briefing.md', import.meta.url)));
    const article = extractMarkdown(bytes, 'ferry-briefing.md');
    expect(article.title).toBe('Night ferry trial: what the council agreed');
    expect(splitParagraphs(article.text).map((p) => p.text)).toEqual([
      'The council agreed on Thursday to run the night ferry for a two-year trial, and to publish the passenger figures every quarter.',
      'What the trial covers:',
      '• Crossings every ninety minutes until dawn',
      '• Two vessels on the route',
      '    ◦ The Gannet, refitted in 2024',
      '    ◦ The Petrel, on loan from the mainland operator',
      '• Free travel for cyclists after midnight',
      'The timetable will be reviewed in three steps:',
      '1. A passenger count after the first month',
      '2. A public meeting on the island, with written submissions accepted',
      '3. A vote by the full council',
      '☑ Funding agreed',
      '☐ Crew hired',
      'Residents who live next to the pier asked for quiet engines at night; the operator said it would fit them before the summer.',
    ]);
    expect(marked(article)).toEqual([
      'strong: night ferry',
      'emphasis: two-year trial',
      'emphasis: Gannet',
      'strong: Petrel',
      'strong: written submissions',
      'emphasis: quiet engines',
      'strong: quiet engines',
    ]);
  });

  it('numbers an ordered list from its own start, and keeps a second paragraph of an item under it', () => {
    const article = extractMarkdown(enc(`${SENTENCE}\n\n7. Seventh point\n\n   More about it.\n8. Eighth point\n`), 'a.md');
    expect(article.text.split('\n\n')).toEqual([SENTENCE, '7. Seventh point', '   More about it.', '8. Eighth point']);
  });

  it('leaves headings unmarked, and marks nothing in a file without emphasis', () => {
    const article = extractMarkdown(enc(`## A **bold** heading\n\n${SENTENCE}`), 'a.md');
    expect(article.text).toBe(`A bold heading\n\n${SENTENCE}`);
    expect(article.marks).toBeUndefined();
  });

  it('keeps private-use characters of the source from being read as emphasis', () => {
    const article = extractMarkdown(enc(`${SENTENCE} \uE000odd\uE001 text.`), 'a.md');
    expect(article.marks).toBeUndefined();
    expect(article.text).toBe(`${SENTENCE} odd text.`);
  });
});
