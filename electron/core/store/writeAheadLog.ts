import { AsyncLocalStorage } from 'node:async_hooks';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DossierError, phrase, systemReason, wordsOf } from '../../common/errors';
import { appendPlainLinesOnce, fsyncDir } from './durableFile';
import { filesOf, type FileAccess } from './fileAccess';
import { withRecordById } from './recordsById';

/**
 * The workspace's write-ahead log: every save is one line appended to `journal.jsonl` and one
 * fdatasync, whatever the size of the workspace, instead of a temp file, two fsyncs and a rename
 * per file it touches. A line holds every file write of one save, so a save is one transaction:
 * an annotation and its history line are on disk together or not at all.
 *
 * Readers see the files as the log says they are now (`read`); the log is folded into the files
 * when idle, when it grows, and on close, so the files people and tools read stay current within
 * seconds. Folding renames the log to `journal.folding.jsonl` first, so saves go on into a fresh
 * log while the files are written; a crash at any point leaves logs whose lines, replayed in
 * order over the files, give the same state again (every write is idempotent: a whole file, a
 * record put by id, or a line appended unless the file already ends with it).
 */

export type LogWrite =
  /** The file's whole new content. */
  | { op: 'put'; file: string; text: string }
  /** One record of the array `property` of a JSON file, by id; null removes it. */
  | { op: 'record'; file: string; property: string; id: string; record: { id: string } | null }
  /** One line added to the end of a JSON-lines file. */
  | { op: 'append'; file: string; line: string };

interface LogLine {
  seq: number;
  writes: LogWrite[];
}

/** What the log holds for one file beyond what is on disk. `text` first, then records, then appends. */
interface Pending {
  text: { seq: number; value: string } | null;
  records: { seq: number; property: string; id: string; record: { id: string } | null }[];
  appends: { seq: number; line: string }[];
}

/** The writes of a transaction under way; `ended` once it is committed or abandoned. */
interface OpenTransaction {
  writes: LogWrite[];
  ended: boolean;
}

export const LOG_FILE = 'journal.jsonl';
export const FOLDING_FILE = 'journal.folding.jsonl';

/** Fold after this long without a save, or once the log is this large or its oldest line this old. */
const FOLD_WHEN_IDLE_MS = 2_000;
const FOLD_AT_BYTES = 8 * 1024 * 1024;
const FOLD_AT_AGE_MS = 5 * 60_000;

export class WriteAheadLog {
  private readonly pending = new Map<string, Pending>();
  private handle: fs.FileHandle | null = null;
  /** Bytes of the active log known to hold whole lines. */
  private size = 0;
  private seq = 0;
  private oldestUnfolded: number | null = null;
  /** Exclusive access to the active log: batches of lines, and the rename that starts a fold. */
  private lane: Promise<unknown> = Promise.resolve();
  private waiting: { writes: LogWrite[]; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushQueued = false;
  private broken: Error | null = null;
  private folding: Promise<void> | null = null;
  /** The highest sequence in journal.folding.jsonl while one exists (a fold in progress, or one that failed). */
  private foldingSeq: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The transaction the calling code runs in, if any: its saves are kept for one line at its end. */
  private readonly transactions = new AsyncLocalStorage<OpenTransaction>();
  private openTransactions = 0;
  /**
   * The generation of the active log and of the one being folded (always 0 in a plaintext
   * workspace): an encrypted workspace records the last folded one, so an old log put back is
   * never replayed over newer files (docs/ENCRYPTION.md › Generations).
   */
  private generation: number | null = null;
  private foldingGeneration: number | null = null;
  private readonly files: FileAccess;

  private constructor(
    readonly root: string,
    private readonly writable: boolean,
    private readonly onFoldError: (error: unknown) => void,
  ) {
    this.files = filesOf(root);
  }

  /**
   * Reads the logs a previous run left (a crash, or a fold cut short) into memory; a writer then
   * folds them into the files at once, so what it opens next is what the disk holds.
   */
  static async open(root: string, options: { writable: boolean; foldNow: boolean; onFoldError?: (error: unknown) => void }): Promise<WriteAheadLog> {
    const log = new WriteAheadLog(root, options.writable, options.onFoldError ?? ((error) => console.error('Dossier: the journal could not be folded into the files; it is kept and read again on open:', error)));
    let last = 0;
    const stale: string[] = [];
    for (const name of [FOLDING_FILE, LOG_FILE]) {
      const { lines, generation } = await readLogLines(path.join(root, name), log.files, path.join(root, LOG_FILE));
      if (generation !== null && log.files.isFoldedLog(generation)) {
        // Folded already (a crash after its files were written, or a copy put back): never replayed.
        stale.push(name);
        continue;
      }
      if (name === LOG_FILE) log.generation = generation;
      else log.foldingGeneration = generation;
      for (const line of lines) {
        if (line.seq <= last) continue;
        log.remember({ seq: line.seq, writes: line.writes.map((w) => ({ ...w, file: log.absolute(w.file) })) });
        last = line.seq;
      }
    }
    log.seq = last;
    if (options.writable && options.foldNow) for (const name of stale) await fs.rm(path.join(root, name), { force: true });
    // Only the lock holder folds: a reader's fold could delete a log another process is appending to.
    if (last > 0 && options.writable && options.foldNow) {
      log.foldingSeq = last;
      try {
        await log.writeFiles(last);
        await log.files.logFolded(Math.max(log.generation ?? 0, log.foldingGeneration ?? 0));
        await fs.rm(path.join(root, LOG_FILE), { force: true });
        await fs.rm(path.join(root, FOLDING_FILE), { force: true });
        await fsyncDir(root);
        log.foldingSeq = null;
        log.generation = log.foldingGeneration = null;
        log.prune(last);
      } catch (error) {
        // The workspace still opens: reads see the logs, and the next fold tries again (never
        // renaming a log over the one still to be folded). A file that cannot be made whole is
        // named when it is read.
        log.onFoldError(error);
      }
    }
    return log;
  }

  /** Saves the writes as one line: resolved once the line is durable, rejected with nothing saved. */
  commit(writes: LogWrite[]): Promise<void> {
    if (!this.writable) return Promise.reject(new DossierError('read-only', phrase('workspace.openReadOnly')));
    if (this.closed) return Promise.reject(new DossierError('unavailable', phrase('workspace.closed')));
    if (this.broken) return Promise.reject(this.broken);
    const open = this.transactions.getStore();
    if (open && !open.ended) {
      open.writes.push(...writes);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ writes, resolve, reject });
      if (this.flushQueued) return;
      this.flushQueued = true;
      void this.exclusive(() => this.flush());
    });
  }

  /**
   * Runs `task` as one transaction: every save it makes is kept (and read back by it) until it
   * ends, then written as one line, so a change spanning several files (a merge of entities, a
   * note's text and its entry in the list) is on disk whole or not at all. When the task fails,
   * or the line cannot be written, nothing of it is saved and `onAbort` is told which files the
   * task had changed (whose values in memory are then ahead of the disk). Inside a transaction
   * already, the task joins it.
   */
  async transaction<T>(task: () => Promise<T>, onAbort: (files: string[]) => Promise<void>): Promise<T> {
    if (this.transactions.getStore()?.ended === false) return task();
    const open: OpenTransaction = { writes: [], ended: false };
    this.openTransactions += 1;
    try {
      let result: T;
      try {
        result = await this.transactions.run(open, task);
      } finally {
        open.ended = true;
        // Node 20's AsyncLocalStorage slows every promise of the process while it is enabled
        // (about 2.5× on a save): it is on only while a transaction runs.
        if (--this.openTransactions === 0) this.transactions.disable();
      }
      if (open.writes.length > 0) await this.commit(open.writes);
      return result;
    } catch (error) {
      if (open.writes.length > 0) await onAbort([...new Set(open.writes.map((w) => w.file))]);
      throw error;
    }
  }

  /** The file's text as the log says it is now, or null when the log holds nothing for it (read the disk). */
  async read(file: string): Promise<string | null> {
    const pending = this.pending.get(file);
    const open = this.transactions.getStore();
    const mine = open && !open.ended ? open.writes.filter((w) => w.file === file) : [];
    if (mine.length > 0) return materialize(file, withWrites(pending, mine), this.files);
    if (!pending) return null;
    return materialize(file, pending, this.files);
  }

  /** Whether the log holds something for this file that the disk does not show yet. */
  has(file: string): boolean {
    const open = this.transactions.getStore();
    return this.pending.has(file) || (open !== undefined && !open.ended && open.writes.some((w) => w.file === file));
  }

  /** Folds what the log holds into the files now (idle, on close, before a backup reads them). */
  fold(): Promise<void> {
    this.folding ??= this.foldOnce().finally(() => {
      this.folding = null;
    });
    return this.folding;
  }

  /** Folds everything and stops taking saves. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.writable && !this.broken) {
      await this.lane;
      await this.fold();
      if (this.seq > (this.foldingSeq ?? 0) && this.pending.size > 0) await this.fold();
    }
    this.closed = true;
    await this.exclusive(async () => {
      await this.handle?.close();
      this.handle = null;
    });
  }

  private relative(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }

  /** A path from a log line, which must name a file inside the workspace. */
  private absolute(file: string): string {
    const resolved = path.resolve(this.root, file);
    const inside = path.relative(this.root, resolved);
    if (typeof file !== 'string' || inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
      throw new DossierError('corrupt-file', `${path.join(this.root, LOG_FILE)} names a file outside the workspace (${String(file)}); it was left untouched.`, path.join(this.root, LOG_FILE));
    }
    return resolved;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const next = this.lane.then(task, task);
    this.lane = next.catch(() => undefined);
    return next;
  }

  /** Writes every waiting save as one batch of lines with one fdatasync (group commit). */
  private async flush(): Promise<void> {
    this.flushQueued = false;
    const batch = this.waiting.splice(0);
    if (batch.length === 0) return;
    if (this.broken) {
      for (const b of batch) b.reject(this.broken);
      return;
    }
    const first = this.seq + 1;
    const lines = batch.map((b, i) => ({ seq: first + i, writes: b.writes }));
    // Paths are kept relative to the workspace, so a copy or a restored backup replays in its own folder.
    const logFile = path.join(this.root, LOG_FILE);
    try {
      const handle = await this.activeLog();
      const bytes = Buffer.from(
        lines.map((l) => `${this.files.sealLine(logFile, JSON.stringify({ seq: l.seq, writes: l.writes.map((w) => ({ ...w, file: this.relative(w.file) })) }), this.generation ?? 0)}\n`).join(''),
        'utf8',
      );
      let written = 0;
      while (written < bytes.length) written += (await handle.write(bytes, written, bytes.length - written, this.size + written)).bytesWritten;
      await handle.datasync();
      this.size += bytes.length;
    } catch (error) {
      await this.cutBack();
      const failure = saveFailure(path.join(this.root, LOG_FILE), error);
      for (const b of batch) b.reject(failure);
      return;
    }
    this.seq += lines.length;
    for (const line of lines) this.remember(line);
    this.oldestUnfolded ??= Date.now();
    for (const b of batch) b.resolve();
    this.scheduleFold();
  }

  /** After a failed batch: the log is cut back to its last whole line, or no more saves are taken. */
  private async cutBack(): Promise<void> {
    try {
      await this.handle?.truncate(this.size);
      await this.handle?.datasync();
    } catch (error) {
      this.broken = new DossierError(
        'unavailable',
        phrase('store.logBroken', { file: path.join(this.root, LOG_FILE), reason: wordsOf(error) }),
        path.join(this.root, LOG_FILE),
      );
    }
  }

  private async activeLog(): Promise<fs.FileHandle> {
    if (this.handle) return this.handle;
    const file = path.join(this.root, LOG_FILE);
    const handle = await fs.open(file, 'a+', 0o644);
    try {
      // A log left by a failed fold's rename is never here (the rename moved it); an empty one may be.
      this.size = (await handle.stat()).size;
      if (this.size === 0 || this.generation === null) this.generation = this.files.nextLogGeneration();
      await fsyncDir(this.root);
    } catch (error) {
      await handle.close();
      throw error;
    }
    this.handle = handle;
    return handle;
  }

  private scheduleFold(): void {
    if (this.timer) clearTimeout(this.timer);
    const due = this.size >= FOLD_AT_BYTES || (this.oldestUnfolded !== null && Date.now() - this.oldestUnfolded >= FOLD_AT_AGE_MS);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.fold().catch(this.onFoldError);
      },
      due ? 0 : FOLD_WHEN_IDLE_MS,
    );
    this.timer.unref();
  }

  private async foldOnce(): Promise<void> {
    if (!this.writable) return;
    // A fold that failed before left its log behind: finish that one first, then the active log.
    for (let round = 0; round < 2; round++) {
      if (this.foldingSeq === null) {
        const rotated = await this.exclusive(() => this.rotate());
        if (!rotated) return;
      }
      const upTo = this.foldingSeq!;
      await this.writeFiles(upTo);
      if (this.foldingGeneration !== null) await this.files.logFolded(this.foldingGeneration);
      await fs.rm(path.join(this.root, FOLDING_FILE), { force: true });
      await fsyncDir(this.root);
      this.foldingSeq = null;
      this.foldingGeneration = null;
      this.prune(upTo);
      if (this.seq === upTo) return;
    }
  }

  /** Moves the active log aside for folding; the next save starts a new one. False when it is empty. */
  private async rotate(): Promise<boolean> {
    if (this.size === 0 || !this.handle) return false;
    await this.handle.close();
    this.handle = null;
    await fs.rename(path.join(this.root, LOG_FILE), path.join(this.root, FOLDING_FILE));
    await fsyncDir(this.root);
    this.size = 0;
    this.foldingSeq = this.seq;
    this.foldingGeneration = this.generation;
    this.generation = null;
    this.oldestUnfolded = null;
    return true;
  }

  /** Writes every file the log holds something for, as of `upTo` or later, durably. */
  private async writeFiles(upTo: number): Promise<void> {
    const dirs = new Set<string>();
    for (const [file, pending] of [...this.pending]) {
      if (!touchedBy(pending, upTo)) continue;
      await fs.mkdir(path.dirname(file), { recursive: true });
      if (pending.text || pending.records.length > 0) {
        const text = await materialize(file, { ...pending, appends: [] }, this.files);
        if (text !== null) await this.files.writeFileDurable(file, text);
      }
      const lines = pending.appends.filter((a) => a.seq <= upTo).map((a) => a.line);
      if (lines.length > 0) {
        await this.files.appendLinesOnce(file, lines);
        dirs.add(path.dirname(file));
      }
    }
    for (const dir of dirs) await fsyncDir(dir);
  }

  private remember(line: LogLine): void {
    for (const write of line.writes) {
      const pending = this.pending.get(write.file) ?? { text: null, records: [], appends: [] };
      this.pending.set(write.file, pending);
      if (write.op === 'put') {
        // The whole file: what was recorded or appended before it is in it, or gone with it.
        pending.text = { seq: line.seq, value: write.text };
        pending.records = [];
        pending.appends = [];
      } else if (write.op === 'record') {
        pending.records.push({ seq: line.seq, property: write.property, id: write.id, record: write.record });
      } else {
        pending.appends.push({ seq: line.seq, line: write.line });
      }
    }
  }

  /** Forgets what the files now hold (everything up to `upTo`); later writes stay in memory. */
  private prune(upTo: number): void {
    for (const [file, pending] of this.pending) {
      if (pending.text && pending.text.seq <= upTo) pending.text = null;
      // The file holds every record written so far; later ones are applied again on reading, harmlessly.
      if (pending.text === null) pending.records = pending.records.filter((r) => r.seq > upTo);
      pending.appends = pending.appends.filter((a) => a.seq > upTo);
      if (!pending.text && pending.records.length === 0 && pending.appends.length === 0) this.pending.delete(file);
    }
  }
}

/** What the log holds for a file, with a transaction's own writes after it (as they will be). */
function withWrites(pending: Pending | undefined, writes: LogWrite[]): Pending {
  const next: Pending = { text: pending?.text ?? null, records: [...(pending?.records ?? [])], appends: [...(pending?.appends ?? [])] };
  const seq = Number.MAX_SAFE_INTEGER;
  for (const write of writes) {
    if (write.op === 'put') {
      next.text = { seq, value: write.text };
      next.records = [];
      next.appends = [];
    } else if (write.op === 'record') {
      next.records.push({ seq, property: write.property, id: write.id, record: write.record });
    } else {
      next.appends.push({ seq, line: write.line });
    }
  }
  return next;
}

function touchedBy(pending: Pending, upTo: number): boolean {
  return (pending.text !== null && pending.text.seq <= upTo) || pending.records.some((r) => r.seq <= upTo) || pending.appends.some((a) => a.seq <= upTo);
}

/** The file's content with what the log holds applied over the disk's. */
async function materialize(file: string, pending: Pending, files: FileAccess): Promise<string | null> {
  let text = pending.text?.value ?? null;
  if (pending.records.length > 0) {
    text ??= await readIfExists(file, files);
    if (text === null) throw new DossierError('corrupt-file', phrase('store.missingWithChanges', { file }), file);
    const doc = JSON.parse(text) as Record<string, unknown>;
    for (const r of pending.records) doc[r.property] = withRecordById(doc[r.property], r.id, r.record);
    text = `${JSON.stringify(doc, null, 2)}\n`;
  }
  if (pending.appends.length > 0) {
    text ??= (await readIfExists(file, files)) ?? '';
    text = cutTornTail(text) + pending.appends.map((a) => `${a.line}\n`).join('');
  }
  return text;
}

async function readIfExists(file: string, files: FileAccess): Promise<string | null> {
  try {
    return await files.readText(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** A JSON-lines text without a last line a crash cut short. */
function cutTornTail(text: string): string {
  return text === '' || text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
}

/** Appends lines to a JSON-lines file unless it already ends with them (plaintext; see FileAccess). */
export const appendLinesOnce = appendPlainLinesOnce;

/**
 * The whole lines of a log and its generation (null when it has no line). Reading stops at the
 * first line a crash cut short or garbled; in an encrypted workspace, a whole line (one a newline
 * ends) that fails authentication is damage, not a crash, and is reported.
 */
async function readLogLines(file: string, files: FileAccess, logical: string): Promise<{ lines: LogLine[]; generation: number | null }> {
  let raw: string;
  try {
    raw = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], generation: null };
    throw error;
  }
  const lines: LogLine[] = [];
  let generation: number | null = null;
  const texts = raw.split('\n');
  for (const [i, text] of texts.entries()) {
    if (text === '') continue;
    const opened = files.openLine(logical, text);
    if (opened === null || (generation !== null && opened.generation !== generation)) {
      if (i === texts.length - 1) break;
      throw new DossierError('corrupt-file', phrase('store.lineFailsAuth', { file, line: i + 1 }), file);
    }
    generation = opened.generation;
    let line: LogLine;
    try {
      line = JSON.parse(opened.line) as LogLine;
    } catch {
      break;
    }
    if (typeof line?.seq !== 'number' || !Array.isArray(line.writes)) break;
    lines.push(line);
  }
  return { lines, generation };
}

function saveFailure(file: string, error: unknown): DossierError {
  return new DossierError('unavailable', phrase('store.notSaved', { file, reason: systemReason(error) }), file);
}
