import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockWorkspace, RememberedKeys } from '../core';
import { cliScratch } from './testing/cliScratch';
import { runCaptured } from './testing/runCaptured';

const scratch = cliScratch('dossier-cli-crypt-');
/** Cheap key derivation: these tests are about the commands, not scrypt's cost. */
const kdf = { N: 1024, r: 8, p: 1 };

const run = (env: Record<string, string>, ...args: string[]) => runCaptured([...args, '--workspace', scratch.ws], { env, kdf });

// The key stays unlocked in this process once a command gave it: each test starts locked.
afterEach(async () => lockWorkspace(scratch.ws));

/** Every file of the folder with its bytes, but the lock (and the conversion's own files). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (rel: string) => {
    for (const e of await fs.readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) await walk(child);
      else out.set(child, (await fs.readFile(path.join(dir, child))).toString('base64'));
    }
  };
  await walk('');
  return out;
}

async function importSample(env: Record<string, string> = {}, text = 'Defence ministers meet\n\nRajnath Singh met Gen Nakatani in New Delhi to discuss a logistics agreement.'): Promise<void> {
  const file = path.join(scratch.tmp, 'talks.txt');
  await fs.writeFile(file, text);
  const r = await run(env, 'import', file);
  expect(r.code, r.stderr).toBe(0);
}

describe('dossier encrypt, decrypt and passphrase', () => {
  it('encrypts a workspace, which then opens only with the passphrase, and decrypts it back', async () => {
    await importSample();
    const before = JSON.parse((await run({}, 'articles', '--json')).stdout) as { articles: { id: string; title: string }[] };
    const id = before.articles[0]!.id;
    expect((await run({}, 'annotate', '--article', id, '--quote', 'logistics agreement', '--comment', 'RPSSA talks')).code).toBe(0);
    await lockWorkspace(scratch.ws);

    const encrypted = await run({ DOSSIER_PASSPHRASE: 'correct horse' }, 'encrypt', '--json');
    expect(encrypted.code, encrypted.stderr).toBe(0);
    const result = JSON.parse(encrypted.stdout) as { files: number; recoveryKey: string; resumed: boolean };
    expect(result.resumed).toBe(false);
    expect(result.recoveryKey).toMatch(/^([A-Z2-7]{4}-){12}[A-Z2-7]{4}$/);
    // Nothing readable is left: no title, no quote, no comment in any file.
    for (const [file, bytes] of await snapshot(scratch.ws)) {
      const text = Buffer.from(bytes, 'base64').toString('latin1');
      expect(text, file).not.toMatch(/Defence|logistics|RPSSA|Nakatani/);
    }

    // Without the passphrase, or with a wrong one: one line, exit 1, and not a byte changes.
    const untouched = await snapshot(scratch.ws);
    for (const env of [{}, { DOSSIER_PASSPHRASE: 'wrong' }] as Record<string, string>[]) {
      const r = await run(env, 'articles', '--json');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(env.DOSSIER_PASSPHRASE ? /Wrong passphrase/ : /is encrypted: set DOSSIER_PASSPHRASE/);
      expect(await snapshot(scratch.ws)).toEqual(untouched);
      await lockWorkspace(scratch.ws);
    }

    // Every other command works given the passphrase, or the recovery key.
    for (const secret of ['correct horse', result.recoveryKey.toLowerCase()]) {
      const listed = await run({ DOSSIER_PASSPHRASE: secret }, 'articles', '--json');
      expect(listed.code, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual(before);
      const found = await run({ DOSSIER_PASSPHRASE: secret }, 'search', 'rpssa', '--json');
      expect(JSON.parse(found.stdout).results).toEqual([expect.objectContaining({ kind: 'annotation', articleId: id })]);
      const checked = await run({ DOSSIER_PASSPHRASE: secret }, 'check', '--json');
      expect(JSON.parse(checked.stdout), checked.stdout).toEqual({ healthy: true, problems: [] });
      await lockWorkspace(scratch.ws);
    }
    await importSample({ DOSSIER_PASSPHRASE: 'correct horse' }, 'Naval drill\n\nShips rehearsed logistics at sea off Darwin.');
    await lockWorkspace(scratch.ws);

    const decrypted = await run({ DOSSIER_PASSPHRASE: 'correct horse' }, 'decrypt', '--json');
    expect(decrypted.code, decrypted.stderr).toBe(0);
    await expect(fs.access(path.join(scratch.ws, 'keys.json'))).rejects.toThrow();
    const after = await run({}, 'articles', '--json');
    expect(after.code, after.stderr).toBe(0);
    expect((JSON.parse(after.stdout) as { articles: unknown[] }).articles).toHaveLength(2);
    expect(JSON.parse((await run({}, 'annotations', '--article', id, '--json')).stdout).annotations).toEqual([expect.objectContaining({ comment: 'RPSSA talks' })]);
  });

  it('changes the passphrase by rewriting keys.json alone', async () => {
    await importSample();
    expect((await run({ DOSSIER_PASSPHRASE: 'old one' }, 'encrypt')).code).toBe(0);
    const before = await snapshot(scratch.ws);

    const wrong = await run({ DOSSIER_PASSPHRASE: 'not it', DOSSIER_NEW_PASSPHRASE: 'new one' }, 'passphrase');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^dossier: Wrong passphrase .*\n$/);
    expect(await snapshot(scratch.ws)).toEqual(before);

    const changed = await run({ DOSSIER_PASSPHRASE: 'old one', DOSSIER_NEW_PASSPHRASE: 'new one' }, 'passphrase');
    expect(changed.code, changed.stderr).toBe(0);
    const after = await snapshot(scratch.ws);
    expect([...after.keys()].filter((f) => after.get(f) !== before.get(f))).toEqual(['keys.json']);
    expect((await run({ DOSSIER_PASSPHRASE: 'old one' }, 'articles')).code).toBe(1);
    expect((await run({ DOSSIER_PASSPHRASE: 'new one' }, 'articles')).code).toBe(0);

    // An export is the analyst's plaintext copy, and says so.
    const out = path.join(scratch.tmp, 'all.md');
    const exported = await run({ DOSSIER_PASSPHRASE: 'new one' }, 'export', '--all', '--format', 'md', '--out', out);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toBe(`dossier: ${out} is not encrypted (an export is a plaintext copy)\n`);
    expect(await fs.readFile(out, 'utf8')).toContain('Defence ministers meet');
  });

  it('forgets the key the desktop app remembers for the workspace when it decrypts it', async () => {
    await importSample();
    expect((await run({ DOSSIER_PASSPHRASE: 'correct horse' }, 'encrypt')).code).toBe(0);
    const appData = path.join(scratch.tmp, 'app-data');
    const keychain = { state: () => 'available' as const, seal: (t: string) => Buffer.from(t), open: (b: Buffer) => b.toString() };
    const remembered = new RememberedKeys(appData, keychain);
    await remembered.remember(scratch.ws, Buffer.alloc(32, 7));
    expect(await remembered.has(scratch.ws)).toBe(true);
    await lockWorkspace(scratch.ws);
    const r = await run({ DOSSIER_PASSPHRASE: 'correct horse', DOSSIER_APP_DATA: appData }, 'decrypt');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(await fs.readFile(path.join(appData, 'remembered-keys.json'), 'utf8')).workspaces).toEqual({});
  });

  it('asks for a passphrase on the terminal when none is in the environment, twice for a new one', async () => {
    await importSample();
    const asked: string[] = [];
    const answers = ['typed', 'typed'];
    const readSecret = (prompt: string) => {
      asked.push(prompt);
      return Promise.resolve(answers.shift()!);
    };
    const r = await runCaptured(['encrypt', '--workspace', scratch.ws], { env: {}, kdf, readSecret });
    expect(r.code, r.stderr).toBe(0);
    expect(asked).toEqual([`New passphrase for ${scratch.ws}: `, `New passphrase for ${scratch.ws} again: `]);
    expect(r.stdout).toMatch(/recovery key/);
    await lockWorkspace(scratch.ws);
    answers.push('typed');
    expect((await runCaptured(['articles', '--workspace', scratch.ws], { env: {}, readSecret })).code).toBe(0);
  });
});
