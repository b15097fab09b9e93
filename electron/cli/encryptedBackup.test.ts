import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noteContentOf, serializedParagraph } from '../common/model/note';
import { createCore, lockWorkspace, unlockWorkspace, WorkspaceStore } from '../core';
import { cliScratch } from './testing/cliScratch';
import { runCaptured } from './testing/runCaptured';

const scratch = cliScratch('dossier-cli-crypt-backup-');
/** Cheap key derivation: this test is about the archive, not scrypt's cost. */
const kdf = { N: 1024, r: 8, p: 1 };
const PASS = 'harbour lights at dusk';
/** Sentences to look for in the archive's bytes: one of the article, one of a note, one of a comment. */
const ARTICLE = 'The frigate Anzac escorted the tanker Ellsworth through the Lombok Strait.';
const NOTE = 'Ask the port authority about the second refuelling stop near Benoa.';
const COMMENT = 'Confirms the escort schedule';
const NAME = 'Operation Southern Lantern';

const run = (env: Record<string, string>, dir: string, ...args: string[]) => runCaptured([...args, '--workspace', dir], { env, kdf });

afterEach(async () => {
  await lockWorkspace(scratch.ws);
  await lockWorkspace(path.join(scratch.tmp, 'restored'));
});

/** A note written through the core, as the app saves one, and the workspace named. */
async function writeNote(dir: string): Promise<string> {
  await unlockWorkspace(dir, PASS);
  const core = createCore(await WorkspaceStore.open(dir));
  try {
    const content = noteContentOf([serializedParagraph([{ type: 'text', text: NOTE, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }])]);
    await core.api['workspace.rename']({ name: NAME });
    return (await core.api['notes.create']({ title: 'Port call', content })).note.id;
  } finally {
    await core.close();
    await lockWorkspace(dir);
  }
}

describe('a backup archive of an encrypted workspace', () => {
  it('holds no plaintext, and restores into a new folder that opens with the passphrase, data intact', async () => {
    const file = path.join(scratch.tmp, 'escort.txt');
    await fs.writeFile(file, `Escort report\n\n${ARTICLE} Both ships reached Darwin on schedule.\n`);
    expect((await run({}, scratch.ws, 'import', file)).code).toBe(0);
    const encrypted = await run({ DOSSIER_PASSPHRASE: PASS }, scratch.ws, 'encrypt', '--json');
    expect(encrypted.code, encrypted.stderr).toBe(0);
    await lockWorkspace(scratch.ws);
    const env = { DOSSIER_PASSPHRASE: PASS };
    const { articles } = JSON.parse((await run(env, scratch.ws, 'articles', '--json')).stdout) as { articles: { id: string; title: string }[] };
    const id = articles[0]!.id;
    expect((await run(env, scratch.ws, 'annotate', '--article', id, '--quote', 'Lombok Strait', '--comment', COMMENT)).code).toBe(0);
    await lockWorkspace(scratch.ws);
    const noteId = await writeNote(scratch.ws);

    const zip = path.join(scratch.tmp, 'escort-backup.zip');
    const backup = await run(env, scratch.ws, 'backup', '--out', zip, '--json');
    expect(backup.code, backup.stderr).toBe(0);
    await lockWorkspace(scratch.ws);

    // The archive's bytes, compressed or not, never show the texts, the workspace's name nor a title.
    const bytes = await fs.readFile(zip);
    for (const secret of [ARTICLE, 'Lombok Strait', NOTE, 'refuelling', COMMENT, 'Escort report', 'Port call', NAME]) {
      expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
    }
    const inflated = await archiveTexts(zip);
    for (const secret of [ARTICLE, NOTE, COMMENT, 'Escort report', 'Port call', NAME]) expect(inflated, secret).not.toContain(secret);

    // Restored into a new folder: it is the same encrypted workspace.
    const restoredDir = path.join(scratch.tmp, 'restored');
    const restored = await run(env, restoredDir, 'restore', zip, '--json');
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ workspace: restoredDir, articles: 1 });
    expect(existsSync(path.join(restoredDir, 'keys.json'))).toBe(true);
    await lockWorkspace(restoredDir);

    // It opens only with the passphrase …
    const locked = await run({}, restoredDir, 'articles', '--json');
    expect(locked.code).toBe(1);
    expect(locked.stderr).toMatch(/is encrypted/);
    const wrong = await run({ DOSSIER_PASSPHRASE: 'not it' }, restoredDir, 'articles', '--json');
    expect(wrong.code).toBe(1);

    // … and with it, holds what was saved.
    const listed = await run(env, restoredDir, 'articles', '--json');
    expect(JSON.parse(listed.stdout)).toEqual({ articles });
    const found = await run(env, restoredDir, 'search', 'refuelling', '--json');
    expect(JSON.parse(found.stdout).results).toEqual([expect.objectContaining({ kind: 'note', id: noteId })]);
    const highlights = await run(env, restoredDir, 'annotations', '--article', id, '--json');
    expect(highlights.stdout).toContain(COMMENT);
    const checked = await run(env, restoredDir, 'check', '--json');
    expect(JSON.parse(checked.stdout), checked.stdout).toEqual({ healthy: true, problems: [] });
  });

  it('refuses a wrong passphrase before writing anything, and restores without one (checked when first unlocked)', async () => {
    const file = path.join(scratch.tmp, 'a.txt');
    await fs.writeFile(file, `Note\n\n${ARTICLE}\n`);
    expect((await run({}, scratch.ws, 'import', file)).code).toBe(0);
    expect((await run({ DOSSIER_PASSPHRASE: PASS }, scratch.ws, 'encrypt')).code).toBe(0);
    await lockWorkspace(scratch.ws);
    const zip = path.join(scratch.tmp, 'b.zip');
    expect((await run({ DOSSIER_PASSPHRASE: PASS }, scratch.ws, 'backup', '--out', zip)).code).toBe(0);
    await lockWorkspace(scratch.ws);

    const target = path.join(scratch.tmp, 'restored');
    const wrong = await run({ DOSSIER_PASSPHRASE: 'not it' }, target, 'restore', zip);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);
    expect(existsSync(target)).toBe(false);

    // No passphrase and no terminal: restored all the same (the files' hashes are checked), the count unknown.
    const blind = await run({}, target, 'restore', zip, '--json');
    expect(blind.code, blind.stderr).toBe(0);
    expect(JSON.parse(blind.stdout)).toMatchObject({ articles: null, encrypted: true });
    const listed = await run({ DOSSIER_PASSPHRASE: PASS }, target, 'articles', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { articles: unknown[] }).articles).toHaveLength(1);
  });
});

/** Every entry of the archive inflated, as one latin1 string (compressed entries hide text from a byte grep). */
async function archiveTexts(zip: string): Promise<string> {
  const { unzipSync } = await import('fflate');
  const entries = unzipSync(new Uint8Array(await fs.readFile(zip)));
  return Object.values(entries)
    .map((b) => Buffer.from(b).toString('latin1'))
    .join('\n');
}
