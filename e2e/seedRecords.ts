import { createCore, importArticles, type WorkspaceStore } from '../electron/core';
import type { DetectedEntity, EntityType } from '../electron/common/model/entity';
import { noteContentOf, serializedParagraph } from '../electron/common/model/note';

/** Records to put in a seeded workspace beside its articles: `test.use({ seedRecords: { entities: 2000 } })`. */
export interface SeedRecords {
  /** Entities, all named in one generated article, mentioned 1 to 7 times each. */
  entities?: number;
  /** Free-standing notes, each with a title and a line of text. */
  notes?: number;
  /** Highlights on one generated article of that many passages, one a passage. */
  highlights?: number;
}

const NAMES = ['Amara', 'Bogdan', 'Chiara', 'Dmitri', 'Esther', 'Farid', 'Greta', 'Hiroshi', 'Ines', 'Jonas', 'Kofi', 'Leila'];
const TYPES: EntityType[] = ['person', 'organization', 'place', 'event', 'agreement'];

/** The n-th seeded entity's name: a first name and a number, so names sort in groups and each is unique. */
export function seedEntityName(n: number): string {
  return `${NAMES[n % NAMES.length]} ${String(n).padStart(4, '0')}`;
}

/** How often the n-th seeded entity is mentioned. */
export function seedEntityMentions(n: number): number {
  return 1 + ((n * 5) % 7);
}

/** The n-th passage of the long article, counted from 1, as it is highlighted. */
export function seedPassage(n: number): string {
  return `Passage ${String(n).padStart(4, '0')}`;
}

export const LONG_ARTICLE_TITLE = 'A long report with many highlights';
export const ENTITY_ARTICLE_TITLE = 'A register of names';

/**
 * Adds entities, notes and highlights through the core's own calls. Entities come from one article
 * through a detector that finds exactly the seeded names, accepted in one step (as "Accept all"
 * does), so 2,000 of them take one write instead of 2,000.
 */
export async function seedRecords(store: WorkspaceStore, counts: SeedRecords): Promise<void> {
  const entities = counts.entities ?? 0;
  const core = createCore(store, {
    detector: {
      async detect(text) {
        const found: DetectedEntity[] = [];
        for (let n = 0; n < entities; n++) {
          const name = seedEntityName(n);
          const mentions = [];
          for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) mentions.push({ start: at, end: at + name.length, text: name });
          if (mentions.length > 0) found.push({ name, type: TYPES[n % TYPES.length]!, aliases: [], mentions });
        }
        return found;
      },
      // Seeding adds its entities through one article, before any other: nothing to link.
      async findKnown({ texts }) {
        return texts.map(() => []);
      },
      async close() {},
    },
  });
  try {
    if (entities > 0) {
      const lines = Array.from({ length: entities }, (_, n) => `${Array(seedEntityMentions(n)).fill(seedEntityName(n)).join(', ')}.`);
      const imported = await importArticles(store, [{ name: 'register.txt', bytes: Buffer.from([ENTITY_ARTICLE_TITLE, ...lines].join('\n\n')) }]);
      await core.api['entities.acceptAll']({ articleId: imported.articles[0]!.id });
    }
    for (let n = 0; n < (counts.notes ?? 0); n++) {
      const title = `Note ${String(n).padStart(4, '0')} on ${NAMES[n % NAMES.length]}`;
      const line = { type: 'text', version: 1, text: `Working notes, number ${n}.`, format: 0, style: '', mode: 'normal', detail: 0 };
      await core.api['notes.create']({ title, content: noteContentOf([serializedParagraph([line])]) });
    }
    const highlights = counts.highlights ?? 0;
    if (highlights > 0) {
      const passages = Array.from({ length: highlights }, (_, i) => `${seedPassage(i + 1)} records one more fact about the talks.`);
      const paragraphs = Array.from({ length: Math.ceil(highlights / 10) }, (_, p) => passages.slice(p * 10, p * 10 + 10).join(' '));
      const imported = await importArticles(store, [{ name: 'long-report.txt', bytes: Buffer.from([LONG_ARTICLE_TITLE, ...paragraphs].join('\n\n')) }]);
      const articleId = imported.articles[0]!.id;
      const { text } = await core.api['articles.get']({ id: articleId });
      for (let n = 1; n <= highlights; n++) {
        const start = text.indexOf(seedPassage(n));
        await core.api['annotations.create']({
          articleId,
          start,
          end: start + seedPassage(n).length,
          // Some cards taller than others, as real ones are.
          comment: n % 4 === 0 ? `Comment on passage ${n}: worth checking against the minutes of the meeting.` : '',
          color: n % 3 === 0 ? 'green' : null,
          grading: n % 5 === 0 ? { reliability: 'A', credibility: 1 } : null,
        });
      }
    }
  } finally {
    await core.close();
  }
}
