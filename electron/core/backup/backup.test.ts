import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type DossierCore } from '../dossierCore';
import { SCHEMA_VERSION } from '../store/schemaFile';
import { WorkspaceStore } from '../store/workspaceStore';
import { liveForeignPid, rejection } from '../testing/testHelpers';
import { backupWorkspace } from './backup';
import { BackupManifest } from './backupManifest';
import { previewBackup, restoreBackup } from './restoreBackup';

const SAMPLE = fileURLToPath(new URL('../../../assets/india-japan-defence-2025-05-04.txt', import.meta.url));

let tmp: string;
let ws: string;
const children: ChildProcess[] = [];
const cores: DossierCore[] = [];

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dossier-backup-'));
  ws = path.join(tmp, 'ws');
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.store.close();
  for (const child of children.splice(0)) child.kill();
  await fs.rm(tmp, { recursive: true, force: true });
});

async function open(dir: string, options: { create?: boolean; lock?: boolean } = {}): Promise<DossierCore> {
  const core = createCore(await WorkspaceStore.open(dir, options), { creator: { name: 'Analyst' } });
  cores.push(core);
  return core;
}

/** A workspace with the sample, a second version of a small article, annotations, a reply and an accepted entity. */
async function populated(options: { lock?: boolean } = {}): Promise<{ core: DossierCore; articleId: string }> {
  const core = await open(ws, { create: true, ...options });
  const file = (name: string, bytes: Uint8Array | string) => ({ name, base64: Buffer.from(bytes).toString('base64') });
  const { articles } = await core.api['articles.import']({
    files: [file('sample.txt', await fs.readFile(SAMPLE)), file('short.txt', 'Short article\n\nSome words 😀 here.')],
  });
  const articleId = articles[0]!.id;
  const { annotation } = await core.api['annotations.createFromQuote']({ articleId, quote: 'strategic partners', comment: 'Quad', color: 'green' });
  await core.api['replies.add']({ articleId, annotationId: annotation.id, body: 'Agreed.' });
  await core.api['articles.replace']({ id: articles[1]!.id, file: file('short-v2.txt', 'Short article\n\nSome more words 😀 here.') });
  const { suggestions } = await core.api['entities.forArticle']({ articleId });
  await core.api['entities.accept']({ articleId, key: suggestions.find((s) => s.name === 'India')!.key });
  return { core, articleId };
}

/** What a user sees of a workspace: every article with its text, annotations and entities. */
async function contents(core: DossierCore): Promise<unknown> {
  const { articles } = await core.api['articles.list']({});
  return {
    info: (({ id, name, schemaVersion, palette, articleCount }) => ({ id, name, schemaVersion, palette, articleCount }))(await core.api['workspace.info']({})),
    articles: await Promise.all(
      articles.map(async (a) => ({
        ...(await core.api['articles.get']({ id: a.id })),
        v1: (await core.api['articles.versionText']({ id: a.id, version: 1 })).text,
        annotations: (await core.api['annotations.list']({ articleId: a.id })).annotations,
        mentions: (await core.api['entities.forArticle']({ articleId: a.id })).mentions,
      })),
    ),
    entities: (await core.api['entities.list']({})).entities,
  };
}

/** The workspace's own files: derived data (the search index and its journal) is never backed up. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (entry.isFile() && !rel.startsWith('search/')) out.push(rel);
  }
  return out.sort();
}

describe('backupWorkspace → restoreBackup', () => {
  it('restores a workspace that opens with the same articles, texts, versions, annotations and entities', async () => {
    const { core } = await populated();
    const before = await contents(core);
    await core.store.close();
    const out = path.join(tmp, 'backup.zip');
    const result = await backupWorkspace(ws, out);
    expect(result).toMatchObject({ out, workspaceId: (before as { info: { id: string } }).info.id, whileOpen: false });

    const restored = path.join(tmp, 'restored', 'ws');
    const summary = await restoreBackup(out, restored);
    expect(summary).toMatchObject({ workspace: restored, articles: 2, files: result.files });
    expect(await listFiles(restored)).toEqual((await listFiles(ws)).filter((f) => f !== '.dossier.lock'));
    const reopened = await open(restored);
    expect(await contents(reopened)).toEqual(before);
    // The originals stay read-only, as the store writes them.
    const original = (await listFiles(restored)).find((f) => /\/v1\/original\.txt$/.test(f))!;
    expect((await fs.stat(path.join(restored, original))).mode & 0o222).toBe(0);
  });

  it('writes a manifest with the schema version, workspace id, time and a SHA-256 per file; leaves out the lock', async () => {
    const { core } = await populated();
    const out = path.join(tmp, 'backup.zip');
    await backupWorkspace(ws, out);
    const entries = unzipSync(await fs.readFile(out));
    const manifest = BackupManifest.parse(JSON.parse(new TextDecoder().decode(entries['manifest.json'])));
    expect(manifest).toMatchObject({ format: 'dossier-backup', formatVersion: 1, schemaVersion: SCHEMA_VERSION, workspaceId: core.store.info().id });
    expect(Date.parse(manifest.created)).not.toBeNaN();
    expect(manifest.files.some((f) => f.path.startsWith('search/'))).toBe(false);
    expect(manifest.files.map((f) => f.path)).toEqual((await listFiles(ws)).filter((f) => f !== '.dossier.lock'));
    for (const f of manifest.files) {
      const bytes = await fs.readFile(path.join(ws, f.path));
      expect(createHash('sha256').update(bytes).digest('hex'), f.path).toBe(f.sha256);
      expect(entries[`workspace/${f.path}`], f.path).toEqual(new Uint8Array(bytes));
    }
    expect(Object.keys(entries).sort()).toEqual(['manifest.json', ...manifest.files.map((f) => `workspace/${f.path}`)].sort());
  });

  it('keeps any file byte for byte: ZIP signatures inside stored data, several MB, empty files and folders', async () => {
    const { core } = await populated();
    await core.store.close();
    const extra = path.join(ws, 'extra');
    await fs.mkdir(path.join(extra, 'empty-folder'), { recursive: true });
    const signatures = Buffer.from('%PDF-1.7 PK\x03\x04 PK\x07\x08 PK\x01\x02 PK\x05\x06 end', 'latin1');
    const random = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    await fs.writeFile(path.join(extra, 'scan.pdf'), Buffer.concat([signatures, random.subarray(0, 5000), signatures]));
    await fs.writeFile(path.join(extra, 'large.bin'), random);
    await fs.writeFile(path.join(extra, 'empty.txt'), '');
    const out = path.join(tmp, 'backup.zip');
    await backupWorkspace(ws, out);
    const restored = path.join(tmp, 'restored');
    await restoreBackup(out, restored);
    for (const name of ['scan.pdf', 'large.bin', 'empty.txt']) {
      // Buffer.equals: a deep toEqual over megabytes takes the test runner minutes.
      expect((await fs.readFile(path.join(restored, 'extra', name))).equals(await fs.readFile(path.join(extra, name))), name).toBe(true);
    }
    expect(await fs.readdir(path.join(restored, 'extra', 'empty-folder'))).toEqual([]);
  });

  it('needs force to overwrite, and refuses to write into the workspace itself', async () => {
    await populated();
    const out = path.join(tmp, 'backup.zip');
    await fs.writeFile(out, 'keep me');
    expect((await rejection(backupWorkspace(ws, out))).message).toMatch(/already exists; add --force/);
    expect(await fs.readFile(out, 'utf8')).toBe('keep me');
    await backupWorkspace(ws, out, { force: true });
    expect(unzipSync(await fs.readFile(out))['manifest.json']).toBeDefined();
    expect((await rejection(backupWorkspace(ws, path.join(ws, 'inside.zip')))).message).toMatch(/outside the workspace folder/);
    expect((await rejection(backupWorkspace(ws, path.join(tmp, 'no', 'such', 'b.zip')))).message).toMatch(/folder does not exist/);
    expect((await rejection(backupWorkspace(path.join(tmp, 'nothing'), path.join(tmp, 'b.zip')))).message).toMatch(/not a Dossier workspace/);
  });

  it('copies a workspace another Dossier has open without taking its lock, starting again when it changes mid-copy', async () => {
    const { core, articleId } = await populated({ lock: false });
    const lock = JSON.stringify({ pid: liveForeignPid(children), host: os.hostname(), startedAt: new Date().toISOString() });
    await fs.writeFile(path.join(ws, '.dossier.lock'), lock);
    let changed = 0;
    const out = path.join(tmp, 'backup.zip');
    const result = await backupWorkspace(ws, out, {
      onProgress: async () => {
        if (changed++ === 0) await core.api['annotations.createFromQuote']({ articleId, quote: 'Rajnath Singh', comment: 'during the backup' });
      },
    });
    expect(result.whileOpen).toBe(true);
    expect(await fs.readFile(path.join(ws, '.dossier.lock'), 'utf8')).toBe(lock);
    const restored = path.join(tmp, 'restored');
    await restoreBackup(out, restored);
    const reopened = await open(restored);
    const comments = (await reopened.api['annotations.list']({ articleId })).annotations.map((a) => a.comment);
    expect(comments.sort()).toEqual(['Quad', 'during the backup']);
    expect(await contents(reopened)).toEqual(await contents(core));
  });

  it('refuses a workspace that changes through every attempt, leaving no partial file', async () => {
    const { core, articleId } = await populated({ lock: false });
    await fs.writeFile(path.join(ws, '.dossier.lock'), JSON.stringify({ pid: liveForeignPid(children), host: os.hostname(), startedAt: 'x' }));
    let n = 0;
    const out = path.join(tmp, 'backup.zip');
    const error = await rejection(
      backupWorkspace(ws, out, {
        onProgress: async (p) => {
          if (p.file.endsWith('annotations.json')) await core.api['annotations.update']({ articleId, id: (await core.api['annotations.list']({ articleId })).annotations[0]!.id, comment: `edit ${n++}` });
        },
      }),
    );
    expect(error.message).toMatch(/kept changing/);
    expect((await fs.readdir(tmp)).filter((f) => f !== 'ws')).toEqual([]);
  });
});

describe('restoreBackup refuses', () => {
  let archive: string;
  beforeEach(async () => {
    await populated();
    archive = path.join(tmp, 'backup.zip');
    await backupWorkspace(ws, archive);
  });
  const backup = async () => archive;

  /** The archive rebuilt with `change` applied to its entries (the manifest unchanged unless changed). */
  async function rewritten(change: (entries: Record<string, Uint8Array>) => void): Promise<string> {
    const entries = unzipSync(await fs.readFile(await backup()));
    change(entries);
    const out = path.join(tmp, 'rewritten.zip');
    await fs.writeFile(out, zipSync(entries));
    return out;
  }

  async function expectNothingRestored(target: string): Promise<void> {
    await expect(fs.access(target)).rejects.toMatchObject({ code: 'ENOENT' });
  }

  /** The archive with one bit changed inside the stored data of `entry` (its local header comes first in the file). */
  async function flipped(entry: string, into: number): Promise<string> {
    const bytes = await fs.readFile(archive);
    const name = Buffer.from(entry);
    const header = bytes.indexOf(name) - 30;
    const at = header + 30 + name.length + bytes.readUInt16LE(header + 28) + into;
    bytes[at] = bytes[at]! ^ 0x01;
    const out = path.join(tmp, 'tampered.zip');
    await fs.writeFile(out, bytes);
    return out;
  }

  it('an archive with one byte changed (in an article or in the manifest), leaving no workspace behind', async () => {
    const entries = unzipSync(await fs.readFile(archive));
    const sample = Object.keys(entries)
      .filter((k) => k.endsWith('/v1/original.txt'))
      .sort((a, b) => entries[b]!.length - entries[a]!.length)[0]!;
    for (const [entry, into] of [[sample, 400], ['manifest.json', 100]] as const) {
      const target = path.join(tmp, 'restored');
      const error = await rejection(restoreBackup(await flipped(entry, into), target));
      expect(error.message, entry).toMatch(/ is damaged: | does not match its SHA-256|its manifest is/);
      await expectNothingRestored(target);
    }
  });

  it('a file whose content differs from its SHA-256 in the manifest', async () => {
    const out = await rewritten((entries) => {
      const key = Object.keys(entries).find((k) => k.endsWith('/annotations.json'))!;
      // Same size, other bytes: only the hash can tell.
      entries[key] = new TextEncoder().encode(new TextDecoder().decode(entries[key]).replace('"annotations"', '"Annotations"'));
    });
    const target = path.join(tmp, 'restored');
    expect((await rejection(restoreBackup(out, target))).message).toMatch(/annotations\.json does not match its SHA-256/);
    await expectNothingRestored(target);
  });

  it('nothing when only previewed: the manifest is read and checked, and a tampered archive is refused the same way', async () => {
    const preview = await previewBackup(archive);
    const manifest = BackupManifest.parse(JSON.parse(new TextDecoder().decode(unzipSync(await fs.readFile(archive))['manifest.json'])));
    expect(preview).toEqual({
      workspaceName: manifest.workspaceName,
      encrypted: false,
      created: manifest.created,
      files: manifest.files.length,
      bytes: manifest.files.reduce((sum, f) => sum + f.size, 0),
    });
    expect(preview.files).toBeGreaterThan(0);
    const evil = await rewritten((entries) => {
      entries['workspace/../evil.txt'] = new TextEncoder().encode('evil');
    });
    expect((await rejection(previewBackup(evil))).message).toMatch(/outside the workspace folder/);
    const notZip = path.join(tmp, 'notes.txt');
    await fs.writeFile(notZip, 'plain text');
    await expect(previewBackup(notZip)).rejects.toThrow();
    expect((await fs.readdir(tmp)).sort()).toEqual(['backup.zip', 'notes.txt', 'rewritten.zip', 'ws']);
  });

  it('entries with ../ or absolute paths, writing nothing anywhere', async () => {
    for (const evil of ['workspace/../evil.txt', '/tmp/evil.txt', 'workspace/articles/../../evil.txt', 'workspace/C:/evil.txt', 'workspace\\..\\evil.txt']) {
      const out = await rewritten((entries) => {
        entries[evil] = new TextEncoder().encode('evil');
      });
      const target = path.join(tmp, 'restored');
      expect((await rejection(restoreBackup(out, target))).message, evil).toMatch(/outside the workspace folder/);
      await expectNothingRestored(target);
    }
    expect((await fs.readdir(tmp)).sort()).toEqual(['backup.zip', 'rewritten.zip', 'ws']);
  });

  it('a manifest that names a path outside the folder, or lists a file the archive lacks, or misses one it holds', async () => {
    const manifestOf = (entries: Record<string, Uint8Array>) => JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as BackupManifest;
    const withManifest = (edit: (m: BackupManifest) => void) =>
      rewritten((entries) => {
        const manifest = manifestOf(entries);
        edit(manifest);
        entries['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
      });
    const cases: [() => Promise<string>, RegExp][] = [
      [() => withManifest((m) => m.files.push({ path: '../evil.txt', size: 0, sha256: '0'.repeat(64), readOnly: false })), /outside the workspace folder/],
      [() => withManifest((m) => m.files.push({ path: 'missing.json', size: 0, sha256: '0'.repeat(64), readOnly: false })), /missing\.json is listed in its manifest but missing/],
      [() => withManifest((m) => m.files.splice(m.files.findIndex((f) => f.path === 'library.json'), 1)), /holds library\.json, which its manifest does not list/],
      [() => rewritten((entries) => delete entries['manifest.json']), /not a Dossier backup/],
    ];
    for (const [make, message] of cases) {
      const target = path.join(tmp, 'restored');
      expect((await rejection(restoreBackup(await make(), target))).message).toMatch(message);
      await expectNothingRestored(target);
    }
  });

  it('a folder that is not empty, and keeps an empty one it was given empty', async () => {
    const out = await backup();
    const full = path.join(tmp, 'full');
    await fs.mkdir(full);
    await fs.writeFile(path.join(full, 'notes.txt'), 'mine');
    expect((await rejection(restoreBackup(out, full))).message).toMatch(/is not empty \(it holds notes\.txt\); restore into an empty or new folder/);
    expect(await fs.readdir(full)).toEqual(['notes.txt']);
    expect((await rejection(restoreBackup(out, ws))).message).toMatch(/is not empty/);

    const empty = path.join(tmp, 'empty');
    await fs.mkdir(empty);
    await fs.writeFile(path.join(empty, '.DS_Store'), '');
    await rejection(restoreBackup(await flipped('manifest.json', 100), empty));
    expect(await fs.readdir(empty)).toEqual(['.DS_Store']);
    expect((await restoreBackup(out, empty)).articles).toBe(2);
  });

  it('writing into a hidden entry the empty folder already had (it could be a link leading elsewhere)', async () => {
    const out = await rewritten((entries) => {
      const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as BackupManifest;
      const bytes = new TextEncoder().encode('planted');
      manifest.files.push({ path: '.hidden/planted.txt', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), readOnly: false });
      entries['workspace/.hidden/planted.txt'] = bytes;
      entries['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
    });
    const elsewhere = path.join(tmp, 'elsewhere');
    await fs.mkdir(elsewhere);
    const target = path.join(tmp, 'target');
    await fs.mkdir(target);
    await fs.symlink(elsewhere, path.join(target, '.hidden'), 'dir');
    expect((await rejection(restoreBackup(out, target))).message).toMatch(/would write into \.hidden, which is already there/);
    expect(await fs.readdir(elsewhere)).toEqual([]);
    expect(await fs.readdir(target)).toEqual(['.hidden']);
  });

  it('a file that is not a ZIP archive, or does not exist', async () => {
    const notZip = path.join(tmp, 'not.zip');
    await fs.writeFile(notZip, 'hello');
    expect((await rejection(restoreBackup(notZip, path.join(tmp, 'r')))).message).toMatch(/not a readable backup archive/);
    expect((await rejection(restoreBackup(path.join(tmp, 'none.zip'), path.join(tmp, 'r')))).message).toMatch(/no such file/);
    await expectNothingRestored(path.join(tmp, 'r'));
  });
});
