import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NoteSummary } from '../../electron/common/model/note';
import { deriveNote, titleFromText } from '../../electron/common/notes/deriveNote';
import { createCore } from '../../electron/core/dossierCore';
import { ENTITIES } from '../../electron/core/entities/entityDocuments';
import { importArticles } from '../../electron/core/import/importArticles';
import { noteBody, NOTES_INDEX } from '../../electron/core/notes/noteDocuments';
import { WorkspaceStore } from '../../electron/core/store/workspaceStore';
import { Corpus, GENERATOR_VERSION, type Lexicon, type Scale } from './generator';

export interface BuiltWorkspace {
  dir: string;
  /** Article ids in generation order. */
  articleIds: string[];
  noteIds: string[];
  built: boolean;
  buildSeconds: number | null;
}

interface Marker {
  generator: number;
  scale: Scale;
  articleIds: string[];
  noteIds: string[];
  buildSeconds: number;
}

/** Runs `task` over `items` with at most `limit` at a time (concurrent fsyncs coalesce). */
export async function pool<T>(items: Iterable<T>, limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  for (const item of items) {
    const p = task(item).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= limit) await Promise.race(running);
  }
  await Promise.all(running);
}

/**
 * The cached workspace of one scale in `cacheDir/<scale.name>`, built when missing, when this
 * Dossier cannot open it, or when the generator changed. Articles go through the importer (as
 * the app imports them); annotations, notes and entities through the store's public methods, one
 * durable write per article's annotations and per note body, and one for each workspace index.
 */
export async function referenceWorkspace(cacheDir: string, scale: Scale, lex: Lexicon, log: (line: string) => void): Promise<BuiltWorkspace> {
  const dir = path.join(cacheDir, scale.name);
  const markerFile = path.join(cacheDir, `${scale.name}.json`);
  if (existsSync(markerFile) && existsSync(path.join(dir, 'workspace.json'))) {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as Marker;
    const usable =
      marker.generator === GENERATOR_VERSION &&
      (await WorkspaceStore.open(dir, { lock: false }).then(
        async (store) => {
          const ok = store.listArticles().length === scale.articles;
          await store.close();
          return ok;
        },
        () => false,
      ));
    if (usable) return { dir, articleIds: marker.articleIds, noteIds: marker.noteIds, built: false, buildSeconds: marker.buildSeconds };
  }
  log(`building ${scale.name}: ${scale.articles} articles, ${scale.annotations} annotations, ${scale.notes} notes, ${scale.entities} entities…`);
  rmSync(markerFile, { force: true });
  rmSync(dir, { recursive: true, force: true });
  const t0 = performance.now();
  const corpus = new Corpus(scale, lex);
  const store = await WorkspaceStore.open(dir, { create: true });
  const articleIds: string[] = [];
  const presence: Record<string, Record<string, number>> = {};
  let batch: { index: number; name: string; raw: string; text: string; cast: Map<number, number> }[] = [];
  const flush = async () => {
    const { articles, failures } = await importArticles(
      store,
      batch.map((a) => ({ name: a.name, bytes: Buffer.from(a.raw) })),
    );
    if (failures.length) throw new Error(`reference import failed: ${failures[0]!.message}`);
    const imported = batch.map((a, i) => ({ ...a, id: articles[i]!.id }));
    batch = [];
    for (const a of imported) {
      articleIds.push(a.id);
      for (const [entity, count] of a.cast) (presence[corpus.entityIds[entity]!] ??= {})[a.id] = count;
    }
    await pool(imported, 16, async (a) => {
      const annotations = corpus.annotationsOf(a.index, a.id, a.text);
      if (annotations.length === 0) return;
      await store.updateAnnotations(a.id, (list) => {
        list.push(...annotations);
      });
    });
    if (articleIds.length % 1000 === 0) log(`  ${articleIds.length}/${scale.articles} articles with their annotations`);
  };
  let index = 0;
  for (const a of corpus.articles()) {
    batch.push({ index: index++, name: a.name, raw: a.raw, text: a.text, cast: a.cast });
    if (batch.length === 500) await flush();
  }
  if (batch.length) await flush();

  const summaries: NoteSummary[] = [];
  const noteIds: string[] = [];
  await pool(corpus.notes(), 16, async (note) => {
    const derived = deriveNote(note.content);
    noteIds.push(note.id);
    summaries.push({
      id: note.id,
      rev: 1,
      title: note.title || titleFromText(derived.text),
      titled: true,
      articleId: null,
      pinned: false,
      excerpt: derived.excerpt,
      entityIds: derived.entityIds,
      citations: derived.citations,
      tags: derived.tags,
      created: note.created,
      modified: note.created,
      createdBy: { name: 'Analyst' },
      modifiedBy: { name: 'Analyst' },
    });
    await store.updateWorkspaceDoc(noteBody(note.id), (doc) => {
      doc.rev = 1;
      doc.content = note.content;
      doc.text = derived.text;
    });
    if (noteIds.length % 5000 === 0) log(`  ${noteIds.length}/${scale.notes} notes`);
  });
  summaries.sort((a, b) => a.created.localeCompare(b.created));
  noteIds.sort();
  await store.updateWorkspaceDoc(NOTES_INDEX, (doc) => {
    doc.notes = summaries;
    doc.rev += 1;
  });
  await store.updateWorkspaceDoc(ENTITIES, (doc) => {
    doc.entities = corpus.entities();
    doc.presence = presence;
    doc.rev += 1;
  });
  await store.close();

  // The first search index, saved in search/index.bin, as a workspace in use would have it.
  log(`  building the search index…`);
  const reopened = await WorkspaceStore.open(dir);
  const core = createCore(reopened);
  await core.api['search.reindex']({});
  await core.close();
  const buildSeconds = Math.round((performance.now() - t0) / 100) / 10;
  const marker: Marker = { generator: GENERATOR_VERSION, scale, articleIds, noteIds, buildSeconds };
  writeFileSync(markerFile, JSON.stringify(marker));
  log(`  built ${scale.name} in ${buildSeconds} s`);
  return { dir, articleIds, noteIds, built: true, buildSeconds };
}
