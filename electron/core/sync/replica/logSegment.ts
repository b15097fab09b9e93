import { open, type FileHandle } from 'node:fs/promises';
import {
  FILE_HEADER_SIZE, RECORD_HEADER_SIZE, checkFileHeader, decodePayload, encodeFileHeader, payloadChecks,
  type DecodedOp,
} from './logFormat';

/**
 * One log file, open for reading and appending. Values that are not held in memory are read from
 * it by offset, so it stays open while anything may still read it: after a compaction the old
 * segment is retired and closed (then deleted) only when the last iterator or read pinning it is
 * done, because an iterator's snapshot still points into it.
 */
export class LogSegment {
  pins = 0;
  private retired = false;
  private closed = false;

  private constructor(public path: string, private readonly handle: FileHandle, public size: number) {}

  /** Creates a new, empty file (it must not exist) with its header written and synced. */
  static async create(path: string): Promise<LogSegment> {
    const handle = await open(path, 'wx+');
    try {
      const header = encodeFileHeader();
      await handle.write(header, 0, header.length, 0);
      await handle.datasync();
      return new LogSegment(path, handle, header.length);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  static async open(path: string): Promise<LogSegment> {
    const handle = await open(path, 'r+');
    try {
      const { size } = await handle.stat();
      const header = Buffer.alloc(FILE_HEADER_SIZE);
      await handle.read(header, 0, FILE_HEADER_SIZE, 0);
      const problem = checkFileHeader(header);
      if (problem) throw new ReplicaDamagedError(`${path}: ${problem}`);
      return new LogSegment(path, handle, size);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async read(offset: number, length: number): Promise<Buffer> {
    const buffer = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buffer, done, length - done, offset + done);
      if (bytesRead === 0) throw new ReplicaDamagedError(`${this.path}: value at ${offset} runs past the end of the file`);
      done += bytesRead;
    }
    return buffer;
  }

  /**
   * Appends at the end and returns the offset, once the bytes are on disk (fdatasync) unless told
   * otherwise: acknowledged means durable.
   */
  async append(bytes: Buffer, { sync = true }: { sync?: boolean } = {}): Promise<number> {
    const at = this.size;
    try {
      let done = 0;
      while (done < bytes.length) {
        const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, at + done);
        done += bytesWritten;
      }
      if (sync) await this.handle.datasync();
    } catch (error) {
      // Cut what may have reached the file so the next record starts on a clean end; otherwise
      // leftovers could sit between two good records and read as damage on the next open.
      await this.handle.truncate(at).catch(() => undefined);
      throw error;
    }
    this.size = at + bytes.length;
    return at;
  }

  async sync(): Promise<void> {
    await this.handle.datasync();
  }

  /**
   * Reads every record in order, handing each op with the file offset of its value. A torn last
   * record (short, or failing its checksum at the very end) was never acknowledged: it is cut off
   * the file. A bad record followed by more data is damage and throws.
   */
  async replay(onOp: (op: DecodedOp, valueFileOffset: number) => void): Promise<void> {
    const reader = new ChunkReader(this.handle, this.size);
    let at = FILE_HEADER_SIZE;
    while (at < this.size) {
      const header = at + RECORD_HEADER_SIZE <= this.size ? await reader.read(at, RECORD_HEADER_SIZE) : null;
      const length = header ? header.readUInt32LE(0) : 0;
      const end = at + RECORD_HEADER_SIZE + length;
      if (!header || end > this.size) break; // torn: the record never fully reached the disk
      const payload = await reader.read(at + RECORD_HEADER_SIZE, length);
      if (!payloadChecks(payload, header.readUInt32LE(4))) {
        if (end === this.size) break; // torn in its last bytes
        throw new ReplicaDamagedError(`${this.path}: record at ${at} fails its checksum`);
      }
      let ops: DecodedOp[];
      try {
        ops = decodePayload(payload);
      } catch (error) {
        throw new ReplicaDamagedError(`${this.path}: record at ${at}: ${(error as Error).message}`);
      }
      const base = at + RECORD_HEADER_SIZE;
      for (const op of ops) onOp(op, base + op.valueOffset);
      at = end;
    }
    if (at < this.size) {
      await this.handle.truncate(at);
      await this.handle.datasync();
      this.size = at;
    }
  }

  renamedTo(path: string): void {
    this.path = path;
  }

  retire(): void {
    this.retired = true;
  }

  get isRetired(): boolean {
    return this.retired;
  }

  /** True once a retired segment has no readers left and can be closed. */
  get idle(): boolean {
    return this.retired && this.pins === 0 && !this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }
}

export class ReplicaDamagedError extends Error {
  constructor(detail: string) {
    super(`The sync replica is damaged and must be rebuilt from the server: ${detail}`);
    this.name = 'ReplicaDamagedError';
  }
}

/** Sequential reads through a 1 MB window, so replaying thousands of small records costs few syscalls. */
class ChunkReader {
  private window = Buffer.alloc(0);
  private windowStart = 0;

  constructor(private readonly handle: FileHandle, private readonly size: number) {}

  async read(offset: number, length: number): Promise<Buffer> {
    const inWindow = offset >= this.windowStart && offset + length <= this.windowStart + this.window.length;
    if (!inWindow) {
      const windowLength = Math.min(Math.max(length, 1 << 20), this.size - offset);
      const buffer = Buffer.allocUnsafe(windowLength);
      let done = 0;
      while (done < windowLength) {
        const { bytesRead } = await this.handle.read(buffer, done, windowLength - done, offset + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      this.window = buffer.subarray(0, done);
      this.windowStart = offset;
    }
    const start = offset - this.windowStart;
    return this.window.subarray(start, start + length);
  }
}
