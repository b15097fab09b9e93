import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { canMount } from '../testing/mounts';
import { rejection } from '../testing/testHelpers';
import { WorkspaceStore } from './workspaceStore';

/**
 * I/O faults injected at each step of a save (opening the log, writing its line, syncing it),
 * through a test double of the file layer: every fault reaches the caller as one readable
 * message saying nothing was saved, the last good state stays whole (in memory and after a
 * reopen), and the next save after the fault clears succeeds.
 */
const TEXT = 'The ministers met in Delhi.\n\nThey agreed on logistics and on a new strategic partnership.';
const CODES = ['ENOSPC', 'EACCES', 'EROFS', 'EIO', 'EBUSY'] as const;
const STEPS = ['open', 'write', 'datasync'] as const;

let tmp: string;
let ws: string;
let core: DossierCore;
let articleId: string;

beforeEach(async () => {
  tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'dossier-faults-'));
  ws = path.join(tmp, 'ws');
  core = createCore(await WorkspaceStore.open(ws, { create: true }));
  const { articles } = await core.api['articles.import']({ files: [{ name: 'a.txt', base64: Buffer.from(TEXT).toString('base64') }] });
  articleId = articles[0]!.id;
  await core.api['annotations.createFromQuote']({ articleId, quote: 'Delhi', comment: 'first' });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await core.store.close();
  await fsp.rm(tmp, { recursive: true, force: true });
});

function failure(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault`), { code });
}

/** Makes the next call of `step` on the log fail with `code`; answers a function that tells whether it fired. */
async function inject(step: (typeof STEPS)[number], code: string, when: (args: unknown[]) => boolean = () => true): Promise<() => boolean> {
  let fired = false;
  if (step === 'open') {
    // A log is opened when the first save after a fold needs one.
    await core.store.flush();
    const open = fsp.open.bind(fsp);
    vi.spyOn(fsp, 'open').mockImplementation(async (file, ...rest) => {
      if (!fired && String(file).endsWith('journal.jsonl')) {
        fired = true;
        throw failure(code);
      }
      return open(file, ...(rest as [string]));
    });
    return () => fired;
  }
  const probe = await fsp.open(path.join(tmp, 'probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  await probe.close();
  const original = proto[step]!;
  vi.spyOn(proto, step as never).mockImplementation(async function (this: unknown, ...args: unknown[]) {
    if (!fired && when(args)) {
      fired = true;
      if (step === 'write') {
        // A write that stops half-way leaves a torn line behind, as a full disk does.
        await original.call(this, Buffer.from('{"seq":99,"writes":[{"op":"put","fi'), 0, 30, null);
      }
      throw failure(code);
    }
    return original.apply(this, args);
  } as never);
  return () => fired;
}

const comments = async (c: DossierCore) => (await c.api['annotations.list']({ articleId })).annotations.map((a) => a.comment).sort();

describe('a save that meets an I/O fault', () => {
  for (const step of STEPS) {
    for (const code of CODES) {
      it(`${code} while ${step === 'open' ? 'opening' : step === 'write' ? 'writing' : 'syncing'} the log: reported, nothing saved, the next save succeeds`, async () => {
        const undoBefore = await core.api['history.state']({});
        const fired = await inject(step, code);
        const error = await rejection(core.api['annotations.createFromQuote']({ articleId, quote: 'logistics', comment: 'lost' }));
        expect(fired()).toBe(true);
        expect(error.code).toBe('unavailable');
        expect(error.message).toMatch(/^Nothing was saved: .*journal\.jsonl could not be written \(.+\)\. The last saved state is intact\.$/);
        expect(error.message.split('\n')).toHaveLength(1);
        expect(await comments(core)).toEqual(['first']);
        // Nothing to undo either: the failed save never became a step of the history.
        expect(await core.api['history.state']({})).toEqual(undoBefore);

        vi.restoreAllMocks();
        await core.api['annotations.createFromQuote']({ articleId, quote: 'partnership', comment: 'after' });
        expect(await comments(core)).toEqual(['after', 'first']);

        // What the disk holds says the same, whether folded (close) or replayed (a crash copy).
        const copy = path.join(tmp, 'crash');
        await fsp.cp(ws, copy, { recursive: true });
        await fsp.rm(path.join(copy, '.dossier.lock'), { force: true });
        await core.store.close();
        for (const dir of [ws, copy]) {
          const reopened = createCore(await WorkspaceStore.open(dir, {}));
          expect(await comments(reopened), dir).toEqual(['after', 'first']);
          await reopened.store.close();
        }
        core = createCore(await WorkspaceStore.open(ws, {}));
      });
    }
  }
});

describe('a change spanning several files that meets an I/O fault', () => {
  it('an entity merge (the entities, each article’s mentions) is saved whole or not at all', async () => {
    const second = (await core.api['articles.import']({ files: [{ name: 'b.txt', base64: Buffer.from('Delhi again.\n\nDelhi hosted the talks.').toString('base64') }] })).articles[0]!.id;
    const delhi = (await core.api['entities.link']({ articleId, start: TEXT.indexOf('Delhi'), end: TEXT.indexOf('Delhi') + 5, name: 'Delhi', type: 'place' })).mention.entityId;
    const newDelhi = (await core.api['entities.link']({ articleId: second, start: 0, end: 5, name: 'New Delhi', type: 'place' })).mention.entityId;
    const state = async (c: DossierCore) => ({
      entities: (await c.api['entities.list']({})).entities.map((e) => [e.name, e.mentionCount]).sort(),
      first: (await c.api['entities.forArticle']({ articleId })).mentions.map((m) => m.entityId),
      second: (await c.api['entities.forArticle']({ articleId: second })).mentions.map((m) => m.entityId),
    });
    const before = await state(core);

    // The line naming an article's mentions cannot be written: were the merge not one transaction,
    // the entities' file would be saved by then, and the mentions not.
    const fired = await inject('write', 'ENOSPC', ([data]) => Buffer.isBuffer(data) && data.includes('mentions.json'));
    const error = await rejection(core.api['entities.merge']({ sourceId: newDelhi, targetId: delhi }));
    expect(fired()).toBe(true);
    expect(error.message).toMatch(/^Nothing was saved: /);
    expect(await state(core)).toEqual(before);
    const copy = path.join(tmp, 'crash-merge');
    await fsp.cp(ws, copy, { recursive: true });
    await fsp.rm(path.join(copy, '.dossier.lock'), { force: true });
    const reopened = createCore(await WorkspaceStore.open(copy, {}));
    expect(await state(reopened)).toEqual(before);
    await reopened.store.close();

    vi.restoreAllMocks();
    await core.api['entities.merge']({ sourceId: newDelhi, targetId: delhi });
    const after = await state(core);
    expect(after.entities).toEqual([['Delhi', 2]]);
    expect(after.second).toEqual([delhi]);
  });
});

describe('a save on a disk that is really full', () => {
  it.runIf(canMount())('is refused with one line, keeps every earlier save, and the next one after space is freed succeeds', async () => {
    const mount = path.join(tmp, 'small');
    await fsp.mkdir(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'none', mount]);
    try {
      const dir = path.join(mount, 'ws');
      const small = createCore(await WorkspaceStore.open(dir, { create: true }));
      const { articles } = await small.api['articles.import']({ files: [{ name: 'a.txt', base64: Buffer.from(TEXT).toString('base64') }] });
      const id = articles[0]!.id;
      await small.api['annotations.createFromQuote']({ articleId: id, quote: 'Delhi', comment: 'before the disk filled' });
      const filler = path.join(mount, 'filler');
      const handle = await fsp.open(filler, 'w');
      try {
        for (;;) await handle.write(Buffer.alloc(64 * 1024));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        await handle.close();
      }
      // Longer than a page, so the log cannot take it into the space its last page has left.
      const error = await rejection(small.api['annotations.createFromQuote']({ articleId: id, quote: 'logistics', comment: 'x'.repeat(20_000) }));
      expect(error.message).toMatch(/^Nothing was saved: .*journal\.jsonl could not be written \(the disk is full\)\. The last saved state is intact\.$/);
      expect((await small.api['annotations.list']({ articleId: id })).annotations.map((a) => a.comment)).toEqual(['before the disk filled']);
      await fsp.rm(filler);
      await small.api['annotations.createFromQuote']({ articleId: id, quote: 'partnership', comment: 'after' });
      await small.store.close();
      const reopened = createCore(await WorkspaceStore.open(dir, {}));
      expect((await reopened.api['annotations.list']({ articleId: id })).annotations.map((a) => a.comment)).toEqual(['before the disk filled', 'after']);
      await reopened.store.close();
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});
