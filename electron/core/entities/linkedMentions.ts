import { reanchorAll } from '../../common/anchoring/reanchor';
import { positionSelector, quoteSelectorAt } from '../../common/anchoring/textQuote';
import { newId } from '../../common/ids';
import type { Mention } from '../../common/model/entity';
import type { Change, Operation } from '../history/operation';
import type { WorkspaceStore } from '../store/workspaceStore';
import { ENTITIES, MENTIONS, type EntitiesFile, type MentionsFile } from './entityDocuments';

/** A confirmed entity's mention found in a text, not linked yet. */
export interface FoundMention {
  start: number;
  end: number;
  text: string;
  entityId: string;
}

/** Articles whose texts go to the matcher in one call: one worker message, bounded in size. */
const LINK_BATCH = 100;

/** The confirmed entities' mentions in each text. */
export type FindKnown = (texts: readonly { text: string; language: string | null }[]) => Promise<FoundMention[][]>;

/**
 * The operations that link confirmed entities in the texts `change` brings in: each article's
 * mentions.json, and entities.json's presence index. None when nothing is named.
 */
export async function linkOps(store: WorkspaceStore, change: Change, findKnown: FindKnown): Promise<Operation[]> {
  const targets = textsBroughtIn(change);
  if (targets.length === 0) return [];
  const entitiesBefore = await store.readWorkspaceDoc(ENTITIES);
  if (entitiesBefore.entities.length === 0) return [];
  const ops: Operation[] = [];
  const moves: { articleId: string; before: Mention[]; after: Mention[] }[] = [];
  for (let i = 0; i < targets.length; i += LINK_BATCH) {
    const batch = targets.slice(i, i + LINK_BATCH);
    const articles = await Promise.all(batch.map((t) => store.readArticle(t.articleId)));
    const found = await findKnown(articles.map(({ meta, text }) => ({ text, language: meta.language })));
    for (const [j, { articleId, previous }] of batch.entries()) {
      // Nothing to link: the article's mentions stay as they are, moved onto a new text when it is first reviewed.
      if (found[j]!.length === 0) continue;
      const before = await store.readArticleDoc(articleId, MENTIONS);
      // Version 0 with mentions: they point into the text that was current before this change.
      const from = before.version > 0 ? before.version : previous;
      const oldText = before.mentions.length > 0 && from !== null ? await store.readVersionText(articleId, from) : null;
      const after = linkedDoc(before, oldText, articles[j]!.text, found[j]!);
      ops.push({ kind: 'doc', doc: 'mentions', articleId, before, after });
      moves.push({ articleId, before: before.mentions, after: after.mentions });
    }
  }
  if (moves.length > 0) ops.push({ kind: 'doc', doc: 'entities', articleId: null, before: entitiesBefore, after: movePresence(entitiesBefore, moves) });
  return ops;
}

interface BroughtIn {
  articleId: string;
  previous: number | null;
}

/**
 * The articles whose text a change brings in, and the version their mentions pointed into before
 * it (null for a new article): an import's articles, a new version's article.
 */
export function textsBroughtIn(change: Change): BroughtIn[] {
  return change.ops.flatMap((op): BroughtIn[] => {
    if (op.kind === 'listing' && op.after) return op.articleIds.map((articleId) => ({ articleId, previous: null }));
    if (op.kind === 'version') return [{ articleId: op.articleId, previous: op.before }];
    return [];
  });
}

/** Mentions moved from `oldText` onto `text`; those that cannot be placed are dropped. */
export function reanchorMentions(mentions: readonly Mention[], oldText: string, text: string): Mention[] {
  const placed = reanchorAll(text, mentions.map((m) => ({ quote: quoteSelectorAt(oldText, m.start, m.end), position: positionSelector(m.start, m.end) })));
  return mentions.flatMap((m, i) => {
    const r = placed[i]!;
    return r.status === 'orphaned' || r.start === undefined || r.end === undefined ? [] : [{ ...m, start: r.start, end: r.end, text: text.slice(r.start, r.end) }];
  });
}

/** Adds the found mentions that overlap none already there; answers how many it added. */
export function addFound(mentions: Mention[], found: readonly FoundMention[]): number {
  let added = 0;
  for (const f of found) {
    if (mentions.some((m) => m.start < f.end && f.start < m.end)) continue;
    mentions.push({ id: newId('men'), entityId: f.entityId, start: f.start, end: f.end, text: f.text, source: 'detected' });
    added++;
  }
  mentions.sort((a, b) => a.start - b.start);
  return added;
}

/**
 * An article's mentions once a new text came in with confirmed entities named in it: the earlier
 * links moved onto it (when `oldText` is given), the found ones added. Version 0 says detection
 * has not run on this text yet, so its suggestions come when the article is first reviewed.
 */
export function linkedDoc(before: MentionsFile, oldText: string | null, text: string, found: readonly FoundMention[]): MentionsFile {
  const mentions = oldText === null ? [...before.mentions] : reanchorMentions(before.mentions, oldText, text);
  addFound(mentions, found);
  return { ...before, rev: before.rev + 1, version: 0, mentions, suggestions: [] };
}

/**
 * entities.json with the presence index moved from each article's mentions before to after. Only
 * the entities named there are copied: the index of a large workspace is shared, not cloned.
 */
export function movePresence(entities: EntitiesFile, moves: readonly { articleId: string; before: readonly Mention[]; after: readonly Mention[] }[]): EntitiesFile {
  const presence = { ...entities.presence };
  const copied = new Set<string>();
  const own = (entityId: string): Record<string, number> => {
    if (!copied.has(entityId)) {
      presence[entityId] = { ...presence[entityId] };
      copied.add(entityId);
    }
    return presence[entityId]!;
  };
  for (const { articleId, before, after } of moves) {
    for (const entityId of new Set(before.map((m) => m.entityId))) delete own(entityId)[articleId];
    for (const m of after) {
      const where = own(m.entityId);
      where[articleId] = (where[articleId] ?? 0) + 1;
    }
  }
  for (const entityId of copied) if (Object.keys(presence[entityId]!).length === 0) delete presence[entityId];
  return { ...entities, rev: entities.rev + 1, presence };
}

/** Sets the article's entry of the presence index from its mentions (on a draft of entities.json). */
export function setPresence(entities: EntitiesFile, articleId: string, doc: MentionsFile): void {
  for (const where of Object.values(entities.presence)) delete where[articleId];
  for (const m of doc.mentions) {
    const where = (entities.presence[m.entityId] ??= {});
    where[articleId] = (where[articleId] ?? 0) + 1;
  }
  for (const [id, where] of Object.entries(entities.presence)) if (Object.keys(where).length === 0) delete entities.presence[id];
}
