import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError } from '../../common/errors';
import { appendLineDurable, fsyncDir } from './durableFile';

/**
 * A document that is a list of records by id (notes.json, with every note's summary) can take a
 * change of one record as one line appended to a journal beside it (one small fsync) instead of a
 * rewrite of the whole file: at 20,000 notes the file is 11 MB, and an autosave rewrote it. The
 * journal is folded into the file when idle and on close. Each line has a sequence number, and the
 * file records the last one it holds (`journalSeq`), so a line already folded in is never applied
 * again, even when a crash left it behind.
 */
export interface RecordList<T> {
  list(doc: T): readonly { id: string }[];
  /** The document with this list of records and this journal sequence (a shallow copy). */
  withList(doc: T, list: readonly { id: string }[], journalSeq: number): T;
  /** The last journal line the file holds. */
  seq(doc: T): number;
}

export interface JournalLine {
  seq: number;
  id: string;
  /** The record's new state; null removes it. */
  record: { id: string } | null;
}

export function journalFileOf(file: string): string {
  return file.replace(/\.json$/, '.journal.jsonl');
}

/** `doc` with one record put (or removed, for null), without touching the others. */
export function withRecord<T>(records: RecordList<T>, doc: T, id: string, record: { id: string } | null, journalSeq: number): T {
  const list = records.list(doc);
  const at = list.findIndex((r) => r.id === id);
  const next = at === -1 ? (record ? [...list, record] : list) : record ? list.with(at, record) : list.toSpliced(at, 1);
  return records.withList(doc, next, journalSeq);
}

/**
 * The journal's lines newer than the file (`after`), and the highest sequence seen. A line cut
 * short by a crash is ignored (its save was never acknowledged), and the journal is made to end
 * with a newline so the next line stands on its own.
 */
export async function readJournal(file: string, after: number, writable: boolean): Promise<{ lines: JournalLine[]; seq: number }> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], seq: after };
    throw new DossierError('corrupt-file', `Cannot read ${file}: ${(error as Error).message}`, file);
  }
  const lines: JournalLine[] = [];
  let seq = after;
  for (const text of raw.split('\n')) {
    if (!text.trim()) continue;
    let line: JournalLine;
    try {
      line = JSON.parse(text) as JournalLine;
    } catch {
      continue;
    }
    if (typeof line?.seq !== 'number' || typeof line.id !== 'string') continue;
    seq = Math.max(seq, line.seq);
    if (line.seq > after) lines.push(line);
  }
  if (writable && raw.length > 0 && !raw.endsWith('\n')) await fs.appendFile(file, '\n');
  return { lines, seq };
}

/** Appends one line durably; a journal that did not exist yet is made durable in its folder too. */
export async function appendJournalLine(file: string, line: JournalLine): Promise<void> {
  const existed = await fs.stat(file).then(
    () => true,
    () => false,
  );
  await appendLineDurable(file, JSON.stringify(line));
  if (!existed) await fsyncDir(path.dirname(file));
}

/** Empties the journal once the file holds all of it (a leftover line would be skipped by its sequence anyway). */
export async function clearJournal(file: string): Promise<void> {
  await fs.truncate(file, 0).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
