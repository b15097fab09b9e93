import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDossierError } from '../../common/errors';
import { createCore, type DossierCore } from '../dossierCore';
import { filesOf } from '../store/fileAccess';
import { WorkspaceStore } from '../store/workspaceStore';
import { decryptWorkspace, encryptWorkspace } from './convert';
import { open, peekPlaintext, seal, sealedPrefixLength } from './envelope';
import { lockWorkspace, unlockWorkspace } from './keyring';

const kdf = { N: 1024, r: 8, p: 1 };
const PASS = 'correct horse battery';
let tmp: string;
let ws: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-crypt-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  await lockWorkspace(ws);
  await fs.rm(tmp, { recursive: true, force: true });
});

const b64 = (text: string) => Buffer.from(text).toString('base64');

async function openCore(): Promise<DossierCore> {
  return createCore(await WorkspaceStore.open(ws), { creator: { name: 'Analyst' } });
}

/** A workspace with two articles, a highlight, a note and an entity; answers the article ids. */
async function fill(): Promise<string[]> {
  const core = createCore(await WorkspaceStore.open(ws, { create: true }), { creator: { name: 'Analyst' } });
  const { articles } = await core.api['articles.import']({
    files: [
      { name: 'a.txt', base64: b64('Defence ministers meet\n\nRajnath Singh met Gen Nakatani in New Delhi to discuss a logistics agreement.') },
      { name: 'b.txt', base64: b64('Naval drill\n\nShips rehearsed logistics at sea off Darwin.') },
    ],
  });
  const ids = articles.map((a) => a.id);
  await core.api['annotations.createFromQuote']({ articleId: ids[0]!, quote: 'logistics agreement', comment: 'RPSSA talks' });
  await core.api['annotations.createFromQuote']({ articleId: ids[1]!, quote: 'Darwin', comment: 'port' });
  await core.close();
  return ids;
}

/** Every file of the folder, by path, with its bytes. */
async function files(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (rel: string) => {
    for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(child);
      else out.set(child, await fs.readFile(path.join(dir, child)));
    }
  };
  await walk('');
  return out;
}

async function error(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('the envelope', () => {
  const key = Buffer.alloc(32, 7);
  it('opens what it sealed, for the same path and key only, and fails on any change', () => {
    const sealed = seal(key, 'articles/a/annotations.json', 3, Buffer.from('{"x":1}'));
    expect(open(key, 'articles/a/annotations.json', sealed)).toEqual({ generation: 3, plaintext: Buffer.from('{"x":1}') });
    expect(() => open(key, 'articles/b/annotations.json', sealed)).toThrow(/fails authentication/);
    expect(() => open(Buffer.alloc(32, 8), 'articles/a/annotations.json', sealed)).toThrow(/fails authentication/);
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] = tampered[i]! ^ 0x01;
      expect(() => open(key, 'articles/a/annotations.json', tampered), `byte ${i}`).toThrow();
    }
    for (const length of [0, 3, 12, 30, sealed.length - 1]) expect(() => open(key, 'articles/a/annotations.json', sealed.subarray(0, length))).toThrow();
    // A fresh nonce per write: the same text sealed twice never looks the same.
    expect(seal(key, 'f', 1, Buffer.from('same')).equals(seal(key, 'f', 1, Buffer.from('same')))).toBe(false);
  });

  it('gives the start of a sealed text from the start of the file alone, for a hint only', () => {
    const text = `{"schemaVersion":9,"kind":"notes","notes":[${'"ノート",'.repeat(5000)}"end"]}`;
    const sealed = seal(key, 'notes.json', 4, Buffer.from(text));
    const head = sealed.subarray(0, sealedPrefixLength(64));
    expect(peekPlaintext(key, head, 64)!.toString('utf8')).toBe(Buffer.from(text).subarray(0, 64).toString('utf8'));
    // Unauthenticated: another key reads noise, and a plaintext file is no sealed one.
    expect(peekPlaintext(Buffer.alloc(32, 8), head, 64)!.toString('utf8')).not.toContain('schemaVersion');
    expect(peekPlaintext(key, Buffer.from(text), 64)).toBeNull();
  });
});

describe('an encrypted workspace', () => {
  it('reads as the plaintext one did, and a changed, cut, swapped or older file is damage, never read or overwritten', async () => {
    const [a, b] = await fill();
    await encryptWorkspace(ws, PASS, { kdf });
    await unlockWorkspace(ws, PASS);
    let core = await openCore();
    expect((await core.api['annotations.list']({ articleId: a! })).annotations.map((x) => x.comment)).toEqual(['RPSSA talks']);
    // Two saves of one file, folded each time: the first version is kept aside to be put back later.
    await core.api['annotations.createFromQuote']({ articleId: b!, quote: 'Ships', comment: 'first' });
    await core.close();
    const older = await fs.readFile(path.join(ws, 'articles', b!, 'annotations.json'));
    core = await openCore();
    await core.api['annotations.createFromQuote']({ articleId: b!, quote: 'rehearsed', comment: 'second' });
    await core.close();
    await lockWorkspace(ws);

    const fileA = path.join(ws, 'articles', a!, 'article.json');
    const fileB = path.join(ws, 'articles', b!, 'article.json');
    const cases: [string, () => Promise<void>, RegExp][] = [
      ['a byte changed', async () => {
        const bytes = await fs.readFile(fileA);
        bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x40;
        await fs.writeFile(fileA, bytes);
      }, /article\.json is damaged and was left untouched \(it fails authentication/],
      ['cut short', async () => fs.writeFile(fileA, (await fs.readFile(fileA)).subarray(0, 40)), /article\.json is damaged .*fails authentication/],
      ['swapped with another article’s', async () => {
        const [x, y] = [await fs.readFile(fileA), await fs.readFile(fileB)];
        await fs.writeFile(fileA, y);
        await fs.writeFile(fileB, x);
      }, /article\.json is damaged .*fails authentication: it was changed, cut short, or belongs to another file/],
    ];
    for (const [what, damage, message] of cases) {
      const good = await fs.readFile(fileA);
      const goodB = await fs.readFile(fileB);
      await damage();
      const damagedBytes = await fs.readFile(fileA);
      await unlockWorkspace(ws, PASS);
      const store = await WorkspaceStore.open(ws);
      const failure = await error(store.readMeta(a!));
      expect(isDossierError(failure) && failure.code, what).toBe('corrupt-file');
      expect(failure.message, what).toMatch(message);
      await store.close();
      await lockWorkspace(ws);
      expect((await fs.readFile(fileA)).equals(damagedBytes), `${what}: never overwritten`).toBe(true);
      await fs.writeFile(fileA, good);
      await fs.writeFile(fileB, goodB);
    }

    // An older copy of one file put back: its generation is below the one recorded.
    const annotationsB = path.join(ws, 'articles', b!, 'annotations.json');
    await fs.writeFile(annotationsB, older);
    await unlockWorkspace(ws, PASS);
    core = await openCore();
    const notices: string[] = [];
    core.events.subscribe((name, payload) => {
      if (name === 'workspace.notice') notices.push((payload as { message: string }).message);
    });
    // Reported like any damaged highlights file: moved to quarantine/ and rebuilt from the history.
    expect((await core.api['annotations.list']({ articleId: b! })).annotations.map((x) => x.comment).sort()).toEqual(['first', 'port', 'second']);
    expect(notices.join('\n')).toMatch(/annotations\.json was damaged: it was moved to quarantine/);
    await core.close();
    const quarantined = [...(await files(path.join(ws, 'quarantine'))).values()];
    expect(quarantined.some((bytes) => bytes.equals(older))).toBe(true);
    const checked = await (await import('../check/checkWorkspace')).checkWorkspace(ws);
    expect(checked).toEqual([]);
  });

  it('never replays a write-ahead log that was folded already', async () => {
    const [a] = await fill();
    await encryptWorkspace(ws, PASS, { kdf });
    await unlockWorkspace(ws, PASS);
    let core = await openCore();
    await core.api['annotations.createFromQuote']({ articleId: a!, quote: 'Rajnath Singh', comment: 'old' });
    // The log as it stands before the fold, kept aside.
    const log = await fs.readFile(path.join(ws, 'journal.jsonl'));
    await core.close();
    core = await openCore();
    const [first] = (await core.api['annotations.list']({ articleId: a! })).annotations.filter((x) => x.comment === 'old');
    await core.api['annotations.update']({ id: first!.id, articleId: a!, comment: 'new', baseRev: first!.rev });
    await core.close();
    await fs.writeFile(path.join(ws, 'journal.jsonl'), log);
    core = await openCore();
    expect((await core.api['annotations.list']({ articleId: a! })).annotations.map((x) => x.comment).sort()).toEqual(['RPSSA talks', 'new']);
    await core.close();
  });

  it('refuses a wrong passphrase without touching a file, and opens with the recovery key', async () => {
    await fill();
    const { recoveryKey } = await encryptWorkspace(ws, PASS, { kdf });
    const before = await files(ws);
    const wrong = await error(unlockWorkspace(ws, 'not the passphrase'));
    expect(wrong.message).toMatch(/^Wrong passphrase for the encrypted workspace .* \(nothing was changed\)\.$/);
    const locked = await error(WorkspaceStore.open(ws));
    expect(locked.message).toMatch(/is encrypted and locked/);
    expect(await files(ws)).toEqual(before);
    await unlockWorkspace(ws, recoveryKey.replace(/-/g, ' '));
    const core = await openCore();
    expect((await core.api['articles.list']({})).articles).toHaveLength(2);
    await core.close();
  });

  it('converts back and forth after being cut short at any point, to the same files', async () => {
    await fill();
    const plain = await files(ws);
    // Count the steps of a whole conversion, on a copy.
    const probe = path.join(tmp, 'probe');
    await fs.cp(ws, probe, { recursive: true });
    let steps = 0;
    await encryptWorkspace(probe, PASS, { kdf, onStep: () => (steps += 1) });
    await lockWorkspace(probe);
    expect(steps).toBeGreaterThan(10);

    for (const k of [0, 1, Math.floor(steps / 2) - 1, Math.floor(steps / 2), Math.floor(steps / 2) + 1, steps - 1]) {
      const crash = (at: number) => (step: number) => {
        if (step === at) throw new Error(`crash at step ${at}`);
      };
      await expect(encryptWorkspace(ws, PASS, { kdf, onStep: crash(k) })).rejects.toThrow(`crash at step ${k}`);
      // Cut short: the workspace does not open as either kind until the conversion is finished.
      await expect(WorkspaceStore.open(ws)).rejects.toThrow(/was interrupted/);
      const resumed = await encryptWorkspace(ws, PASS, { kdf });
      expect(resumed.resumed).toBe(true);
      for (const [rel, bytes] of await files(ws)) {
        if (rel === 'keys.json' || rel === '.dossier.lock') continue;
        if (rel.endsWith('.jsonl')) for (const line of bytes.toString('utf8').split('\n').slice(0, -1)) expect(line.slice(0, 5), rel).toBe('RFhFM');
        else expect(bytes.subarray(0, 4).toString('latin1'), rel).toBe('DXE1');
      }
      await unlockWorkspace(ws, PASS);
      expect(filesOf(path.join(ws, 'workspace.json')).sealed).toBe(true);
      await lockWorkspace(ws);

      await expect(decryptWorkspace(ws, PASS, { kdf, onStep: crash(k) })).rejects.toThrow(`crash at step ${k}`);
      await decryptWorkspace(ws, PASS);
      const back = await files(ws);
      back.delete('.dossier.lock');
      const expected = new Map(plain);
      expected.delete('.dossier.lock');
      expect([...back.keys()].sort(), `cut at ${k}`).toEqual([...expected.keys()].sort());
      for (const [rel, bytes] of expected) expect(back.get(rel)!.equals(bytes), `${rel}, cut at ${k}`).toBe(true);
    }
  });
});
