import { rename, unlink } from 'node:fs/promises';
import { encodeRecord, opSize, type LogOp } from './logFormat';
import { emptyIndex, type Entry, type Index } from './logIndex';
import { LogSegment } from './logSegment';
import { syncFolder } from './logFiles';

/** Ops are gathered into records of about this size while copying. */
const RECORD_TARGET_BYTES = 4 << 20;

export interface Compacted {
  segment: LogSegment;
  index: Index;
  liveBytes: number;
}

/**
 * Writes every live key of `index` into a fresh log at `finalPath`: temp file → fdatasync →
 * rename → fsync of the folder, so a crash leaves either the old log or the whole new one (the
 * opener removes whichever is surplus). The caller holds writes back meanwhile, so `index` is
 * the whole truth; reads go on from the old segment.
 */
export async function writeCompactedLog(
  index: Index,
  readValue: (entry: Entry) => Promise<Buffer>,
  finalPath: string,
  inlineLimit: number,
): Promise<Compacted> {
  const tempPath = `${finalPath}.tmp`;
  await unlink(tempPath).catch(() => undefined);
  const segment = await LogSegment.create(tempPath);
  try {
    let next = emptyIndex();
    let liveBytes = 0;
    let ops: LogOp[] = [];
    let pending = 0;
    const flush = async (): Promise<void> => {
      if (ops.length === 0) return;
      const record = encodeRecord(ops);
      const at = await appendUnsynced(segment, record.bytes);
      ops.forEach((op, i) => {
        const value = (op as { value: Buffer }).value;
        const offset = at + (record.valueOffsets[i] ?? 0);
        const inline = value.length <= inlineLimit ? value : null;
        next = next.insert(op.key, { inline, segment, offset, length: value.length });
      });
      ops = [];
      pending = 0;
    };
    for (let cursor = index.begin; cursor.valid; cursor.next()) {
      const entry = cursor.value;
      const value = entry.inline ?? (await readValue(entry));
      ops.push({ type: 'put', key: cursor.key, value });
      pending += opSize(cursor.key.length, value.length);
      liveBytes += opSize(cursor.key.length, value.length);
      if (pending >= RECORD_TARGET_BYTES) await flush();
    }
    await flush();
    await segment.sync();
    await rename(tempPath, finalPath);
    await syncFolder(finalPath);
    segment.renamedTo(finalPath);
    return { segment, index: next, liveBytes };
  } catch (error) {
    await segment.close();
    await unlink(tempPath).catch(() => undefined);
    throw error;
  }
}

/** The compacted file is synced once at the end, not after every record. */
async function appendUnsynced(segment: LogSegment, bytes: Buffer): Promise<number> {
  return segment.append(bytes, { sync: false });
}
