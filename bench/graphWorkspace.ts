import { newId } from '../electron/common/ids';
import type { Annotation, Grading } from '../electron/common/model/annotation';
import type { Entity } from '../electron/common/model/entity';
import type { EntityType } from '../electron/common/model/entityType';
import { DEFAULT_RELATION_TYPES, type Relation } from '../electron/common/model/relation';
import { ENTITIES } from '../electron/core/entities/entityDocuments';
import { GRAPH } from '../electron/core/graph/graphDocuments';
import { importArticles } from '../electron/core/import/importArticles';
import { RELATIONS } from '../electron/core/relations/relationDocuments';
import { WorkspaceStore } from '../electron/core/store/workspaceStore';
import { annotationOn } from '../electron/core/testing/testHelpers';
import { generateArticle, mulberry32 } from './corpus';
import { pool } from './reference/buildWorkspace';

/** How big a link chart to make. */
export interface GraphScale {
  entities: number;
  relations: number;
  /** Articles holding the evidence highlights. */
  articles: number;
  /** Entities merged into others (their ids stay in relations, as after real merges). */
  merges: number;
  /** Entities pinned on the chart. */
  pinned: number;
  seed: number;
}

export const GRAPH_SCALE: GraphScale = { entities: 5_000, relations: 20_000, articles: 400, merges: 200, pinned: 500, seed: 20_251_206 };

export interface GraphWorkspace {
  dir: string;
  /** The surviving entities, most connected first (the first is the hub a focus benchmark starts from). */
  entityIds: string[];
  articleIds: string[];
}

const TYPES: EntityType[] = ['person', 'person', 'organization', 'place', 'place', 'event', 'agreement', 'other'];
const SYLLABLES = ['ka', 'ro', 'mi', 'tan', 'shi', 'vel', 'dor', 'an', 'qu', 'zer', 'lo', 'bek', 'ra', 'sun', 'ya', 'mor'];

/**
 * A workspace for the link chart at scale, written in the store's real formats through the store
 * (one durable write per article's highlights and per workspace document, so it takes seconds):
 * generated articles imported, evidence highlights on their words (2% orphaned), entities with
 * pronounceable names, relationships whose ends follow a skewed popularity (a few hubs, a long
 * tail), 40% graded, half dated, 1–3 passages each, some entities merged away and some pinned.
 * Seeded: the same scale gives the same names, types and shape (ids are fresh each time). Used by
 * bench/graph.ts, and meant for a browser benchmark of the chart too.
 */
export async function buildGraphWorkspace(dir: string, scale: GraphScale = GRAPH_SCALE, log: (line: string) => void = () => {}): Promise<GraphWorkspace> {
  const random = mulberry32(scale.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const store = await WorkspaceStore.open(dir, { create: true });
  try {
    log(`graph workspace: ${scale.articles} articles…`);
    const sources = Array.from({ length: scale.articles }, (_, i) => {
      const a = generateArticle(random, i, 400);
      return { name: a.name, bytes: Buffer.from(a.text) };
    });
    const { articles, failures } = await importArticles(store, sources);
    if (failures.length) throw new Error(`graph workspace import failed: ${failures[0]!.message}`);
    const articleIds = articles.map((a) => a.id);

    log('graph workspace: evidence highlights…');
    const perArticle = Math.ceil((scale.relations * 2) / scale.articles);
    const highlights = new Map<string, Annotation[]>();
    for (const articleId of articleIds) {
      const { text } = await store.readArticle(articleId);
      const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
      const list = Array.from({ length: perArticle }, () => {
        const first = Math.floor(random() * (words.length - 8));
        const [start, end] = [words[first]!.start, words[first + 2 + Math.floor(random() * 6)]!.end];
        return annotationOn(articleId, text, text.slice(start, end), { status: random() < 0.02 ? 'orphaned' : 'anchored' });
      });
      highlights.set(articleId, list);
    }
    await pool(highlights, 16, async ([articleId, list]) => {
      await store.updateAnnotations(articleId, (annotations) => void annotations.push(...list));
    });

    log(`graph workspace: ${scale.entities} entities, ${scale.relations} relationships…`);
    const created = new Date(Date.UTC(2025, 0, 1)).toISOString();
    const entities: Entity[] = Array.from({ length: scale.entities }, (_, i) => {
      const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
      const name = `${capital(word())} ${capital(word())}`;
      return { id: newId('ent', Date.UTC(2025, 0, 1) + i), rev: 1, name, type: pick(TYPES), aliases: [], description: '', externalId: null, created, modified: created, createdBy: { name: 'Analyst' }, modifiedBy: { name: 'Analyst' } };
    });
    // Popularity falls off as a power: index = n·u³ puts a few entities in thousands of relationships.
    const endpoint = () => entities[Math.floor(scale.entities * random() ** 3)]!.id;
    const relations: Relation[] = [];
    while (relations.length < scale.relations) {
      const [from, to] = [endpoint(), endpoint()];
      if (from === to) continue;
      const start = random() < 0.5 ? String(1995 + Math.floor(random() * 30)) : null;
      const end = start && random() < 0.4 ? String(Number(start) + Math.floor(random() * 6)) : null;
      const evidence = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const articleId = pick(articleIds);
        const annotation = pick(highlights.get(articleId)!);
        return { articleId, annotationId: annotation.id, quote: annotation.target.quote.exact };
      });
      relations.push({
        id: newId('rel', Date.UTC(2025, 0, 1) + relations.length),
        rev: 1,
        from,
        to,
        type: pick(DEFAULT_RELATION_TYPES).key,
        start,
        end,
        grading: random() < 0.4 ? grading(random) : null,
        evidence: [...new Map(evidence.map((e) => [e.annotationId, e])).values()],
        created,
        modified: created,
        createdBy: { name: 'Analyst' },
        modifiedBy: { name: 'Analyst' },
      });
    }
    // Merges: the entities at the end of the list go into random earlier ones.
    const mergedInto: Record<string, string> = {};
    const survivors = entities.slice(0, scale.entities - scale.merges);
    for (const gone of entities.slice(scale.entities - scale.merges)) mergedInto[gone.id] = pick(survivors).id;
    const positions = Object.fromEntries(survivors.slice(0, scale.pinned).map((e) => [e.id, { x: Math.round(random() * 2000 - 1000), y: Math.round(random() * 2000 - 1000) }]));

    await store.updateWorkspaceDoc(ENTITIES, (doc) => {
      doc.entities = survivors;
      doc.mergedInto = mergedInto;
      doc.rev += 1;
    });
    await store.updateWorkspaceDoc(RELATIONS, (doc) => {
      doc.relations = relations;
      doc.rev += 1;
    });
    await store.updateWorkspaceDoc(GRAPH, (doc) => {
      doc.positions = positions;
      doc.rev += 1;
    });
    return { dir, entityIds: survivors.map((e) => e.id), articleIds };
  } finally {
    await store.close();
  }
}

function grading(random: () => number): Grading {
  return { reliability: 'ABCDEF'[Math.floor(random() * 6)] as Grading['reliability'], credibility: (1 + Math.floor(random() * 6)) as Grading['credibility'] };
}

const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);
