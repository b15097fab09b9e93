import { createHmac, hkdfSync } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DossierError, phrase } from '../../common/errors';
import { writeFileDurable } from '../store/durableFile';
import type { FileAccess } from '../store/fileAccess';
import { EnvelopeError, generationOf, open, openLine, peekPlaintext, seal, sealedPrefixLength, sealLine } from './envelope';

/** The highest generation of every file written more than once, and the last folded log (sealed). */
export const GENERATIONS_FILE = 'generations.json';
const LOG_PATH = 'journal.jsonl';
const FOLDING_PATH = 'journal.folding.jsonl';

const Generations = z.object({
  kind: z.literal('dossier-generations'),
  format: z.literal(1),
  journalFolded: z.number().int().nonnegative(),
  files: z.record(z.string(), z.number().int().positive()),
});
type Generations = z.infer<typeof Generations>;

/** How long after a write outside the log (the search index, a backup) its generation is recorded. */
const CHECKPOINT_DELAY_MS = 2_000;

/**
 * The file access of an encrypted workspace (docs/ENCRYPTION.md): every file sealed with the
 * workspace key under its own path and generation; appended files line by line. A file that does
 * not open, or is older than the generation recorded for it, is damaged: the error names it and
 * nothing is written over it.
 */
export class SealedFileAccess implements FileAccess {
  readonly sealed = true;
  /** The highest generation known of each path (workspace-relative, '/'-separated). */
  private readonly generations = new Map<string, number>();
  private journalFolded = 0;
  /** The highest log generation seen or given out. */
  private lastLog = 0;
  private manifestGeneration = 0;
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();
  private readonly nameKey: Buffer;

  private constructor(
    readonly root: string,
    private readonly key: Buffer,
  ) {
    // Backups name their copies by a keyed hash, so a known document's SHA-256 does not show it is there.
    this.nameKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'dossier backup object names', 32));
  }

  /** The access for the workspace in `root`, with the generations it recorded. */
  static async open(root: string, key: Buffer): Promise<SealedFileAccess> {
    const access = new SealedFileAccess(path.resolve(root), key);
    const file = path.join(access.root, GENERATIONS_FILE);
    let raw: Buffer | null = null;
    try {
      raw = await fs.readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (raw) {
      let parsed: Generations;
      try {
        const opened = open(key, GENERATIONS_FILE, raw);
        access.manifestGeneration = opened.generation;
        parsed = Generations.parse(JSON.parse(opened.plaintext.toString('utf8')));
      } catch (error) {
        const why = error instanceof EnvelopeError ? error.message : 'it does not hold what it should';
        throw new DossierError('corrupt-file', phrase('crypt.generationsDamaged', { file, why }), file);
      }
      access.journalFolded = access.lastLog = parsed.journalFolded;
      for (const [rel, generation] of Object.entries(parsed.files)) access.generations.set(rel, generation);
    }
    return access;
  }

  /** The key, for a worker thread of this process that reads the same workspace. */
  get workspaceKey(): Buffer {
    return this.key;
  }

  async readFile(file: string): Promise<Buffer> {
    const raw = await fs.readFile(file);
    const rel = this.rel(file);
    if (isLines(rel)) return Buffer.from(this.openLines(file, rel, raw.toString('utf8')).text, 'utf8');
    let opened;
    try {
      opened = open(this.key, aadPath(rel), raw);
    } catch (error) {
      throw damaged(file, (error as Error).message);
    }
    const known = this.generations.get(rel) ?? 0;
    if (opened.generation < known) {
      throw damaged(file, `it is an older copy (version ${opened.generation}) than the workspace last saved (version ${known}), put back in its place`);
    }
    this.generations.set(rel, opened.generation);
    return opened.plaintext;
  }

  async readText(file: string): Promise<string> {
    return (await this.readFile(file)).toString('utf8');
  }

  /** The start of a file's text, unauthenticated (see `peekPlaintext`): a hint, never data. */
  async peekText(file: string, length: number): Promise<string | null> {
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(sealedPrefixLength(length));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return peekPlaintext(this.key, buffer.subarray(0, bytesRead), length)?.toString('utf8') ?? null;
    } finally {
      await handle.close();
    }
  }

  async writeFileDurable(file: string, data: string | Uint8Array, mode?: number): Promise<void> {
    const rel = this.rel(file);
    if (isLines(rel)) return writeFileDurable(file, this.sealLines(rel, toText(data)), mode);
    const generation = (await this.knownGeneration(file, rel)) + 1;
    await writeFileDurable(file, seal(this.key, aadPath(rel), generation, toBytes(data)), mode);
    this.wrote(rel, generation);
  }

  async writeNew(file: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
    const rel = this.rel(file);
    if (isLines(rel)) return fs.writeFile(file, this.sealLines(rel, toText(data)), { mode, flag: 'wx' });
    const generation = (this.generations.get(rel) ?? 0) + 1;
    await fs.writeFile(file, seal(this.key, aadPath(rel), generation, toBytes(data)), { mode, flag: 'wx' });
    this.wrote(rel, generation);
  }

  async appendLinesOnce(file: string, lines: string[]): Promise<void> {
    const rel = this.rel(file);
    const handle = await fs.open(file, 'a+', 0o644);
    try {
      const { size } = await handle.stat();
      const buffer = Buffer.alloc(size);
      if (size > 0) await handle.read(buffer, 0, size, 0);
      const raw = buffer.toString('utf8');
      // A line a crash cut short is cut off; the lines before it must all open.
      const whole = raw.slice(0, raw.lastIndexOf('\n') + 1);
      const end = Buffer.byteLength(whole);
      if (end < size) await handle.truncate(end);
      const existing = this.openLines(file, rel, whole).lines;
      let skip = 0;
      if (end === size) {
        for (let k = lines.length; k > 0; k--) {
          const tail = existing.slice(existing.length - k);
          if (tail.length === k && tail.every((line, i) => line === lines[i])) {
            skip = k;
            break;
          }
        }
      }
      const rest = lines.slice(skip);
      if (rest.length > 0) await handle.write(rest.map((l) => `${sealLine(this.key, aadPath(rel), 0, l)}\n`).join(''), end);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  sealLine(file: string, line: string, generation = 0): string {
    return sealLine(this.key, aadPath(this.rel(file)), generation, line);
  }

  openLine(file: string, stored: string): { line: string; generation: number } | null {
    const rel = aadPath(this.rel(file));
    try {
      const opened = openLine(this.key, rel, stored);
      if (rel === LOG_PATH) this.lastLog = Math.max(this.lastLog, opened.generation);
      return opened;
    } catch {
      return null;
    }
  }

  objectName(sha256: string): string {
    return createHmac('sha256', this.nameKey).update(sha256).digest('hex');
  }

  /** The name a backup's copy of content `sha256` has in a workspace sealed with `key`. */
  static objectName(key: Uint8Array, sha256: string): string {
    const nameKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'dossier backup object names', 32));
    return createHmac('sha256', nameKey).update(sha256).digest('hex');
  }

  nextLogGeneration(): number {
    this.lastLog += 1;
    return this.lastLog;
  }

  async logFolded(generation: number): Promise<void> {
    if (generation <= this.journalFolded) return;
    this.journalFolded = generation;
    this.lastLog = Math.max(this.lastLog, generation);
    this.dirty = true;
    await this.checkpoint();
  }

  isFoldedLog(generation: number): boolean {
    return generation <= this.journalFolded;
  }

  checkpoint(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const next = this.saving.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      const files: Record<string, number> = {};
      for (const [rel, generation] of [...this.generations].sort(([a], [b]) => a.localeCompare(b))) {
        // Files written once (texts, originals, backups' copies) have nothing older to be swapped with.
        if (generation >= 2) files[rel] = generation;
      }
      const content: Generations = { kind: 'dossier-generations', format: 1, journalFolded: this.journalFolded, files };
      this.manifestGeneration += 1;
      try {
        await writeFileDurable(path.join(this.root, GENERATIONS_FILE), seal(this.key, GENERATIONS_FILE, this.manifestGeneration, Buffer.from(JSON.stringify(content), 'utf8')), 0o600);
      } catch (error) {
        this.dirty = true;
        throw error;
      }
    });
    this.saving = next.catch(() => undefined);
    return next;
  }

  /** Forgets the pending checkpoint timer (the workspace is closing; close checkpoints itself). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private wrote(rel: string, generation: number): void {
    this.generations.set(rel, generation);
    if (generation < 2) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.checkpoint().catch((error: unknown) => console.error('Dossier: the record of file versions could not be saved; it is saved again on the next write:', error));
    }, CHECKPOINT_DELAY_MS);
    this.timer.unref();
  }

  /** The generation of the file as this process knows it, or as its header says (written by an earlier run). */
  private async knownGeneration(file: string, rel: string): Promise<number> {
    const known = this.generations.get(rel) ?? 0;
    let onDisk = 0;
    try {
      const handle = await fs.open(file, 'r');
      try {
        const head = Buffer.alloc(12);
        const { bytesRead } = await handle.read(head, 0, 12, 0);
        onDisk = generationOf(head.subarray(0, bytesRead)) ?? 0;
      } finally {
        await handle.close();
      }
    } catch {
      // No file yet: its first generation.
    }
    return Math.max(known, onDisk);
  }

  private sealLines(rel: string, text: string): string {
    const lines = text.split('\n');
    const last = lines.pop()!;
    // A text without its last newline keeps that line as it is: only whole lines are ever appended.
    return lines.map((l) => `${sealLine(this.key, aadPath(rel), 0, l)}\n`).join('') + (last === '' ? '' : sealLine(this.key, aadPath(rel), 0, last));
  }

  private openLines(file: string, rel: string, raw: string): { text: string; lines: string[] } {
    const segments = raw.split('\n');
    const lines: string[] = [];
    let text = '';
    for (const [i, segment] of segments.entries()) {
      const last = i === segments.length - 1;
      if (segment === '') continue;
      let opened: string;
      try {
        opened = openLine(this.key, aadPath(rel), segment).line;
      } catch (error) {
        // A last line without its newline is one a crash cut short: left out, as for plaintext.
        if (last) break;
        throw damaged(file, `line ${i + 1}: ${(error as Error).message}`);
      }
      lines.push(opened);
      text += last ? opened : `${opened}\n`;
    }
    return { text, lines };
  }

  private rel(file: string): string {
    return path.relative(this.root, file).split(path.sep).join('/');
  }
}

/** The path a file was sealed for: a quarantined file keeps its own, a log being folded the log's. */
export function aadPath(rel: string): string {
  if (rel === FOLDING_PATH) return LOG_PATH;
  const quarantined = /^quarantine\/[^/]+\/(.+)$/.exec(rel);
  return quarantined ? quarantined[1]! : rel;
}

export function isLines(rel: string): boolean {
  return rel.endsWith('.jsonl');
}

function damaged(file: string, why: string): DossierError {
  return new DossierError('corrupt-file', phrase('store.damaged', { file, why }), file);
}

function toBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

function toText(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
}
