import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SearchKind } from '../../electron/common/model/search';
import { createCore, FILE_NAMES, WorkspaceStore, type DossierCore } from '../../electron/core';
import { readIndexFile } from '../../electron/core/search/indexFile';
import { filesOf } from '../../electron/core/store/fileAccess';
import { FOLDING_FILE, LOG_FILE } from '../../electron/core/store/writeAheadLog';
import { wordOf, type Kind, type SaveModel, type Tracked } from './saveLoops';

/** Logs that replay only their whole lines: a last line a kill cut short is expected there, and dropped. */
const LOGS_WITH_TORN_TAILS = new Set([LOG_FILE, FOLDING_FILE, path.join(FILE_NAMES.derived, 'changes.jsonl')]);

export interface FileScan {
  /** Files that do not parse: each is a failure. */
  unreadable: string[];
  /** Write-ahead and search logs ending in a cut line (read up to it, by design). */
  tornTails: number;
  /** The write-ahead logs present. */
  logs: string[];
}

/** Files of an encrypted workspace that stay plaintext (docs/ENCRYPTION.md): the lock and the key file. */
const PLAIN_FILES = new Set([FILE_NAMES.lock, 'keys.json', 'convert.json']);

/**
 * Reads every file of the workspace as its kind says: JSON files parse (opened with the workspace
 * key first when it is encrypted and unlocked in this process, each line of a log on its own), every line of a JSON-lines
 * file parses (the logs above may end in a cut line until they are replayed), the search snapshot
 * checks out. `replayed`: the workspace was opened and closed by a writer since the kill, so no
 * log may end in a cut line any more.
 */
export async function scanFiles(dir: string, replayed: boolean): Promise<FileScan> {
  const scan: FileScan = { unreadable: [], tornTails: 0, logs: [] };
  for (const file of await filesUnder(dir)) {
    const name = path.relative(dir, file);
    const base = path.basename(file);
    // Temp files are written before they are renamed into place; what they hold is never read.
    if (base.endsWith('.tmp')) continue;
    if (name === LOG_FILE || name === FOLDING_FILE) scan.logs.push(name);
    const problem = await problemOf(file, name, replayed, scan);
    if (problem) scan.unreadable.push(`${name}: ${problem}`);
  }
  return scan;
}

async function problemOf(file: string, name: string, replayed: boolean, scan: FileScan): Promise<string | null> {
  const access = PLAIN_FILES.has(name) ? null : filesOf(file);
  const sealed = access?.sealed === true;
  if (name.endsWith('.json') || name === FILE_NAMES.lock) {
    try {
      JSON.parse(sealed ? await access.readText(file) : await fs.readFile(file, 'utf8'));
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (name.endsWith('.jsonl')) {
    const text = await fs.readFile(file, 'utf8');
    const lines = text.split('\n');
    const tail = lines.pop()!;
    if (tail !== '') {
      if (replayed || !LOGS_WITH_TORN_TAILS.has(name)) return `its last line is cut short (${tail.length} characters)`;
      scan.tornTails += 1;
    }
    for (const [i, line] of lines.entries()) {
      // A sealed line that does not open (changed, or cut short and then followed by another) is as bad as one that does not parse.
      const opened = sealed ? access.openLine(file, line) : { line };
      if (!opened) return `line ${i + 1} does not open with the workspace key`;
      try {
        JSON.parse(opened.line);
      } catch {
        return `line ${i + 1} is not JSON`;
      }
    }
    return null;
  }
  if (name === path.join(FILE_NAMES.derived, 'index.bin')) return (await readIndexFile(file)) ? null : 'the search snapshot does not check out';
  return null;
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(full)));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

export interface SaveCheck {
  /** Acknowledged saves not found: "kind id: expected …, found …". */
  lost: string[];
  /** Acknowledged values search does not find. */
  searchMisses: string[];
  /**
   * Values that landed without an acknowledgement (saved when the process died before answering)
   * that search does not find: the index does not learn of a save the log replays.
   */
  staleSearch: string[];
  /** Highlights whose last history line does not hold their stored comment (writer checks only). */
  historyMismatches: string[];
}

const SEARCH_KIND: Record<Kind, SearchKind | null> = { highlight: 'annotation', note: 'note', entity: 'entity', brief: null };

/**
 * Opens the workspace in this process and reads every tracked record through the API: each must
 * hold its last acknowledged value, or the value of the save that was on its way when the server
 * died (then that becomes its acknowledged value). As `writer` it takes the lock, so the logs the
 * kill left are replayed and folded as `dossier serve` would on start; as a reader (no lock) it
 * sees the files and the logs without changing anything, and the next server start replays them.
 */
export async function checkSaves(dir: string, model: SaveModel, round: number, writer: boolean): Promise<SaveCheck> {
  const check: SaveCheck = { lost: [], searchMisses: [], staleSearch: [], historyMismatches: [] };
  const store = await WorkspaceStore.open(dir, { lock: writer });
  const core = createCore(store);
  try {
    const stored = await storedValues(core, model.records);
    for (const record of [...model.records]) {
      const value = stored.get(record.id);
      if (value === undefined) {
        check.lost.push(`${record.kind} ${record.id}: missing (last acknowledged: "${record.acked}")`);
        model.forget(record);
        continue;
      }
      if (value !== record.acked && value !== record.pending) {
        check.lost.push(`${record.kind} ${record.id}: holds "${value}", last acknowledged "${record.acked}"${record.pending ? `, then sent "${record.pending}"` : ''} (${model.trail.get(record.id)?.join('; ')})`);
      }
      if (value !== record.acked) record.unanswered = true;
      model.note(record.id, `r${round} ${writer ? 'writer' : 'reader'} found "${value}"${value === record.acked ? '' : ' (unacknowledged)'}`);
      record.acked = value;
      record.pending = null;
    }
    for (const record of model.records) {
      const kind = SEARCH_KIND[record.kind];
      if (!kind || record.round !== round || record.acked === '') continue;
      const { results } = await core.api['search.query']({ query: wordOf(record.acked), kinds: [kind], limit: 50 });
      if (results.some((r) => r.id === record.id)) continue;
      const miss = `${record.kind} ${record.id}: "${record.acked}" (${model.trail.get(record.id)?.join('; ')})`;
      (record.unanswered ? check.staleSearch : check.searchMisses).push(miss);
    }
  } finally {
    await core.close();
  }
  if (writer) check.historyMismatches = await historyMismatches(dir, model.records);
  return check;
}

async function storedValues(core: DossierCore, records: readonly Tracked[]): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  const articleIds = new Set(records.filter((r) => r.kind === 'highlight').map((r) => r.articleId!));
  for (const articleId of articleIds) {
    for (const a of (await core.api['annotations.list']({ articleId })).annotations) values.set(a.id, a.comment);
  }
  for (const record of records.filter((r) => r.kind === 'note')) {
    const note = await core.api['notes.get']({ id: record.id }).catch(() => null);
    if (note) values.set(record.id, note.note.text.trim());
  }
  const entityIds = records.filter((r) => r.kind === 'entity').map((r) => r.id);
  const { entities } = await core.api['entities.resolve']({ ids: entityIds });
  // A merge would answer the entity it went into: only the record itself counts.
  for (const [id, entity] of Object.entries(entities)) if (entity?.id === id) values.set(id, entity.description);
  for (const brief of (await core.api['briefs.list']({})).briefs) values.set(brief.id, brief.title);
  return values;
}

/** Each highlight's last line in its article's history must hold the comment stored now: one transaction. */
async function historyMismatches(dir: string, records: readonly Tracked[]): Promise<string[]> {
  const mismatches: string[] = [];
  const lastById = new Map<string, { comment?: string } | null>();
  for (const articleId of new Set(records.filter((r) => r.kind === 'highlight').map((r) => r.articleId!))) {
    for (const line of await historyLines(dir, articleId)) {
      const after = line.after as { id?: string; comment?: string } | null;
      const before = line.before as { id?: string } | null;
      const id = after?.id ?? before?.id;
      if (id) lastById.set(id, after);
    }
  }
  for (const record of records) {
    if (record.kind !== 'highlight') continue;
    const last = lastById.get(record.id);
    if (last?.comment !== record.acked) mismatches.push(`${record.id}: stored "${record.acked}", history's last line ${last ? `"${last.comment}"` : 'missing'}`);
  }
  return mismatches;
}

export async function historyLines(dir: string, articleId: string): Promise<{ before: unknown; after: unknown; op: string }[]> {
  const file = path.join(dir, FILE_NAMES.articles, articleId, FILE_NAMES.history);
  // Through the workspace's file access: the lines are sealed one by one in an encrypted workspace.
  const text = await filesOf(file)
    .readText(file)
    .catch(() => '');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { before: unknown; after: unknown; op: string });
}
