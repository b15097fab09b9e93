import type { Annotation } from '../../common/model/annotation';
import type { ArticleMeta } from '../../common/model/article';
import type { Entity, Mention } from '../../common/model/entity';
import type { NoteSummary } from '../../common/model/note';
import type { Relation } from '../../common/model/relation';
import type { SearchDoc } from './searchIndex';

/**
 * Each kind of record as a search document: its fields with their weights (names and titles
 * count more than body text) and what filters look at. The same functions build a document when
 * the index is rebuilt and when one record changes, so both give the same index.
 */
const WEIGHT = { name: 8, title: 6, alias: 6, quote: 4, tag: 3, comment: 3, meta: 3, reply: 2, text: 2, description: 2 } as const;

export function articleDoc(meta: ArticleMeta, text: string, entityIds: string[]): SearchDoc {
  return {
    kind: 'article',
    id: meta.id,
    articleId: meta.id,
    title: meta.title,
    fields: [
      { text: meta.title, weight: WEIGHT.title },
      { text: [meta.outlet, meta.author, meta.source].filter(Boolean).join('\n'), weight: WEIGHT.meta },
      { text, weight: WEIGHT.text },
    ],
    date: meta.published,
    tags: [],
    entityIds,
    color: null,
    grading: null,
  };
}

export function annotationDoc(annotation: Annotation, mentions: readonly Mention[]): SearchDoc {
  const { start, end } = annotation.target.position;
  const quote = annotation.target.quote.exact;
  return {
    kind: 'annotation',
    id: annotation.id,
    articleId: annotation.articleId,
    title: quote.length > 120 ? `${quote.slice(0, 119)}…` : quote,
    fields: [
      { text: quote, weight: WEIGHT.quote },
      { text: annotation.comment, weight: WEIGHT.comment },
      { text: annotation.tags.join('\n'), weight: WEIGHT.tag },
      { text: annotation.replies.map((r) => r.body).join('\n'), weight: WEIGHT.reply },
    ],
    date: annotation.created.slice(0, 10),
    tags: annotation.tags,
    // The entities named inside the highlighted words.
    entityIds: [...new Set(mentions.filter((m) => m.start < end && start < m.end).map((m) => m.entityId))],
    color: annotation.color,
    grading: annotation.grading ? `${annotation.grading.reliability}${annotation.grading.credibility}` : null,
  };
}

export function noteDoc(note: NoteSummary, text: string): SearchDoc {
  return {
    kind: 'note',
    id: note.id,
    articleId: null,
    title: note.title,
    fields: [
      { text: note.title, weight: WEIGHT.title },
      { text: note.tags.join('\n'), weight: WEIGHT.tag },
      { text, weight: WEIGHT.text },
    ],
    date: note.modified.slice(0, 10),
    tags: note.tags,
    entityIds: note.entityIds,
    color: null,
    grading: null,
  };
}

export function entityDoc(entity: Entity): SearchDoc {
  return {
    kind: 'entity',
    id: entity.id,
    articleId: null,
    title: entity.name,
    fields: [
      { text: entity.name, weight: WEIGHT.name },
      { text: entity.aliases.join('\n'), weight: WEIGHT.alias },
      { text: entity.description, weight: WEIGHT.description },
    ],
    date: entity.modified.slice(0, 10),
    tags: [],
    entityIds: [entity.id],
    color: null,
    grading: null,
  };
}

/** A relationship as search shows it: its ends by their names now, its type both ways round. */
export interface RelationShown {
  relation: Relation;
  from: string;
  to: string;
  label: string;
  inverse: string;
  /** The ends' ids as they are now (merges followed), for the entity filter. */
  entityIds: string[];
}

export function relationTitle({ from, to, label }: Pick<RelationShown, 'from' | 'to' | 'label'>): string {
  return `${from} —${label}→ ${to}`;
}

/**
 * "India —partner in→ Quad": found by both names, by its type read either way ("partner in",
 * "has partner") and by the words of its evidence (kept with the relationship, so a deleted
 * highlight's words still find it).
 */
export function relationDoc(shown: RelationShown): SearchDoc {
  const { relation } = shown;
  return {
    kind: 'relation',
    id: relation.id,
    articleId: relation.evidence[0]?.articleId ?? null,
    title: relationTitle(shown),
    fields: [
      { text: `${shown.from}\n${shown.to}`, weight: WEIGHT.title },
      { text: `${shown.label}\n${shown.inverse}`, weight: WEIGHT.title },
      { text: relation.evidence.map((e) => e.quote).join('\n'), weight: WEIGHT.quote },
    ],
    date: relation.modified.slice(0, 10),
    tags: [],
    entityIds: shown.entityIds,
    color: null,
    grading: relation.grading ? `${relation.grading.reliability}${relation.grading.credibility}` : null,
  };
}
