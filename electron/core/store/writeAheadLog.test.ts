import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLinesOnce, FOLDING_FILE, LOG_FILE, WriteAheadLog } from './writeAheadLog';

let root: string;
const logs: WriteAheadLog[] = [];

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-wal-'));
});
afterEach(async () => {
  for (const log of logs.splice(0)) await log.close().catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
});

async function open(dir = root, options: { writable?: boolean; foldNow?: boolean } = {}): Promise<WriteAheadLog> {
  const log = await WriteAheadLog.open(dir, { writable: options.writable ?? true, foldNow: options.foldNow ?? true, onFoldError: () => undefined });
  logs.push(log);
  return log;
}

const file = (name: string, dir = root) => path.join(dir, name);
const readText = (name: string, dir = root) => fs.readFile(file(name, dir), 'utf8').catch(() => null);
const logLines = async (dir = root) => ((await readText(LOG_FILE, dir)) ?? '').split('\n').filter(Boolean).map((l) => JSON.parse(l));

/** The folder as a crash would leave it now: files and logs as they are, nothing folded. */
async function crashCopy(name = 'crash'): Promise<string> {
  const copy = path.join(root, '..', `${path.basename(root)}-${name}`);
  await fs.cp(root, copy, { recursive: true });
  return copy;
}

describe('the write-ahead log', () => {
  it('saves a change as one line, shows it to readers at once, and leaves the files alone until it folds', async () => {
    await fs.writeFile(file('a.json'), '{"v":1}\n');
    const log = await open();
    await log.commit([
      { op: 'put', file: file('a.json'), text: '{"v":2}\n' },
      { op: 'append', file: file('h.jsonl'), line: '{"op":"edit"}' },
    ]);
    expect(await readText('a.json')).toBe('{"v":1}\n');
    expect(await readText('h.jsonl')).toBeNull();
    expect(await log.read(file('a.json'))).toBe('{"v":2}\n');
    expect(await log.read(file('h.jsonl'))).toBe('{"op":"edit"}\n');
    expect(await logLines()).toEqual([
      {
        seq: 1,
        writes: [
          { op: 'put', file: 'a.json', text: '{"v":2}\n' },
          { op: 'append', file: 'h.jsonl', line: '{"op":"edit"}' },
        ],
      },
    ]);

    await log.fold();
    expect(await readText('a.json')).toBe('{"v":2}\n');
    expect(await readText('h.jsonl')).toBe('{"op":"edit"}\n');
    expect(await log.read(file('a.json'))).toBeNull();
    expect((await fs.readdir(root)).sort()).toEqual(['a.json', 'h.jsonl']);
  });

  it('keeps every one of many concurrent saves, in order', async () => {
    const log = await open();
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.commit([{ op: 'append', file: file('h.jsonl'), line: String(i) }])));
    expect((await logLines()).map((l) => l.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await log.fold();
    expect(await readText('h.jsonl')).toBe(Array.from({ length: 50 }, (_, i) => `${i}\n`).join(''));
  });

  it('applies record changes to the file’s list by id, over the disk’s copy', async () => {
    await fs.writeFile(file('notes.json'), JSON.stringify({ kind: 'notes', notes: [{ id: 'a', t: 1 }, { id: 'b', t: 1 }] }));
    const log = await open();
    await log.commit([{ op: 'record', file: file('notes.json'), property: 'notes', id: 'a', record: { id: 'a', t: 2 } as { id: string } }]);
    await log.commit([{ op: 'record', file: file('notes.json'), property: 'notes', id: 'b', record: null }]);
    await log.commit([{ op: 'record', file: file('notes.json'), property: 'notes', id: 'c', record: { id: 'c', t: 1 } as { id: string } }]);
    const expected = { kind: 'notes', notes: [{ id: 'a', t: 2 }, { id: 'c', t: 1 }] };
    expect(JSON.parse((await log.read(file('notes.json')))!)).toEqual(expected);
    await log.fold();
    expect(JSON.parse((await readText('notes.json'))!)).toEqual(expected);
  });

  it('is replayed after a crash, and folded by the next writer before anything reads the files', async () => {
    await fs.mkdir(file('articles/x'), { recursive: true });
    const log = await open();
    await log.commit([
      { op: 'put', file: file('articles/x/annotations.json'), text: 'second\n' },
      { op: 'append', file: file('articles/x/history.jsonl'), line: 'line 1' },
    ]);
    await log.commit([{ op: 'put', file: file('new/b.json'), text: 'made in a new folder\n' }]);
    const copy = await crashCopy();

    const reader = await open(copy, { foldNow: false, writable: false });
    expect(await reader.read(file('articles/x/annotations.json', copy))).toBe('second\n');
    expect(await readText(LOG_FILE, copy)).not.toBeNull();

    await open(copy);
    expect(await readText('articles/x/annotations.json', copy)).toBe('second\n');
    expect(await readText('articles/x/history.jsonl', copy)).toBe('line 1\n');
    expect(await readText('new/b.json', copy)).toBe('made in a new folder\n');
    expect(await fs.readdir(copy)).not.toContain(LOG_FILE);
    await fs.rm(copy, { recursive: true, force: true });
  });

  it('ignores a last line a crash cut short, and goes on after it', async () => {
    const log = await open();
    await log.commit([{ op: 'put', file: file('a.json'), text: 'kept\n' }]);
    const copy = await crashCopy();
    await fs.appendFile(file(LOG_FILE, copy), '{"seq":2,"writes":[{"op":"put","file":"a.json","te');
    const reopened = await open(copy);
    expect(await readText('a.json', copy)).toBe('kept\n');
    await reopened.commit([{ op: 'put', file: file('a.json', copy), text: 'after\n' }]);
    expect(await reopened.read(file('a.json', copy))).toBe('after\n');
    await fs.rm(copy, { recursive: true, force: true });
  });

  it('replays a fold cut short: its log, then the newer one, appending no history line twice', async () => {
    await fs.writeFile(file('h.jsonl'), 'old\n');
    const line = (seq: number, writes: unknown[]) => `${JSON.stringify({ seq, writes })}\n`;
    // The fold had written a.json and appended both lines, then stopped before removing its log.
    await fs.writeFile(file('a.json'), 'two\n');
    await fs.appendFile(file('h.jsonl'), 'first\nsecond\n');
    await fs.writeFile(
      file(FOLDING_FILE),
      line(1, [{ op: 'put', file: 'a.json', text: 'one\n' }, { op: 'append', file: 'h.jsonl', line: 'first' }]) +
        line(2, [{ op: 'put', file: 'a.json', text: 'two\n' }, { op: 'append', file: 'h.jsonl', line: 'second' }]),
    );
    await fs.writeFile(file(LOG_FILE), line(3, [{ op: 'put', file: 'a.json', text: 'three\n' }]));
    await open();
    expect(await readText('a.json')).toBe('three\n');
    expect(await readText('h.jsonl')).toBe('old\nfirst\nsecond\n');
    expect((await fs.readdir(root)).sort()).toEqual(['a.json', 'h.jsonl']);
  });

  it('takes saves into a fresh log while it folds, and loses none', async () => {
    const log = await open();
    for (let i = 0; i < 20; i++) await log.commit([{ op: 'append', file: file('h.jsonl'), line: `a${i}` }]);
    const folding = log.fold();
    const during = Array.from({ length: 20 }, (_, i) => log.commit([{ op: 'append', file: file('h.jsonl'), line: `b${i}` }]));
    await Promise.all([folding, ...during]);
    const all = [...Array.from({ length: 20 }, (_, i) => `a${i}`), ...Array.from({ length: 20 }, (_, i) => `b${i}`)];
    // What a reader sees: the log's version where it holds one, else the file's.
    expect((await log.read(file('h.jsonl'))) ?? (await readText('h.jsonl'))).toBe(all.map((l) => `${l}\n`).join(''));
    const copy = await crashCopy();
    await open(copy);
    expect(await readText('h.jsonl', copy)).toBe(all.map((l) => `${l}\n`).join(''));
    await fs.rm(copy, { recursive: true, force: true });
  });

  it('refuses a save it cannot write with a message naming the file and saying nothing was saved, then takes the next', async () => {
    const log = await open();
    await fs.mkdir(file(LOG_FILE));
    const error = await log.commit([{ op: 'put', file: file('a.json'), text: 'x\n' }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/^Nothing was saved: .*journal\.jsonl could not be written/) });
    expect(await log.read(file('a.json'))).toBeNull();
    await fs.rmdir(file(LOG_FILE));
    await log.commit([{ op: 'put', file: file('a.json'), text: 'y\n' }]);
    expect(await log.read(file('a.json'))).toBe('y\n');
  });

  it('names a log line that points outside the workspace, and writes nothing', async () => {
    await fs.writeFile(file(LOG_FILE), `${JSON.stringify({ seq: 1, writes: [{ op: 'put', file: '../evil.json', text: 'x' }] })}\n`);
    await expect(open()).rejects.toMatchObject({ code: 'corrupt-file', file: file(LOG_FILE) });
    await expect(fs.access(path.join(root, '..', 'evil.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses saves when opened read-only, and reads what the log holds', async () => {
    const writer = await open();
    await writer.commit([{ op: 'put', file: file('a.json'), text: 'logged\n' }]);
    const reader = await open(root, { writable: false, foldNow: false });
    expect(await reader.read(file('a.json'))).toBe('logged\n');
    await expect(reader.commit([{ op: 'put', file: file('a.json'), text: 'no\n' }])).rejects.toMatchObject({ code: 'read-only' });
  });
});

describe('appendLinesOnce', () => {
  it('appends, skips the lines the file already ends with, and cuts back a torn last line first', async () => {
    const f = file('h.jsonl');
    await appendLinesOnce(f, ['a', 'b']);
    await appendLinesOnce(f, ['a', 'b']);
    expect(await readText('h.jsonl')).toBe('a\nb\n');
    await appendLinesOnce(f, ['b', 'c']);
    expect(await readText('h.jsonl')).toBe('a\nb\nc\n');
    await fs.appendFile(f, '{"torn');
    await appendLinesOnce(f, ['d']);
    expect(await readText('h.jsonl')).toBe('a\nb\nc\nd\n');
    // A line that merely ends like one of ours is not one of ours.
    await appendLinesOnce(f, ['xd']);
    await appendLinesOnce(f, ['d']);
    expect(await readText('h.jsonl')).toBe('a\nb\nc\nd\nxd\nd\n');
  });
});

describe('a log that cannot be folded when the workspace opens', () => {
  it('still opens, names the file it cannot make whole when read, and loses no later save', async () => {
    await fs.writeFile(file('notes.json'), JSON.stringify({ kind: 'notes', notes: [] }));
    const first = await open();
    await first.commit([{ op: 'record', file: file('notes.json'), property: 'notes', id: 'a', record: { id: 'a' } }]);
    await first.commit([{ op: 'put', file: file('b.json'), text: 'b\n' }]);
    const copy = await crashCopy();
    // The file the records apply to is gone: the replay cannot rebuild it.
    await fs.rm(file('notes.json', copy));
    const errors: unknown[] = [];
    const log = await WriteAheadLog.open(copy, { writable: true, foldNow: true, onFoldError: (e) => errors.push(e) });
    logs.push(log);
    expect(errors).toHaveLength(1);
    await expect(log.read(file('notes.json', copy))).rejects.toMatchObject({ code: 'corrupt-file', file: file('notes.json', copy) });
    expect(await log.read(file('b.json', copy))).toBe('b\n');
    await log.commit([{ op: 'put', file: file('c.json', copy), text: 'c\n' }]);
    // Put back, the next fold completes and every save reaches its file.
    await fs.writeFile(file('notes.json', copy), JSON.stringify({ kind: 'notes', notes: [] }));
    await log.fold();
    expect(JSON.parse((await readText('notes.json', copy))!).notes).toEqual([{ id: 'a' }]);
    expect(await readText('b.json', copy)).toBe('b\n');
    expect(await readText('c.json', copy)).toBe('c\n');
    expect((await fs.readdir(copy)).filter((n) => n.startsWith('journal'))).toEqual([]);
    await fs.rm(copy, { recursive: true, force: true });
  });
});

describe('a transaction', () => {
  it('saves every write it makes as one line when it ends, and reads its own writes meanwhile', async () => {
    await fs.writeFile(file('a.json'), '{"v":1}\n');
    const log = await open();
    const aborted: string[][] = [];
    await log.transaction(async () => {
      await log.commit([{ op: 'put', file: file('a.json'), text: '{"v":2}\n' }]);
      expect(await log.read(file('a.json'))).toBe('{"v":2}\n');
      expect(log.has(file('a.json'))).toBe(true);
      await log.commit([{ op: 'append', file: file('h.jsonl'), line: '{"op":"x"}' }]);
      // Nothing is on its way to the disk before the transaction ends.
      expect(await readText(LOG_FILE)).toBeNull();
    }, async (files) => void aborted.push(files));
    const lines = await logLines();
    expect(lines).toHaveLength(1);
    expect(lines[0].writes.map((w: { op: string }) => w.op)).toEqual(['put', 'append']);
    expect(aborted).toEqual([]);
  });

  it('saves nothing when its task fails, and says which files it had changed', async () => {
    await fs.writeFile(file('a.json'), '{"v":1}\n');
    const log = await open();
    const aborted: string[][] = [];
    await expect(
      log.transaction(async () => {
        await log.commit([{ op: 'put', file: file('a.json'), text: '{"v":2}\n' }]);
        await log.commit([{ op: 'put', file: file('b.json'), text: '{"v":2}\n' }]);
        throw new Error('the second step failed');
      }, async (files) => void aborted.push(files)),
    ).rejects.toThrow('the second step failed');
    expect(aborted).toEqual([[file('a.json'), file('b.json')]]);
    expect(await log.read(file('a.json'))).toBeNull();
    expect(await readText(LOG_FILE)).toBeNull();
    // Saves outside it go on as before.
    await log.commit([{ op: 'put', file: file('a.json'), text: '{"v":3}\n' }]);
    expect(await log.read(file('a.json'))).toBe('{"v":3}\n');
  });

  it('keeps saves made beside it, in other work, out of it', async () => {
    const log = await open();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inside = log.transaction(async () => {
      await log.commit([{ op: 'put', file: file('a.json'), text: '{"in":1}\n' }]);
      await gate;
    }, async () => undefined);
    // Another save, not in the transaction, is durable on its own before the transaction ends.
    await log.commit([{ op: 'put', file: file('b.json'), text: '{"out":1}\n' }]);
    expect((await logLines()).map((l: { writes: { file: string }[] }) => l.writes.map((w) => w.file))).toEqual([['b.json']]);
    release();
    await inside;
    expect((await logLines()).map((l: { writes: { file: string }[] }) => l.writes.map((w) => w.file))).toEqual([['b.json'], ['a.json']]);
  });

  it('a whole-file write drops what was appended to the file before it', async () => {
    const log = await open();
    await log.commit([{ op: 'append', file: file('h.jsonl'), line: '{"n":1}' }]);
    await log.commit([{ op: 'put', file: file('h.jsonl'), text: '{"n":0}\n' }]);
    expect(await log.read(file('h.jsonl'))).toBe('{"n":0}\n');
    await log.fold();
    expect(await readText('h.jsonl')).toBe('{"n":0}\n');
  });
});

