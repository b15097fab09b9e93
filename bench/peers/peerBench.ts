import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import type { Annotation } from '../../electron/common/model/annotation';
import { deriveNote } from '../../electron/common/notes/deriveNote';
import { mulberry32 } from '../corpus';
import { Corpus, GENERATOR_VERSION, lexicon, REFERENCE, SMALL, textNode } from '../reference/generator';
import { benchQueries } from '../reference/queries';
import { quantile, round } from '../stats';

/**
 * The peers, on the same generated data as Dossier's reference workspaces, in a process of their
 * own (their memory and GC stay out of Dossier's figures). Run by bench/scale.ts:
 *
 *   node --import tsx bench/peers/peerBench.ts <reference-10k|reference-100> <cache dir>
 *
 * Prints one JSON line: lowdb's and SQLite's save times, and SQLite FTS5's query times.
 */

// better-sqlite3 comes from bench/node_modules (installed by `npm run bench`), untyped on purpose:
// the app's type check must pass on a checkout where the bench's peers are not installed.
interface Statement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}
interface SqliteDatabase {
  pragma(source: string): unknown;
  prepare(sql: string): Statement;
  exec(sql: string): void;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}
const SQLITE_MODULE: string = 'better-sqlite3';

interface PeerArticle {
  id: string;
  title: string;
  published: string | null;
  text: string;
}
interface PeerNote {
  id: string;
  title: string;
  content: unknown;
  text: string;
}
interface PeerData {
  articles: PeerArticle[];
  annotations: Annotation[];
  notes: PeerNote[];
  entities: ReturnType<Corpus['entities']>;
}

const scaleName = process.argv[2];
const cacheDir = process.argv[3]!;
const scale = scaleName === SMALL.name ? SMALL : REFERENCE;
const dir = path.join(cacheDir, 'peers', scale.name);
const log = (line: string) => process.stderr.write(`  [peers ${scale.name}] ${line}\n`);
const lex = lexicon();

function generate(): PeerData {
  const corpus = new Corpus(scale, lex);
  const data: PeerData = { articles: [], annotations: [], notes: [], entities: corpus.entities() };
  let i = 0;
  for (const a of corpus.articles()) {
    const id = `art_${i}`;
    data.articles.push({ id, title: a.text.slice(0, 80), published: a.published, text: a.text });
    data.annotations.push(...corpus.annotationsOf(i, id, a.text));
    i++;
  }
  for (const n of corpus.notes()) data.notes.push({ id: n.id, title: n.title, content: n.content, text: deriveNote(n.content).text });
  return data;
}

function stats(ms: number[], warmup: number) {
  const kept = ms.slice(warmup);
  return { n: kept.length, p50_ms: round(quantile(kept, 0.5), 3), p95_ms: round(quantile(kept, 0.95), 3) };
}

/** lowdb as its README sets it up: one JSON file holding everything, rewritten whole on every write. */
async function lowdbSaves(data: PeerData, saves: number) {
  const file = path.join(dir, 'db.json');
  const db = new Low<PeerData>(new JSONFile<PeerData>(file), data);
  await db.write();
  const bytes = statSync(file).size;
  const random = mulberry32(42);
  const annotation: number[] = [];
  const note: number[] = [];
  for (let i = 0; i < saves; i++) {
    const a = data.annotations[Math.floor(random() * data.annotations.length)]!;
    a.comment = `${a.comment.split(' (')[0]} (edit ${i})`;
    let t0 = performance.now();
    await db.write();
    annotation.push(performance.now() - t0);
    const n = data.notes[Math.floor(random() * data.notes.length)]!;
    n.content = editedContent(n.text, i);
    t0 = performance.now();
    await db.write();
    note.push(performance.now() - t0);
  }
  rmSync(file, { force: true });
  return { file_mb: round(bytes / 1024 / 1024, 1), annotation: stats(annotation, 1), note: stats(note, 1) };
}

function editedContent(text: string, i: number | string): unknown {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, children: [textNode(`${text} (edit ${i})`)] }] } };
}

async function openSqlite(data: () => PeerData): Promise<SqliteDatabase> {
  const { default: Database } = (await import(SQLITE_MODULE)) as { default: new (file: string) => SqliteDatabase };
  const file = path.join(dir, 'reference.sqlite');
  if (existsSync(file)) {
    const db = new Database(file);
    try {
      const row = db.prepare('SELECT value FROM meta WHERE key = ?').all('generator')[0] as { value: string } | undefined;
      if (row && Number(row.value) === GENERATOR_VERSION) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        return db;
      }
    } catch {
      // An older or damaged cache: built again below.
    }
    db.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  log('building the SQLite database and its FTS5 index…');
  const t0 = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, published TEXT, text TEXT);
    CREATE TABLE annotations (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX annotations_article ON annotations(article_id);
    CREATE TABLE notes (id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE TABLE entities (id TEXT PRIMARY KEY, data TEXT NOT NULL);
    CREATE VIRTUAL TABLE search USING fts5(kind UNINDEXED, id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2');
  `);
  const d = data();
  const insert = db.transaction(() => {
    const article = db.prepare('INSERT INTO articles VALUES (?, ?, ?, ?)');
    const annotation = db.prepare('INSERT INTO annotations VALUES (?, ?, ?)');
    const note = db.prepare('INSERT INTO notes VALUES (?, ?)');
    const entity = db.prepare('INSERT INTO entities VALUES (?, ?)');
    const fts = db.prepare('INSERT INTO search VALUES (?, ?, ?, ?)');
    for (const a of d.articles) {
      article.run(a.id, a.title, a.published, a.text);
      fts.run('article', a.id, a.title, a.text);
    }
    for (const a of d.annotations) {
      annotation.run(a.id, a.articleId, JSON.stringify(a));
      fts.run('annotation', a.id, a.target.quote.exact, [a.comment, a.tags.join(' '), ...a.replies.map((r) => r.body)].join('\n'));
    }
    for (const n of d.notes) {
      note.run(n.id, JSON.stringify(n));
      fts.run('note', n.id, n.title, n.text);
    }
    for (const e of d.entities) {
      entity.run(e.id, JSON.stringify(e));
      fts.run('entity', e.id, e.name, [e.aliases.join(' '), e.description].join('\n'));
    }
    db.prepare('INSERT INTO meta VALUES (?, ?)').run('generator', String(GENERATOR_VERSION));
  });
  insert();
  db.exec(`INSERT INTO search(search) VALUES ('optimize')`);
  log(`built in ${round((performance.now() - t0) / 1000, 1)} s`);
  return db;
}

/** One row update per save, as an app on SQLite would save one annotation or one note. */
function sqliteSaves(db: SqliteDatabase, data: PeerData, saves: number) {
  const updateAnnotation = db.prepare('UPDATE annotations SET data = ? WHERE id = ?');
  const updateNote = db.prepare('UPDATE notes SET data = ? WHERE id = ?');
  const random = mulberry32(43);
  // A new value every run: SQLite skips writing a row that an update leaves as it was.
  const run = Date.now().toString(36);
  const annotation: number[] = [];
  const note: number[] = [];
  for (let i = 0; i < saves; i++) {
    const a = data.annotations[Math.floor(random() * data.annotations.length)]!;
    const edited = { ...a, comment: `${a.comment} (edit ${run}-${i})`, rev: a.rev + 1 };
    let t0 = performance.now();
    updateAnnotation.run(JSON.stringify(edited), a.id);
    annotation.push(performance.now() - t0);
    const n = data.notes[Math.floor(random() * data.notes.length)]!;
    t0 = performance.now();
    updateNote.run(JSON.stringify({ ...n, content: editedContent(n.text, `${run}-${i}`) }), n.id);
    note.push(performance.now() - t0);
  }
  return { annotation: stats(annotation, 10), note: stats(note, 10) };
}

function ftsQueries(db: SqliteDatabase) {
  const select = db.prepare(
    `SELECT kind, id, title, snippet(search, 3, '<mark>', '</mark>', '…', 16) AS snippet, rank AS score
       FROM search WHERE search MATCH ? ORDER BY rank LIMIT 20`,
  );
  const run = (q: string) => {
    const t0 = performance.now();
    const rows = select.all(q);
    return { ms: performance.now() - t0, rows: rows.length };
  };
  for (const q of benchQueries(lex, scale.entities, 2222).slice(0, 20)) if (q.fts5) run(q.fts5);
  const byClass: Record<string, number[]> = {};
  const all: number[] = [];
  let empty = 0;
  for (const q of benchQueries(lex, scale.entities)) {
    if (!q.fts5) continue;
    const { ms, rows } = run(q.fts5);
    if (rows === 0) empty++;
    (byClass[q.class] ??= []).push(ms);
    all.push(ms);
  }
  const classes = Object.fromEntries(Object.entries(byClass).map(([k, v]) => [k, { n: v.length, p50_ms: round(quantile(v, 0.5), 2), p95_ms: round(quantile(v, 0.95), 2) }]));
  return { n: all.length, empty, p50_ms: round(quantile(all, 0.5), 2), p95_ms: round(quantile(all, 0.95), 2), classes };
}

mkdirSync(dir, { recursive: true });
let cached: PeerData | null = null;
const data = () => (cached ??= generate());
const db = await openSqlite(data);
const fts5 = ftsQueries(db);
log(`FTS5 p95 ${fts5.p95_ms} ms`);
const sqlite = sqliteSaves(db, data(), scale === REFERENCE ? 200 : 200);
db.close();
log(`SQLite save p95 ${sqlite.annotation.p95_ms} / ${sqlite.note.p95_ms} ms; lowdb single file…`);
const lowdb = await lowdbSaves(data(), scale === REFERENCE ? 11 : 51);
console.log(JSON.stringify({ scale: scale.name, lowdb, sqlite, fts5 }));
