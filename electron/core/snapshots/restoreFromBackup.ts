import { filesOf } from '../store/fileAccess';
import path from 'node:path';
import { DossierError, phrase } from '../../common/errors';
import type { RecordChange } from '../../common/contract';
import { GRAPH_POSITIONS_RECORD } from '../../common/model/graph';
import { ENTITY_REJECTIONS_RECORD } from '../../common/model/entity';
import { BRIEFS } from '../briefs/briefDocuments';
import { diffRecords } from '../changeFeed';
import { ENTITIES, MENTIONS } from '../entities/entityDocuments';
import { GRAPH } from '../graph/graphDocuments';
import { NOTES_INDEX } from '../notes/noteDocuments';
import { RELATION_TYPES_RECORD, RELATIONS } from '../relations/relationDocuments';
import { FILE_NAMES } from '../store/files';
import { SCHEMA_VERSION } from '../store/schemaFile';
import type { WorkspaceStore } from '../store/workspaceStore';
import { TIMELINE } from '../timeline/timelineDocuments';
import type { Backups } from './backups';
import { isImmutable } from './workspaceFiles';

export interface RestoreResult {
  /** The backup restored from. */
  snapshotId: string;
  /** The files written back, workspace-relative. */
  restored: string[];
  /** The backup taken just before, which holds what the restore replaced (restore it to go back). */
  before: string;
  /** The records that changed, as the change feed announces them. */
  changes: RecordChange[];
}

/**
 * Puts the workspace (or the files named in `only`) back as backup `id` holds it. A backup of
 * the files as they are is taken first, so a restore can itself be undone by restoring that one.
 * Files the backup does not know are left alone when they belong to an article or a note it
 * does not know either (the restored lists do not show them); the workspace's own lists and an
 * article's highlights it did not have yet are put back empty.
 */
export async function restoreFromBackup(
  store: WorkspaceStore,
  backups: Backups,
  id: string,
  only?: readonly string[],
  /** Told what will change before anything is written (the search index journals it). */
  intend?: (changes: RecordChange[]) => void,
): Promise<RestoreResult> {
  const target = await backups.stateAt(id);
  for (const rel of only ?? []) {
    if (!target.has(rel)) throw new DossierError('not-found', phrase('backup.holdsNo', { id, name: rel }));
  }
  await store.flush();
  const before = await backups.take('before-restore', { always: true });
  if (!before) throw new DossierError('internal', 'The backup before the restore could not be taken.');
  const now = await backups.stateAt(before.id);
  // Damaged files were left out of that backup, so its entry is an older good copy: always restore them.
  const damaged = new Set(before.skippedFiles.map((f) => f.file));
  const candidates = only ?? [...new Set([...target.keys(), ...now.keys(), ...damaged])].sort();

  const writes: { file: string; bytes: Uint8Array; binary: boolean }[] = [];
  for (const rel of candidates) {
    const wanted = target.get(rel);
    const current = now.get(rel);
    if (wanted) {
      if (current?.sha256 === wanted.sha256 && !damaged.has(rel)) continue;
      writes.push({ file: rel, bytes: await backups.object(wanted), binary: isImmutable(rel) });
    } else {
      const empty = emptyFileFor(rel, target);
      if (empty !== null) writes.push({ file: rel, bytes: Buffer.from(empty), binary: false });
    }
  }

  const previous = new Map<string, unknown>();
  for (const write of writes) {
    if (write.binary) continue;
    const old = await readJson(path.join(store.dir, write.file));
    previous.set(write.file, old);
    write.bytes = withNewerRev(write.bytes, old);
  }
  const changes = changesOf(writes.map((w) => w.file), previous, writes);
  if (changes.length > 0) intend?.(changes);
  await store.restoreFiles(writes);
  return { snapshotId: id, restored: writes.map((w) => w.file), before: before.id, changes };
}

/**
 * A file the backup did not have yet, as it was then: an empty list, or null to leave it alone
 * (the folder of an article imported since, a note written since, anything else).
 */
function emptyFileFor(rel: string, target: Map<string, unknown>): string | null {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  if (rel === ENTITIES.file) return json(ENTITIES.empty(null));
  if (rel === BRIEFS.file) return json(BRIEFS.empty(null));
  if (rel === RELATIONS.file) return json(RELATIONS.empty(null));
  if (rel === GRAPH.file) return json(GRAPH.empty(null));
  if (rel === NOTES_INDEX.file) return json(NOTES_INDEX.empty(null));
  const [top, articleId, name] = rel.split('/');
  if (top !== FILE_NAMES.articles || !articleId || !target.has(`${FILE_NAMES.articles}/${articleId}/${FILE_NAMES.article}`)) return null;
  if (name === FILE_NAMES.annotations) return json({ schemaVersion: SCHEMA_VERSION, kind: 'annotations', articleId, rev: 0, annotations: [] });
  if (name === MENTIONS.file) return json(MENTIONS.empty(articleId));
  if (name === TIMELINE.file) return json(TIMELINE.empty(articleId));
  if (name === FILE_NAMES.history) return '';
  return null;
}

/**
 * A restored document gets a revision above the one it replaces: an editor still holding the
 * replaced one then sees that its text changed and reloads instead of saving over the restore.
 */
function withNewerRev(bytes: Uint8Array, old: unknown): Uint8Array {
  const oldRev = revOf(old);
  if (oldRev === null) return bytes;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return bytes;
  }
  const rev = revOf(value);
  if (rev === null || rev > oldRev) return bytes;
  return Buffer.from(`${JSON.stringify({ ...(value as object), rev: oldRev + 1 }, null, 2)}\n`);
}

function revOf(value: unknown): number | null {
  const rev = (value as { rev?: unknown } | null)?.rev;
  return typeof value === 'object' && value !== null && typeof rev === 'number' ? rev : null;
}

/** The records a restore changes, for search and open windows to follow. */
function changesOf(files: string[], previous: Map<string, unknown>, writes: { file: string; bytes: Uint8Array }[]): RecordChange[] {
  const next = new Map(writes.map((w) => [w.file, w.bytes]));
  const parsed = (file: string) => {
    try {
      return JSON.parse(Buffer.from(next.get(file)!).toString('utf8')) as Record<string, unknown>;
    } catch {
      return null;
    }
  };
  const list = (value: unknown, property: string) => (Array.isArray((value as Record<string, unknown> | null)?.[property]) ? ((value as Record<string, unknown>)[property] as { id: string }[]) : []);
  const changes: RecordChange[] = [];
  const articles = new Set<string>();
  for (const file of files) {
    const [top, id, name] = file.split('/');
    if (top === FILE_NAMES.articles && id) articles.add(id);
    else if (file === FILE_NAMES.library) {
      for (const c of diffRecords('article', null, list(previous.get(file), 'articles'), list(parsed(file), 'articles'))) articles.add(c.id);
    } else if (file === NOTES_INDEX.file) changes.push(...diffRecords('note', null, list(previous.get(file), 'notes'), list(parsed(file), 'notes')));
    else if (top === 'notes' && name === undefined && /^note_.+\.json$/.test(id ?? '')) changes.push({ subject: 'note', kind: 'updated', id: id!.slice(0, -'.json'.length), articleId: null });
    else if (file === ENTITIES.file) {
      changes.push(...diffRecords('entity', null, list(previous.get(file), 'entities'), list(parsed(file), 'entities')));
      if (JSON.stringify(list(previous.get(file), 'rejected')) !== JSON.stringify(list(parsed(file), 'rejected'))) changes.push({ subject: 'workspace', kind: 'updated', id: ENTITY_REJECTIONS_RECORD, articleId: null });
    }
    else if (file === BRIEFS.file) changes.push(...diffRecords('brief', null, list(previous.get(file), 'briefs'), list(parsed(file), 'briefs')));
    else if (file === RELATIONS.file) {
      changes.push(...diffRecords('relation', null, list(previous.get(file), 'relations'), list(parsed(file), 'relations')));
      if (JSON.stringify(list(previous.get(file), 'types')) !== JSON.stringify(list(parsed(file), 'types'))) changes.push({ subject: 'workspace', kind: 'updated', id: RELATION_TYPES_RECORD, articleId: null });
    }
    else if (file === GRAPH.file) changes.push({ subject: 'workspace', kind: 'updated', id: GRAPH_POSITIONS_RECORD, articleId: null });
    else if (file === FILE_NAMES.workspace) changes.push({ subject: 'workspace', kind: 'updated', id: 'palette', articleId: null });
  }
  for (const id of articles) changes.push({ subject: 'article', kind: 'updated', id, articleId: id });
  const seen = new Set<string>();
  return changes.filter((c) => {
    const key = `${c.subject}:${c.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await filesOf(file).readText(file));
  } catch {
    return null;
  }
}
