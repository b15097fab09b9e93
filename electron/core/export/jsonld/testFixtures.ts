import { expect } from 'vitest';
import { createCore, type DossierCore } from '../../dossierCore';

/** Test data shared by the W3C annotation tests (never imported by the app). */

/** Astral characters (emoji, CJK extension B) before every quote, so code points and UTF-16 differ. */
export const V1 = [
  'Harbour report 🚢 from 𠮷野 district',
  '',
  'Officials 😀 said the 𩸽 market reopened on Monday. The ministers met in Delhi to agree on logistics, spares and emergency assistance at the naval bases, officials in the capital said.',
  '',
  'In November the two navies signed an agreement on stealth radio equipment for their warships.',
  '',
  'The port itself was quiet all week.',
  '',
  'Analysts 🇯🇵 expect further talks in Tokyo next year.',
].join('\n');

/** A corrected version: one word of a highlight changes, the paragraph of another is gone. */
export const V2 = V1.replace('emergency', 'urgent').replace(/In November[^\n]*\n\n/, '');

export const file = (name: string, content: string | Uint8Array) => ({ name, base64: Buffer.from(content).toString('base64') });

export async function importText(core: DossierCore, name: string, text: string): Promise<string> {
  const { articles } = await core.api['articles.import']({ files: [file(name, text)] });
  return articles[0]!.id;
}

/**
 * Imports V1 as harbour.txt, highlights it (a comment, tags, a colour, a grading and replies by two
 * people on one highlight), then replaces it with V2: two highlights stay anchored, one drifts,
 * one is orphaned. Returns the article's id.
 */
export async function annotateHarbourReport(core: DossierCore): Promise<string> {
  const articleId = await importText(core, 'harbour.txt', V1);
  const quote = (q: string, fields: Record<string, unknown> = {}) =>
    core.api['annotations.createFromQuote']({ articleId, quote: q, comment: '', ...fields });
  const { annotation: main } = await quote('market reopened on Monday', {
    comment: 'Confirmed by the port authority 🚢\nsecond line',
    color: 'green',
    tags: ['ports', '𠮷 tag'],
    grading: { reliability: 'B', credibility: 2 },
  });
  await core.api['replies.add']({ articleId, annotationId: main.id, body: 'Which authority? 😀' });
  await quote('logistics, spares and emergency assistance', { color: 'red' });
  await quote('stealth radio equipment', { comment: 'Follow up' });
  await quote('expect further talks in Tokyo');
  const colleague = createCore(core.store, { creator: { name: 'Analyst B' } });
  await colleague.api['replies.add']({ articleId, annotationId: main.id, body: 'The harbour master.' });
  const { counts } = await core.api['articles.replace']({ id: articleId, file: file('harbour-corrected.txt', V2) });
  expect(counts).toEqual({ anchored: 2, drifted: 1, orphaned: 1 });
  return articleId;
}
