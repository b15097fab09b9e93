import { DossierError, phrase, wordsOf } from '../../common/errors';
import { filesOf } from './fileAccess';
import { withRecordById } from './recordsById';

/**
 * A document that is a list of records by id (notes.json, with every note's summary) saves a
 * change of one record as a line of the write-ahead log naming that record, instead of a rewrite
 * of the whole file: at 20,000 notes the file is 11 MB, and an autosave rewrote it.
 *
 * Earlier versions kept such lines in a journal beside the file (`notes.journal.jsonl`), each with
 * a sequence number, the file recording the last one it holds (`journalSeq`). That journal is
 * still read, so its lines are never lost, and folded into the file on first use.
 */
export interface RecordList<T> {
  /** The document's property that holds the records. */
  property: string;
  list(doc: T): readonly { id: string }[];
  /** The document with this list of records and this journal sequence (a shallow copy). */
  withList(doc: T, list: readonly { id: string }[], journalSeq: number): T;
  /** The last line of the journal beside the file that the file holds. */
  seq(doc: T): number;
  /** Whether an earlier Dossier may have left a journal beside the file (notes.json). */
  legacyJournal?: boolean;
}

export interface JournalLine {
  seq: number;
  id: string;
  /** The record's new state; null removes it. */
  record: { id: string } | null;
}

/** The journal an earlier Dossier kept beside a file of records. */
export function journalFileOf(file: string): string {
  return file.replace(/\.json$/, '.journal.jsonl');
}

/** `doc` with one record put (or removed, for null), without touching the others. */
export function withRecord<T>(records: RecordList<T>, doc: T, id: string, record: { id: string } | null): T {
  return records.withList(doc, withRecordById(records.list(doc), id, record), records.seq(doc));
}

/**
 * The journal's lines newer than the file (`after`), and the highest sequence seen. A line cut
 * short by a crash is ignored (its save was never acknowledged).
 */
export async function readJournal(file: string, after: number): Promise<{ lines: JournalLine[]; seq: number }> {
  let raw: string;
  try {
    raw = await filesOf(file).readText(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], seq: after };
    throw new DossierError('corrupt-file', phrase('store.cannotRead', { file, reason: wordsOf(error) }), file);
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
  return { lines, seq };
}
