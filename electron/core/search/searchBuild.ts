import { ENTITIES, MENTIONS } from '../entities/entityDocuments';
import { noteBody, NOTES_INDEX } from '../notes/noteDocuments';
import { RELATIONS } from '../relations/relationDocuments';
import type { WorkspaceStore } from '../store/workspaceStore';
import { relationsShown } from './relationSearch';
import { annotationDoc, articleDoc, entityDoc, noteDoc, relationDoc } from './searchDocuments';
import { SearchIndex, type IndexSnapshot } from './searchIndex';

export type ReindexProgress = (done: number, total: number) => void;

/** Builds the index of the workspace in `dir` somewhere else (a worker thread) and hands back its snapshot. */
export type SearchIndexBuilder = (dir: string, onProgress?: ReindexProgress) => Promise<IndexSnapshot>;

/**
 * The whole workspace read into a new index: every article with its annotations, every note,
 * every entity, every relationship. Files are peeked at, not kept open, so building does not hold the workspace in
 * memory; the article texts pass through the store's small cache.
 */
export async function buildSearchIndex(store: WorkspaceStore, onProgress?: ReindexProgress): Promise<SearchIndex> {
  const index = new SearchIndex();
  const articles = store.listArticles();
  const { notes } = await store.peekWorkspaceDoc(NOTES_INDEX);
  const entitiesDoc = await store.peekWorkspaceDoc(ENTITIES);
  const { entities, presence } = entitiesDoc;
  const relations = relationsShown(await store.peekWorkspaceDoc(RELATIONS), entitiesDoc);
  const total = articles.length + notes.length + entities.length + relations.length;
  const entitiesOf = articleEntities(presence);
  let done = 0;
  const tick = () => {
    done += 1;
    if (onProgress && (done % 100 === 0 || done === total)) onProgress(done, total);
  };
  for (const entry of articles) {
    try {
      await putArticle(store, index, entry.id, entitiesOf.get(entry.id) ?? []);
    } catch (error) {
      // One damaged article (its files named in the error) must not leave the workspace unsearchable.
      console.error(`Dossier: article ${entry.id} is left out of the search index:`, (error as Error).message);
    }
    tick();
  }
  for (const note of notes) {
    const body = await store.peekWorkspaceDoc(noteBody(note.id));
    index.put(noteDoc(note, body.text));
    tick();
  }
  for (const entity of entities) {
    index.put(entityDoc(entity));
    tick();
  }
  for (const relation of relations) {
    index.put(relationDoc(relation));
    tick();
  }
  if (total === 0) onProgress?.(0, 0);
  index.compact();
  return index;
}

/** The article and each of its annotations, from the files; annotations no longer there go. */
export async function putArticle(store: WorkspaceStore, index: SearchIndex, articleId: string, entityIds: string[]): Promise<void> {
  const { meta, text } = await store.readArticle(articleId);
  index.put(articleDoc(meta, text, entityIds));
  const annotations = await store.peekAnnotations(articleId);
  const { mentions } = await store.peekArticleDoc(articleId, MENTIONS);
  const kept = new Set<string>();
  for (const annotation of annotations) {
    index.put(annotationDoc(annotation, mentions));
    kept.add(annotation.id);
  }
  for (const id of index.annotationsOf(articleId)) if (!kept.has(id)) index.remove('annotation', id);
}

/** entity → article → count, turned around: the entities each article names. */
export function articleEntities(presence: Record<string, Record<string, number>>): Map<string, string[]> {
  const byArticle = new Map<string, string[]>();
  for (const [entityId, where] of Object.entries(presence)) {
    for (const articleId of Object.keys(where)) {
      const list = byArticle.get(articleId);
      if (list) list.push(entityId);
      else byArticle.set(articleId, [entityId]);
    }
  }
  return byArticle;
}

/** The worker thread's side: opens the workspace to read (no lock: the app holds it) and builds. */
export async function buildSearchSnapshot(dir: string, onProgress?: ReindexProgress): Promise<IndexSnapshot> {
  const { WorkspaceStore } = await import('../store/workspaceStore');
  const store = await WorkspaceStore.open(dir, { lock: false });
  try {
    return (await buildSearchIndex(store, onProgress)).toSnapshot();
  } finally {
    await store.close();
  }
}
